import type { StaffPortalOrganisationCommentsQuery } from '../../__generated__/graphql';
import { textCell, type TableModel } from '../../tables/table-model';

export type OrganisationFeedback = StaffPortalOrganisationCommentsQuery['organisationFeedback'];

export type CommentsState = 'shown' | 'not-released' | 'withheld' | 'group-withheld' | 'empty' | 'no-match';

export interface CommentSearch {
  text: string;
  questionCode: string;
}

export interface OrganisationCommentsView {
  state: CommentsState;
  /** Why no comment is listed, in the graph's words where it gives them. */
  message: string | null;
  responseCount: number | null;
  /** Released comments before the search. */
  total: number;
  table: TableModel;
  questionOptions: Array<{ value: string; text: string; selected: boolean }>;
  /** The learner groups the graph lets these comments be filtered by; empty when it offers none. */
  learnerGroupOptions: Array<{ value: string; text: string; selected: boolean }>;
  /** Why some groups, or all, cannot be chosen (the graph's words), null when every group can. */
  learnerGroupNote: string | null;
}

const NOT_RELEASED = "This cycle's results have not been released yet: comments are shown with them.";
const GROUP_WITHHELD =
  'Comments cannot be filtered by this learner group: too few of its learners, or of the others, commented.';
const WITHHELD =
  "This organisation's results are withheld to protect small groups, so its comments are withheld too.";

/**
 * The redacted comments a reader may see, searched by every word of their text and selected by question. Only
 * released comments are listed: a quality team reads those still in review in its review queue. The learner
 * group filter is the graph's: the page asks for one group's comments and offers only the groups the graph
 * offers (at least 3 of their learners, and of the others, commented); it never filters or names by itself.
 */
export function organisationCommentsView(
  feedback: OrganisationFeedback,
  organisationName: string,
  search: CommentSearch,
  questions: ReadonlyMap<string, string> = new Map(),
  learnerGroupNames: ReadonlyMap<string, string> = new Map(),
): OrganisationCommentsView {
  const question = (code: string) => questions.get(code) ?? code;
  const groupName = (code: string) => learnerGroupNames.get(code) ?? code;
  const named = feedback.learnerGroups.length > 0;
  const released = feedback.suppressed ? [] : feedback.comments.filter((c) => c.status === 'RELEASED');
  const words = search.text.toLocaleLowerCase('en-GB').split(/\s+/).filter(Boolean);
  const shown = released
    .filter((c) => !search.questionCode || c.questionCode === search.questionCode)
    .filter((c) => words.every((word) => c.text.toLocaleLowerCase('en-GB').includes(word)));
  const suppressedStates: Record<string, CommentsState> = {
    NOT_RELEASED: 'not-released',
    LEARNER_GROUP_WITHHELD: 'group-withheld',
  };
  const state: CommentsState = feedback.suppressed
    ? (suppressedStates[feedback.suppressionCode ?? ''] ?? 'withheld')
    : released.length === 0
      ? 'empty'
      : shown.length === 0
        ? 'no-match'
        : 'shown';
  const messages: Record<CommentsState, string | null> = {
    'not-released': feedback.suppressionReason ?? NOT_RELEASED,
    withheld: feedback.suppressionReason ?? WITHHELD,
    'group-withheld': feedback.suppressionReason ?? GROUP_WITHHELD,
    empty: `No comment on ${organisationName} has been released for ${feedback.year}.`,
    'no-match': 'No comment matches your search. Try fewer words, another question or every learner group.',
    shown: null,
  };
  return {
    state,
    message: messages[state],
    responseCount: feedback.responseCount,
    total: released.length,
    table: {
      id: `comments-${feedback.year}`,
      caption: `Learners' comments on ${organisationName}, ${feedback.year}`,
      columns: [
        { key: 'question', header: 'Question' },
        ...(named ? [{ key: 'group', header: 'Learner group' }] : []),
        { key: 'comment', header: 'Comment (redacted)' },
      ],
      rows: shown.map((c) => ({
        question: textCell(question(c.questionCode)),
        // A group too small to name is left unnamed by the graph: said in words, never left blank.
        ...(named
          ? { group: textCell(c.learnerGroup ? groupName(c.learnerGroup) : 'Not named (small group)') }
          : {}),
        comment: textCell(c.text),
      })),
      emptyText: messages[state] ?? undefined,
    },
    questionOptions: [
      { value: '', text: 'Every question', selected: !search.questionCode },
      ...[...new Set(released.map((c) => c.questionCode))]
        .sort()
        .map((code) => ({ value: code, text: question(code), selected: code === search.questionCode })),
    ],
    learnerGroupOptions: named
      ? [
          { value: '', text: 'Every learner group', selected: !feedback.learnerGroup },
          ...feedback.learnerGroups.map((code) => ({
            value: code,
            text: groupName(code),
            selected: code === feedback.learnerGroup,
          })),
        ]
      : [],
    learnerGroupNote: feedback.learnerGroupsWithheldReason ?? null,
  };
}
