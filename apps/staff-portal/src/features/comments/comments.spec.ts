import { tableRows } from '../../tables/table-model';
import { parseReviewDecision, reviewConfirmation } from './comment-review.rules';
import { organisationCommentsView, type OrganisationFeedback } from './organisation-comments.view';
import { reviewQueueView, type QueuedComment } from './review-queue.view';

const feedback: OrganisationFeedback = {
  year: 2024,
  suppressed: false,
  suppressionCode: null,
  suppressionReason: null,
  responseCount: 12,
  learnerGroups: [],
  learnerGroupsWithheldReason: null,
  learnerGroup: null,
  comments: [
    {
      id: 'a',
      questionCode: 'BEST_THING',
      status: 'RELEASED',
      text: 'My supervisor [NAME] was very supportive',
      learnerGroup: null,
    },
    {
      id: 'b',
      questionCode: 'IMPROVE',
      status: 'RELEASED',
      text: 'More time for teaching on the ward',
      learnerGroup: null,
    },
    {
      id: 'c',
      questionCode: 'IMPROVE',
      status: 'IN_REVIEW',
      text: 'Supervision was missing at [PLACE]',
      learnerGroup: null,
    },
  ],
};
const none = { text: '', questionCode: '' };

describe("an organisation's comments", () => {
  it('lists the released comments only, searched by every word of their text', () => {
    const view = organisationCommentsView(feedback, 'Penmouth', {
      text: 'SUPPORTIVE supervisor',
      questionCode: '',
    });
    expect(view.state).toBe('shown');
    expect(view.total).toBe(2);
    expect(tableRows(view.table)).toEqual([
      ['Question', 'Comment (redacted)'],
      ['BEST_THING', 'My supervisor [NAME] was very supportive'],
    ]);
  });

  it('selects comments by question and offers the questions that have released comments, in words', () => {
    const view = organisationCommentsView(
      feedback,
      'Penmouth',
      { text: '', questionCode: 'IMPROVE' },
      new Map([['IMPROVE', 'What could be improved?']]),
    );
    expect(tableRows(view.table)[1]).toEqual([
      'What could be improved?',
      'More time for teaching on the ward',
    ]);
    expect(view.table.rows.map((r) => r['comment']?.text)).toEqual(['More time for teaching on the ward']);
    expect(view.questionOptions).toEqual([
      { value: '', text: 'Every question', selected: false },
      { value: 'BEST_THING', text: 'BEST_THING', selected: false },
      { value: 'IMPROVE', text: 'What could be improved?', selected: true },
    ]);
  });

  it('says when nothing matches, and when nothing was released', () => {
    expect(organisationCommentsView(feedback, 'Penmouth', { text: 'parking', questionCode: '' }).state).toBe(
      'no-match',
    );
    const empty = organisationCommentsView({ ...feedback, comments: [] }, 'Penmouth', none);
    expect(empty.state).toBe('empty');
    expect(empty.table.emptyText).toBe('No comment on Penmouth has been released for 2024.');
  });

  it("shows withheld and unreleased feedback as such, in the graph's words, with no comment and no count", () => {
    const withheld = organisationCommentsView(
      {
        ...feedback,
        suppressed: true,
        suppressionCode: 'WITHHELD',
        suppressionReason: 'Withheld to protect small groups.',
        responseCount: null,
        comments: [],
      },
      'Penmouth',
      none,
    );
    expect(withheld).toMatchObject({
      state: 'withheld',
      message: 'Withheld to protect small groups.',
      responseCount: null,
    });
    expect(withheld.table.rows).toEqual([]);
    const notReleased = organisationCommentsView(
      { ...feedback, suppressed: true, suppressionCode: 'NOT_RELEASED', suppressionReason: null },
      'Penmouth',
      none,
    );
    expect(notReleased.state).toBe('not-released');
    expect(notReleased.table.rows).toEqual([]);
    expect(notReleased.message).toMatch(/not been released/);
  });
});

