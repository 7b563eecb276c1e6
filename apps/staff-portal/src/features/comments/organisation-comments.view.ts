/** An organisation's feedback as the graph answers it (StaffPortalOrganisationComments). */
export interface OrganisationFeedbackData {
  year: number;
  suppressed: boolean;
  suppressionCode: string | null;
  suppressionReason: string | null;
  responseCount: number | null;
  comments: ReadonlyArray<{ id: string; questionCode: string; status: string; text: string }>;
}

export type CommentsState = 'shown' | 'not-released' | 'withheld' | 'empty' | 'no-match';

export interface OrganisationCommentsView {
  state: CommentsState;
  /** Why nothing is shown, in the graph's words where it gives them. */
  message: string | null;
  responseCount: number | null;
  total: number;
  comments: Array<{ id: string; questionCode: string; text: string }>;
  questionOptions: Array<{ value: string; text: string; selected: boolean }>;
}

const NOT_RELEASED = "This cycle's results have not been released yet: comments are shown with them.";
const WITHHELD =
  "This organisation's results are withheld to protect small groups, so its comments are withheld too.";

/**
 * The redacted comments a reader may see, searched by their text and selected by question. Only released
 * comments are listed here: the review queue is where the quality team reads the ones still in review.
 */
export function organisationCommentsView(
  feedback: OrganisationFeedbackData,
  search: { text: string; questionCode: string },
): OrganisationCommentsView {
  const base = { responseCount: feedback.responseCount, questionOptions: [] };
  if (feedback.suppressed) {
    const notReleased = feedback.suppressionCode === 'NOT_RELEASED';
    return {
      ...base,
      state: notReleased ? 'not-released' : 'withheld',
      message: feedback.suppressionReason ?? (notReleased ? NOT_RELEASED : WITHHELD),
      total: 0,
      comments: [],
    };
  }
  const released = feedback.comments.filter((c) => c.status === 'RELEASED');
  const words = search.text.toLocaleLowerCase('en-GB').split(/\s+/).filter(Boolean);
  const comments = released
    .filter((c) => !search.questionCode || c.questionCode === search.questionCode)
    .filter((c) => {
      const text = c.text.toLocaleLowerCase('en-GB');
      return words.every((word) => text.includes(word));
    })
    .map((c) => ({ id: c.id, questionCode: c.questionCode, text: c.text }));
  const questionCodes = [...new Set(released.map((c) => c.questionCode))].sort();
  const state: CommentsState = released.length === 0 ? 'empty' : comments.length === 0 ? 'no-match' : 'shown';
  return {
    ...base,
    state,
    message:
      state === 'empty'
        ? 'No learner left a comment that has been released for this organisation in this cycle.'
        : state === 'no-match'
          ? 'No comment matches your search.'
          : null,
    total: released.length,
    comments,
    questionOptions: questionCodes.map((code) => ({
      value: code,
      text: code,
      selected: code === search.questionCode,
    })),
  };
}
