import { randomUUID } from 'node:crypto';
import {
  closeCycleAndReleaseResults,
  loadOpenSurvey,
  openCycleWithDefaultQuestionnaire,
  resultsRelease,
  tokens,
  untilAccepted,
  waitFor,
  type GatewayClient,
  type OpenSurvey,
  type QuestionView,
} from '@nets/shared/testing';

/** "Gateshead" is a capitalised word the redactor cannot place: the comment waits for the quality team. */
export const QUEUED_COMMENT = 'Commuting from Gateshead (NE9 6SX) to the placement took two hours each way.';
export const QUEUED_COMMENT_REDACTED =
  'Commuting from [PLACE] ([POSTCODE]) to the placement took two hours each way.';
const FEEDBACK_QUESTION = 'Q_WORKED_WELL';

/** A neutral answer to every question the form would show, and the comment on one of them. */
function answersWith(survey: OpenSurvey, comment: string | null) {
  const chosen = new Map<string, string[]>();
  const answers: Array<{ questionCode: string; optionCodes?: string[]; text?: string }> = [];
  const neutral = (question: QuestionView): string[] => {
    const codes = question.options.map((option) => option.code);
    if (question.type === 'AGREEMENT_SCALE') return ['AGREE'];
    if (question.type === 'YES_NO' || question.type === 'YES_NO_NA') return ['NO'];
    return [
      codes[question.type === 'MULTIPLE_CHOICE' ? codes.length - 1 : Math.floor(codes.length / 2)] ?? '',
    ];
  };
  for (const question of survey.questionnaire.sections.flatMap((section) => section.questions)) {
    const condition = question.condition;
    if (condition && !(chosen.get(condition.questionCode) ?? []).some((c) => condition.anyOf.includes(c)))
      continue;
    if (question.type === 'FREE_TEXT') {
      if (question.code === FEEDBACK_QUESTION && comment)
        answers.push({ questionCode: question.code, text: comment });
      continue;
    }
    const optionCodes = neutral(question);
    chosen.set(question.code, optionCodes);
    answers.push({ questionCode: question.code, optionCodes });
  }
  return answers;
}

interface LearnerProfile {
  learnerGroup: string;
  profession: string;
  programme?: string;
}

const NURSE: LearnerProfile = {
  learnerGroup: 'NURSING',
  profession: 'STUDENT_NURSE_ADULT',
  programme: 'BSc Nursing',
};

/**
 * A new cycle in which one provider has every response, one per entry of `learners` (its profile and comment),
 * closed and its results released (so its comments are published). The cycle open before (the demo's) is
 * closed and released first, since one cycle is open at a time.
 */
async function releasedCycleOf(
  gateway: GatewayClient,
  organisation: { id: string },
  year: number,
  learners: ReadonlyArray<{ profile: LearnerProfile; comment: string | null }>,
): Promise<void> {
  const admin = gateway.as(await tokens.admin());
  const { openSurveyCycle } = await admin.call<{ openSurveyCycle: { year: number } | null }>(
    '{ openSurveyCycle { year } }',
  );
  if (openSurveyCycle) {
    const counted = (await resultsRelease(admin, openSurveyCycle.year)).respondents ?? 0;
    await closeCycleAndReleaseResults(admin, openSurveyCycle.year, counted, { timeoutMs: 120_000 });
  }
  await openCycleWithDefaultQuestionnaire(admin, year);
  const learner = gateway.as(undefined);
  const survey = await loadOpenSurvey(learner);
  for (const { profile, comment } of learners) {
    const input = {
      idempotencyKey: randomUUID(),
      questionnaireId: survey.questionnaire.id,
      profile,
      placement: { organisationId: organisation.id },
      answers: answersWith(survey, comment),
    };
    await untilAccepted(
      () =>
        learner.call(
          'mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { receiptCode } }',
          { input },
        ),
      'submitting a response',
    );
  }
  await closeCycleAndReleaseResults(admin, year, learners.length, { timeoutMs: 120_000 });
}

/**
 * A cycle in which one provider has every response, one of them with a comment waiting for review: its
 * results, and so its comments, are published once released. Returns the year and the queued comment's id.
 */
export async function cycleWithQueuedComment(
  gateway: GatewayClient,
  organisation: { id: string; region: string },
  year: number,
  responses = 10,
): Promise<{ year: number; commentId: string }> {
  await releasedCycleOf(
    gateway,
    organisation,
    year,
    Array.from({ length: responses }, (_, i) => ({
      profile: NURSE,
      comment: i === 0 ? QUEUED_COMMENT : null,
    })),
  );
  const team = gateway.as(await tokens.qualityTeam(organisation.region as never));
  const commentId = await waitFor(
    async () => {
      const { responseCommentsAwaitingReview } = await team.call<{
        responseCommentsAwaitingReview: Array<{ id: string; organisationId: string; year: number }>;
      }>('{ responseCommentsAwaitingReview { id organisationId year } }');
      return responseCommentsAwaitingReview.find(
        (c) => c.organisationId === organisation.id && c.year === year,
      )?.id;
    },
    { timeoutMs: 60_000, intervalMs: 500, description: 'the comment to wait for review' },
  );
  return { year, commentId };
}

/** Learners who comment, by group: 4 nurses and 3 doctors can be chosen; 2 pharmacy and 1 dental learner cannot. */
export const COMMENTING_LEARNERS: ReadonlyArray<{ profile: LearnerProfile; count: number }> = [
  { profile: NURSE, count: 4 },
  { profile: { learnerGroup: 'MEDICAL', profession: 'FOUNDATION_DOCTOR' }, count: 3 },
  { profile: { learnerGroup: 'PHARMACY', profession: 'PHARMACY_STUDENT' }, count: 2 },
  { profile: { learnerGroup: 'DENTAL', profession: 'DENTAL_STUDENT' }, count: 1 },
];

/**
 * A released cycle in which every learner of COMMENTING_LEARNERS commented on the organisation (plain words the
 * redactor releases at once), waited for until the organisation's feedback shows them all. Returns the year.
 */
export async function cycleWithGroupComments(
  gateway: GatewayClient,
  organisation: { id: string },
  year: number,
): Promise<number> {
  const learners = COMMENTING_LEARNERS.flatMap(({ profile, count }) =>
    Array.from({ length: count }, (_, i) => ({
      profile,
      comment: `Teaching on the ward was well organised, said learner ${i + 1} of this group.`,
    })),
  );
  await releasedCycleOf(gateway, organisation, year, learners);
  const admin = gateway.as(await tokens.admin());
  await waitFor(
    async () => {
      const { organisationFeedback } = await admin.call<{
        organisationFeedback: { suppressed: boolean; comments: unknown[] };
      }>(
        'query($id: ID!, $year: Int!) { organisationFeedback(organisationId: $id, year: $year) { suppressed comments { id } } }',
        { id: organisation.id, year },
      );
      return !organisationFeedback.suppressed && organisationFeedback.comments.length === learners.length;
    },
    { timeoutMs: 60_000, intervalMs: 500, description: "the organisation's comments to be released" },
  );
  return year;
}
