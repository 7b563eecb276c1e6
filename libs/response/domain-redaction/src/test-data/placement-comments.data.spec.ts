import { redactionTypes } from '../index';
import { placementComments } from './placement-comments.data';

describe('the labelled placement comments', () => {
  it('hold at least 200 comments with unique ids', () => {
    expect(placementComments.length).toBeGreaterThanOrEqual(200);
    expect(new Set(placementComments.map((comment) => comment.id)).size).toBe(placementComments.length);
  });

  it('label spans that lie inside the text, in order, without overlap, trimmed, and as their value says', () => {
    for (const comment of placementComments) {
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

  it('mix comments without identifiers, with one, and with several, and cover every type', () => {
    const counts = placementComments.map((comment) => comment.spans.length);
    expect(counts.filter((count) => count === 0).length).toBeGreaterThanOrEqual(40);
    expect(counts.filter((count) => count >= 3).length).toBeGreaterThanOrEqual(10);
    const types = new Set(placementComments.flatMap((comment) => comment.spans.map((span) => span.type)));
    expect([...types].sort()).toEqual([...redactionTypes].sort());
  });
});
