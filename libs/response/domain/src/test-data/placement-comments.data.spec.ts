import { redactionKindOf, redactionTypes } from '../index';
import { placementCommentsBatchA } from './placement-comments-batch-a.data';
import { placementCommentsBatchB } from './placement-comments-batch-b.data';
import { placementComments } from './placement-comments.data';

const everyComment = [...placementComments, ...placementCommentsBatchA, ...placementCommentsBatchB];

describe('the labelled placement comments', () => {
  it('hold at least 200 comments with unique ids, and batches A and B of at least 150, B at least 80', () => {
    expect(placementComments.length).toBeGreaterThanOrEqual(200);
    expect(placementCommentsBatchA.length + placementCommentsBatchB.length).toBeGreaterThanOrEqual(150);
    expect(placementCommentsBatchB.length).toBeGreaterThanOrEqual(80);
    expect(new Set(everyComment.map((comment) => comment.id)).size).toBe(everyComment.length);
  });

  it('label spans that lie inside the text, in order, without overlap, trimmed, and as their value says', () => {
    for (const comment of everyComment) {
      let previousEnd = 0;
      for (const span of comment.spans) {
        const text = comment.text.slice(span.start, span.end);
        expect({ id: comment.id, text }).toEqual({ id: comment.id, text: span.value });
        expect(span.start).toBeGreaterThanOrEqual(previousEnd);
        expect(text.trim()).toBe(text);
        expect(text.length).toBeGreaterThan(0);
        expect(redactionTypes).toContain(span.type);
        previousEnd = span.end;
      }
    }
  });

  it('give batches A and B comments with no span, and spans of names, places and identifiers', () => {
    for (const batch of [placementCommentsBatchA, placementCommentsBatchB]) {
      expect(batch.filter((comment) => comment.spans.length === 0).length).toBeGreaterThanOrEqual(15);
      const kinds = new Set(
        batch.flatMap((comment) => comment.spans.map((span) => redactionKindOf(span.type))),
      );
      expect([...kinds].sort()).toEqual(['identifier', 'name', 'place']);
    }
  });

  it('mix comments without identifiers, with one, and with several, and cover every type', () => {
    const counts = placementComments.map((comment) => comment.spans.length);
    expect(counts.filter((count) => count === 0).length).toBeGreaterThanOrEqual(40);
    expect(counts.filter((count) => count >= 3).length).toBeGreaterThanOrEqual(10);
    const types = new Set(placementComments.flatMap((comment) => comment.spans.map((span) => span.type)));
    expect([...types].sort()).toEqual([...redactionTypes].sort());
  });
});
