import { parseReviewDecision, reviewConfirmation } from './comment-review.rules';
import { organisationCommentsView, type OrganisationFeedbackData } from './organisation-comments.view';
import { reviewQueueView, type QueuedCommentData } from './review-queue.view';

const feedback: OrganisationFeedbackData = {
  year: 2024,
  suppressed: false,
  suppressionCode: null,
  suppressionReason: null,
  responseCount: 12,
  comments: [
    {
      id: 'a',
      questionCode: 'BEST_THING',
      status: 'RELEASED',
      text: 'My supervisor [NAME] was very supportive',
    },
    { id: 'b', questionCode: 'IMPROVE', status: 'RELEASED', text: 'More time for teaching on the ward' },
    { id: 'c', questionCode: 'IMPROVE', status: 'IN_REVIEW', text: 'Supervision was missing at [PLACE]' },
  ],
};

describe("an organisation's comments", () => {
  it('lists the released comments only, searched by every word of the text', () => {
    const view = organisationCommentsView(feedback, { text: 'SUPPORTIVE supervisor', questionCode: '' });
    expect(view.state).toBe('shown');
    expect(view.total).toBe(2);
    expect(view.comments.map((c) => c.id)).toEqual(['a']);
  });

  it('selects comments by question and offers the questions that have comments', () => {
    const view = organisationCommentsView(feedback, { text: '', questionCode: 'IMPROVE' });
    expect(view.comments.map((c) => c.id)).toEqual(['b']);
    expect(view.questionOptions).toEqual([
      { value: 'BEST_THING', text: 'BEST_THING', selected: false },
      { value: 'IMPROVE', text: 'IMPROVE', selected: true },
    ]);
  });

  it('says when nothing matches, and when nothing was released', () => {
    expect(organisationCommentsView(feedback, { text: 'parking', questionCode: '' }).state).toBe('no-match');
    expect(
      organisationCommentsView({ ...feedback, comments: [] }, { text: '', questionCode: '' }),
    ).toMatchObject({
      state: 'empty',
      comments: [],
    });
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
      { text: '', questionCode: '' },
    );
    expect(withheld).toMatchObject({
      state: 'withheld',
      message: 'Withheld to protect small groups.',
      responseCount: null,
      comments: [],
    });
    const notReleased = organisationCommentsView(
      {
        ...feedback,
        suppressed: true,
        suppressionCode: 'NOT_RELEASED',
        suppressionReason: null,
        comments: [],
      },
      { text: '', questionCode: '' },
    );
    expect(notReleased.state).toBe('not-released');
    expect(notReleased.message).toMatch(/not been released/);
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
    expect(parseReviewDecision({}).errors).toEqual([
      { field: 'decision', message: 'Select whether to approve, amend or hold the comment' },
    ]);
    expect(parseReviewDecision({ decision: 'amend', redactedText: '   ' })).toEqual({
      decision: null,
      errors: [{ field: 'redactedText', message: 'Enter the comment as the provider should see it' }],
    });
    expect(parseReviewDecision({ decision: 'amend', redactedText: 'x'.repeat(4001) }).errors[0].message).toBe(
      'The comment must be 4,000 characters or fewer',
    );
    expect(parseReviewDecision({ decision: 'amend', redactedText: 'bad\u0007bell' }).decision).toBeNull();
  });

  it('confirms what happened in words the reviewer can act on', () => {
    expect(reviewConfirmation({ kind: 'hold' }).body).toMatch(/stays in the review queue/);
    expect(reviewConfirmation({ kind: 'approve' }).title).toBe('Comment approved');
  });
});

describe('the review queue', () => {
  const queued: QueuedCommentData = {
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

  it("shows queued comments with the learner's words and the organisation's name", () => {
    const view = reviewQueueView(
      [{ ...queued, year: 2025, id: 'q2' }, queued],
      new Map([['org-1', { name: 'Penmouth', odsCode: 'R2S' }]]),
    );
    expect(view.map((c) => c.id)).toEqual(['q1', 'q2']);
    expect(view[0]).toMatchObject({
      organisationName: 'Penmouth',
      region: 'London',
      reviewReasons: 'possible name, possible place',
      unredactedText: 'Ask Dr Smith at Ward 7',
    });
  });

  it('never lists a released comment', () => {
    expect(reviewQueueView([{ ...queued, status: 'RELEASED' }], new Map())).toEqual([]);
  });
});
