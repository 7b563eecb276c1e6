import { redactionKindOf, type RedactionKind, type RedactionType, type Redactor } from './redaction.types';

export interface LabelledSpan {
  start: number;
  end: number;
  type: RedactionType;
  /** The labelled text, repeated for people reading the data; must equal `text.slice(start, end)`. */
  value?: string;
}

export interface LabelledComment {
  id: string;
  text: string;
  spans: readonly LabelledSpan[];
}

export interface MissedSpan {
  commentId: string;
  type: RedactionType;
  value: string;
}

/** Recall and precision of one kind of span (identifiers, names, places). */
export interface KindMetrics {
  labelled: number;
  caught: number;
  /** Labelled spans of the kind entirely covered by removed text; 1 when the set has none. */
  recall: number;
  /** Removed spans the redactor gave a type of this kind. */
  removed: number;
  /** Removed spans of the kind that overlap a label (of any kind), over all removed spans of the kind. */
  precision: number;
}

export interface RedactionMetrics {
  /** Labelled spans entirely covered by removed text, over all labelled spans. */
  recall: number;
  /** Removed spans that overlap a labelled span, over all removed spans. */
  precision: number;
  /** Recall per labelled type; a type with no labels is absent. */
  recallByType: Partial<Record<RedactionType, number>>;
  /** Recall and precision per kind: identifiers, names and places (places and organisations). */
  byKind: Record<RedactionKind, KindMetrics>;
  /** Caught labelled spans whose covering removed span has the labelled type. */
  typeAgreement: number;
  labelledSpans: number;
  removedSpans: number;
  /** Share of comments flagged for review, and of comments with no labelled span flagged. */
  reviewRate: number;
  cleanCommentReviewRate: number;
  missed: MissedSpan[];
  /** Removed text that matched no label, for reading what the redactor over-removes. */
  spurious: MissedSpan[];
}

const ratio = (part: number, whole: number): number => (whole === 0 ? 1 : part / whole);

interface KindTally {
  labelled: number;
  caught: number;
  removed: number;
  onLabels: number;
}

const emptyTally = (): KindTally => ({ labelled: 0, caught: 0, removed: 0, onLabels: 0 });

const kindFigures = (tally: KindTally): KindMetrics => ({
  labelled: tally.labelled,
  caught: tally.caught,
  recall: ratio(tally.caught, tally.labelled),
  removed: tally.removed,
  precision: ratio(tally.onLabels, tally.removed),
});

/**
 * Runs the redactor over labelled comments. Recall counts a labelled span as caught when removed spans cover
 * every character of it (one removed span or several adjacent ones); the type given to it does not matter for
 * recall (a trust removed as `[PLACE]` is still removed) and is reported as `typeAgreement`.
 */
export function measureRedaction(redactor: Redactor, labelled: readonly LabelledComment[]): RedactionMetrics {
  let caught = 0;
  let agreeing = 0;
  let removed = 0;
  let removedOnLabels = 0;
  let flagged = 0;
  let clean = 0;
  let cleanFlagged = 0;
  const perType = new Map<RedactionType, { caught: number; total: number }>();
  const kinds: Record<RedactionKind, KindTally> = {
    identifier: emptyTally(),
    name: emptyTally(),
    place: emptyTally(),
  };
  const kindTally = (type: RedactionType): KindTally => kinds[redactionKindOf(type)];
  const missed: MissedSpan[] = [];
  const spurious: MissedSpan[] = [];
  for (const comment of labelled) {
    const result = redactor.redact(comment.text);
    const covered = new Uint8Array(comment.text.length);
    for (const span of result.spans) {
      covered.fill(1, span.start, span.end);
    }
    for (const label of comment.spans) {
      const tally = perType.get(label.type) ?? { caught: 0, total: 0 };
      tally.total += 1;
      perType.set(label.type, tally);
      const kind = kindTally(label.type);
      kind.labelled += 1;
      if (covered.subarray(label.start, label.end).every((flag) => flag === 1)) {
        caught += 1;
        tally.caught += 1;
        kind.caught += 1;
        const by = result.spans.find((span) => span.start <= label.start && span.end > label.start);
        agreeing += by?.type === label.type ? 1 : 0;
      } else {
        missed.push({
          commentId: comment.id,
          type: label.type,
          value: comment.text.slice(label.start, label.end),
        });
      }
    }
    for (const span of result.spans) {
      removed += 1;
      const kind = kindTally(span.type);
      kind.removed += 1;
      if (comment.spans.some((label) => label.start < span.end && span.start < label.end)) {
        removedOnLabels += 1;
        kind.onLabels += 1;
      } else {
        spurious.push({
          commentId: comment.id,
          type: span.type,
          value: comment.text.slice(span.start, span.end),
        });
      }
    }
    flagged += result.needsReview ? 1 : 0;
    if (comment.spans.length === 0) {
      clean += 1;
      cleanFlagged += result.needsReview ? 1 : 0;
    }
  }
  const labelledSpans = [...perType.values()].reduce((sum, tally) => sum + tally.total, 0);
  return {
    recall: ratio(caught, labelledSpans),
    precision: ratio(removedOnLabels, removed),
    recallByType: Object.fromEntries(
      [...perType].map(([type, tally]) => [type, ratio(tally.caught, tally.total)]),
    ),
    byKind: {
      identifier: kindFigures(kinds.identifier),
      name: kindFigures(kinds.name),
      place: kindFigures(kinds.place),
    },
    typeAgreement: ratio(agreeing, caught),
    labelledSpans,
    removedSpans: removed,
    reviewRate: ratio(flagged, labelled.length),
    cleanCommentReviewRate: ratio(cleanFlagged, clean),
    missed,
    spurious,
  };
}
