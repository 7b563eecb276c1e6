import type { Candidate, RedactionSpan } from './redaction.types';

/** Which layer decides the type when spans overlap: checksummed and shaped identifiers first, guesses last. */
const layerPriority: ReadonlyArray<readonly [string, number]> = [
  ['rule:', 100],
  ['registry', 90],
  ['pattern:', 80],
  ['context:', 70],
  ['nlp:', 60],
  ['guess:', 40],
];

function priorityOf(source: string): number {
  return layerPriority.find(([prefix]) => source.startsWith(prefix))?.[1] ?? 0;
}

export interface MergedSpan extends RedactionSpan {
  /** Reasons to review this span: a guess no surer layer confirmed, or a layer's own doubt. */
  reviewReasons: string[];
}

const placeTypes: readonly string[] = ['PLACE', 'ORGANISATION'];

const mergesWithNext = (current: MergedSpan, next: Candidate, text: string): boolean =>
  next.start < current.end ||
  // `Emma Louise` + `Barker` found apart are one name; `[NAME] [NAME]` would say how many words it had.
  (next.type === current.type &&
    ['NAME', 'PLACE', 'ORGANISATION'].includes(next.type) &&
    /^[ \t]+$/.test(text.slice(current.end, next.start))) ||
  // `Mid Yorkshire and Wakefield`, a trust named after places listed with `and`, is one name; names listed
  // with `and` (`Grace and Will`) stay apart.
  (placeTypes.includes(next.type) &&
    placeTypes.includes(current.type) &&
    /^[ \t]+(?:and|&)[ \t]+$/i.test(text.slice(current.end, next.start)));

/**
 * Overlapping candidates become one span covering all of them, typed by the highest-priority layer among them
 * (the longer span on a tie); every contributing layer is named in `source`.
 */
export function mergeCandidates(candidates: readonly Candidate[], text: string): MergedSpan[] {
  const sorted = candidates
    .filter((candidate) => candidate.end > candidate.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: MergedSpan[] = [];
  let group: Candidate[] = [];
  let current: MergedSpan | undefined;
  const close = (): void => {
    if (!current) {
      return;
    }
    const winner = [...group].sort(
      (a, b) => priorityOf(b.source) - priorityOf(a.source) || b.end - b.start - (a.end - a.start),
    )[0];
    const sources = [
      ...new Set([...group].sort((a, b) => priorityOf(b.source) - priorityOf(a.source)).map((c) => c.source)),
    ];
    const reasons = group.flatMap((candidate) => (candidate.reviewReason ? [candidate.reviewReason] : []));
    if (group.every((candidate) => candidate.confidence === 'guess') && reasons.length === 0) {
      reasons.push(`uncertain ${winner.type} at ${current.start}-${current.end} (${winner.source})`);
    }
    merged.push({ ...current, type: winner.type, source: sources.join('+'), reviewReasons: reasons });
  };
  for (const candidate of sorted) {
    if (current && mergesWithNext(current, candidate, text)) {
      current.end = Math.max(current.end, candidate.end);
      group.push(candidate);
      continue;
    }
    close();
    current = {
      start: candidate.start,
      end: candidate.end,
      type: candidate.type,
      source: candidate.source,
      reviewReasons: [],
    };
    group = [candidate];
  }
  close();
  return merged;
}
