/**
 * When feedback (comments and their count) may be shown. Feedback follows the same rule as results: nothing
 * for a cycle until analytics has released its results, and then only where analytics published the
 * organisation's own result (ORGANISATION table, not withheld) for exactly the responses counted for its
 * feedback. The count and the number of comments then reveal nothing the published results do not already
 * publish, and complementary suppression is never bypassed. The set is frozen at release: late responses
 * never appear and the count never moves, so a reader who watches it learns nothing from a learner's submission.
 */
export interface FeedbackReleaseState {
  /** Analytics has released the cycle's results (the response service consumed them). */
  released: boolean;
  /** The organisation's responses counted when the results were released (0 when none). */
  responseCount: number;
  /** A published ORGANISATION cell of that year for the organisation has exactly this many respondents. */
  published: boolean;
}

export type FeedbackDisclosure =
  | { shown: true; responseCount: number }
  | { shown: false; code: 'NOT_RELEASED' | 'WITHHELD'; reason: string };

export function feedbackDisclosure(state: FeedbackReleaseState, year: number): FeedbackDisclosure {
  if (!state.released) {
    return {
      shown: false,
      code: 'NOT_RELEASED',
      reason: `Not released yet: feedback for ${year} is shown once the ${year} results are released.`,
    };
  }
  if (!state.published || state.responseCount < 1) {
    return {
      shown: false,
      code: 'WITHHELD',
      reason: `Withheld to protect small groups: the ${year} results withhold this organisation's figures.`,
    };
  }
  return { shown: true, responseCount: state.responseCount };
}
