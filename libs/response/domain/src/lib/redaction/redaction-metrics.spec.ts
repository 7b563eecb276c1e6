import { measureRedaction, type LabelledComment } from './redaction-metrics';
import type { RedactionSpan, Redactor } from './redaction.types';

/** A redactor that removes exactly the given spans of each text. */
const fakeRedactor = (removals: Record<string, Array<Omit<RedactionSpan, 'source'>>>): Redactor => ({
  redact: (text) => {
    const spans = (removals[text] ?? []).map((span) => ({ ...span, source: 'fake' }));
    return { text, spans, needsReview: text.includes('?'), reviewReasons: [] };
  },
});

describe('measureRedaction', () => {
  const labelled: LabelledComment[] = [
    {
      id: 'a',
      text: 'Dr Patel on Ward 9',
      spans: [
        { start: 3, end: 8, type: 'NAME' },
        { start: 12, end: 18, type: 'PLACE' },
      ],
    },
    { id: 'b', text: 'call 07700 900123', spans: [{ start: 5, end: 17, type: 'PHONE' }] },
    { id: 'c', text: 'all fine?', spans: [] },
  ];

  it('counts a label as caught only when removed text covers all of it', () => {
    const metrics = measureRedaction(
      fakeRedactor({
        'Dr Patel on Ward 9': [
          { start: 0, end: 8, type: 'NAME' },
          { start: 12, end: 16, type: 'PLACE' },
        ],
        'call 07700 900123': [
          { start: 5, end: 10, type: 'PHONE' },
          { start: 10, end: 17, type: 'PHONE' },
        ],
      }),
      labelled,
    );
    expect(metrics.recall).toBeCloseTo(2 / 3);
    expect(metrics.recallByType).toEqual({ NAME: 1, PLACE: 0, PHONE: 1 });
    expect(metrics.missed).toEqual([{ commentId: 'a', type: 'PLACE', value: 'Ward 9' }]);
  });

  it('reports recall and precision per kind: identifiers, names, places', () => {
    const metrics = measureRedaction(
      fakeRedactor({
        'Dr Patel on Ward 9': [
          { start: 3, end: 8, type: 'NAME' },
          { start: 0, end: 2, type: 'PLACE' },
        ],
        'call 07700 900123': [{ start: 5, end: 17, type: 'PHONE' }],
      }),
      labelled,
    );
    expect(metrics.byKind).toEqual({
      identifier: { labelled: 1, caught: 1, recall: 1, removed: 1, precision: 1 },
      name: { labelled: 1, caught: 1, recall: 1, removed: 1, precision: 1 },
      place: { labelled: 1, caught: 0, recall: 0, removed: 1, precision: 0 },
    });
  });

  it('counts removed spans that touch no label against precision', () => {
    const metrics = measureRedaction(
      fakeRedactor({
        'Dr Patel on Ward 9': [
          { start: 3, end: 8, type: 'PLACE' },
          { start: 0, end: 2, type: 'NAME' },
        ],
      }),
      labelled,
    );
    expect(metrics.precision).toBe(0.5);
    expect(metrics.typeAgreement).toBe(0);
    expect(metrics.spurious).toEqual([{ commentId: 'a', type: 'NAME', value: 'Dr' }]);
  });

  it('reports how many comments go to review', () => {
    const metrics = measureRedaction(fakeRedactor({}), labelled);
    expect(metrics.reviewRate).toBeCloseTo(1 / 3);
    expect(metrics.cleanCommentReviewRate).toBe(1);
    expect(metrics.precision).toBe(1);
  });
});
