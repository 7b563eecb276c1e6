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

/**
 * A cycle in which one provider has every response, one of them with a comment waiting for review: its
 * results, and so its comments, are published once released. The cycle open before (the demo's) is closed
 * and released first, since one cycle is open at a time. Returns the year and the queued comment's id.
 */
export async function cycleWithQueuedComment(
  gateway: GatewayClient,
  organisation: { id: string; region: string },
  year: number,
  responses = 10,
): Promise<{ year: number; commentId: string }> {
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
  for (let i = 0; i < responses; i += 1) {
    const input = {
      idempotencyKey: randomUUID(),
      questionnaireId: survey.questionnaire.id,
      profile: { learnerGroup: 'NURSING', profession: 'STUDENT_NURSE_ADULT', programme: 'BSc Nursing' },
      placement: { organisationId: organisation.id },
      answers: answersWith(survey, i === 0 ? QUEUED_COMMENT : null),
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
  await closeCycleAndReleaseResults(admin, year, responses, { timeoutMs: 120_000 });
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