describe("an organisation's comments by learner group", () => {
  const names = new Map([
    ['NURSING', 'Nursing and midwifery'],
    ['MEDICAL', 'Medical'],
  ]);
  const grouped: OrganisationFeedback = {
    ...feedback,
    learnerGroups: ['MEDICAL', 'NURSING'],
    learnerGroupsWithheldReason:
      'Some learner groups cannot be chosen: fewer than 3 learners from them commented.',
    comments: [
      { ...feedback.comments[0], learnerGroup: 'NURSING' },
      { ...feedback.comments[1], learnerGroup: null },
    ],
  };

  it("offers exactly the graph's groups, in words, and names a comment's group only where the graph does", () => {
    const view = organisationCommentsView(grouped, 'Penmouth', none, new Map(), names);
    expect(view.learnerGroupOptions).toEqual([
      { value: '', text: 'Every learner group', selected: true },
      { value: 'MEDICAL', text: 'Medical', selected: false },
      { value: 'NURSING', text: 'Nursing and midwifery', selected: false },
    ]);
    expect(view.learnerGroupNote).toMatch(/cannot be chosen/);
    expect(tableRows(view.table)).toEqual([
      ['Question', 'Learner group', 'Comment (redacted)'],
      ['BEST_THING', 'Nursing and midwifery', 'My supervisor [NAME] was very supportive'],
      ['IMPROVE', 'Not named (small group)', 'More time for teaching on the ward'],
    ]);
  });

  it('marks the chosen group and lists what the graph answered for it, filtering nothing itself', () => {
    const view = organisationCommentsView(
      { ...grouped, learnerGroup: 'NURSING', comments: [grouped.comments[0]] },
      'Penmouth',
      none,
      new Map(),
      names,
    );
    expect(view.learnerGroupOptions.find((o) => o.selected)?.value).toBe('NURSING');
    expect(view.total).toBe(1);
  });

  it('offers no group, and no group column, when the graph offers none', () => {
    const view = organisationCommentsView(feedback, 'Penmouth', none);
    expect(view.learnerGroupOptions).toEqual([]);
    expect(view.table.columns.map((c) => c.header)).toEqual(['Question', 'Comment (redacted)']);
  });

  it("shows a group the graph refuses as withheld, in the graph's words", () => {
    const view = organisationCommentsView(
      {
        ...feedback,
        suppressed: true,
        suppressionCode: 'LEARNER_GROUP_WITHHELD',
        suppressionReason:
          'Withheld to protect small groups: comments cannot be filtered by this learner group.',
        responseCount: null,
        learnerGroup: 'DENTAL',
        comments: [],
      },
      'Penmouth',
      none,
    );
    expect(view).toMatchObject({ state: 'group-withheld', responseCount: null, learnerGroupOptions: [] });
    expect(view.message).toMatch(/cannot be filtered by this learner group/);
    expect(view.table.rows).toEqual([]);
  });
});

describe('the review decision', () => {
  it('approves and holds without more questions', () => {
    expect(parseReviewDecision({ decision: 'approve' })).toEqual({
      decision: { kind: 'approve' },
      errors: [],
    });
    expect(parseReviewDecision({ decision: 'hold' })).toEqual({ decision: { kind: 'hold' }, errors: [] });
  });

  it('amends with the corrected text, trimmed', () => {
    expect(parseReviewDecision({ decision: 'amend', redactedText: '  Fine [NAME]\r\nthanks ' })).toEqual({
      decision: { kind: 'amend', redactedText: 'Fine [NAME]\nthanks' },
      errors: [],
    });
  });

  it('names the field of each mistake and decides nothing', () => {
    expect(parseReviewDecision({})).toEqual({
      decision: null,
      errors: [{ field: 'decision', message: 'Select whether to approve, amend or hold the comment' }],
    });
    expect(parseReviewDecision({ decision: 'amend', redactedText: '   ' })).toEqual({
      decision: null,
      errors: [{ field: 'redactedText', message: 'Enter the comment as the provider should see it' }],
    });
    expect(parseReviewDecision({ decision: 'amend', redactedText: 'x'.repeat(4001) }).errors).toEqual([
      { field: 'redactedText', message: 'The comment must be 4,000 characters or fewer' },
    ]);
    expect(parseReviewDecision({ decision: 'amend', redactedText: 'bad\u0007bell' }).decision).toBeNull();
  });

  it('confirms what happened in words the reviewer can act on', () => {
    expect(reviewConfirmation('hold').body).toMatch(/stays in the review queue/);
    expect(reviewConfirmation('approve').title).toBe('Comment approved');
    expect(reviewConfirmation('amend').title).toBe('Comment amended and approved');
  });
});

describe('the review queue', () => {
  const queued: QueuedComment = {
    id: 'q1',
    organisationId: 'org-1',
    year: 2024,
    questionCode: 'IMPROVE',
    region: 'LONDON',
    reviewReasons: ['possible name', 'possible place'],
    redactedText: 'Ask [NAME] at Ward 7',
    unredactedText: 'Ask Dr Smith at Ward 7',
    status: 'IN_REVIEW',
  };

  it("shows queued comments, oldest cycle first, with the learner's words and the organisation's name", () => {
    const view = reviewQueueView(
      [{ ...queued, year: 2025, id: 'q2' }, queued],
      new Map([['org-1', { name: 'Penmouth', odsCode: 'R2S' }]]),
      new Map([[2024, new Map([['IMPROVE', 'What could be improved?']])]]),
    );
    expect(view.map((c) => c.id)).toEqual(['q1', 'q2']);
    expect(view[0]).toMatchObject({
      organisationName: 'Penmouth (R2S)',
      region: 'London',
      question: 'What could be improved?',
      reviewReasons: 'possible name, possible place',
      unredactedText: 'Ask Dr Smith at Ward 7',
      href: '/comments/review/q1',
    });
  });

  it('never lists a released comment', () => {
    expect(reviewQueueView([{ ...queued, status: 'RELEASED' }], new Map())).toEqual([]);
  });
});
