import type { PageError } from '@nets/web/ui-nhsuk';

/** What the regional quality team decides for a comment in the review queue. */
export type ReviewDecision =
  | { kind: 'approve' }
  | { kind: 'amend'; redactedText: string }
  /** Hold: the comment stays in the queue, unseen by the provider; the graph is not asked anything. */
  | { kind: 'hold' };

/** As the graph's own rule for an amended comment: 1 to 4000 characters, no control characters. */
export const MAX_AMENDED_LENGTH = 4000;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this finds
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

type Form = Readonly<Record<string, unknown>>;

const field = (form: Form, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

/** Reads the review form; every mistake is named next to its field and nothing is sent. */
export function parseReviewDecision(form: Form): {
  decision: ReviewDecision | null;
  errors: PageError[];
} {
  const choice = field(form, 'decision');
  if (choice === 'approve' || choice === 'hold') return { decision: { kind: choice }, errors: [] };
  if (choice !== 'amend')
    return {
      decision: null,
      errors: [{ field: 'decision', message: 'Select whether to approve, amend or hold the comment' }],
    };
  const redactedText = field(form, 'redactedText').replace(/\r\n/g, '\n').trim();
  const error = (message: string) => ({
    decision: null,
    errors: [{ field: 'redactedText', message }],
  });
  if (redactedText.length === 0) return error('Enter the comment as the provider should see it');
  if (redactedText.length > MAX_AMENDED_LENGTH)
    return error(`The comment must be ${MAX_AMENDED_LENGTH.toLocaleString('en-GB')} characters or fewer`);
  if (CONTROL_CHARACTERS.test(redactedText))
    return error('The comment must not contain control characters; type it again as plain text');
  return { decision: { kind: 'amend', redactedText }, errors: [] };
}

/** The confirmation the reviewer sees after deciding. */
export function reviewConfirmation(kind: ReviewDecision['kind']): { title: string; body: string } {
  switch (kind) {
    case 'approve':
      return {
        title: 'Comment approved',
        body: 'The provider can now read this comment as the redactor left it.',
      };
    case 'amend':
      return {
        title: 'Comment amended and approved',
        body: 'The provider can now read this comment with your corrections.',
      };
    case 'hold':
      return {
        title: 'Comment held',
        body: 'The comment stays in the review queue. The provider cannot read it until it is approved or amended.',
      };
  }
}
