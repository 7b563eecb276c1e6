import type { GatewayClient } from '@nets/shared/testing';

const DAY = 86_400_000;

export interface QuestionSet {
  domains: Array<{ standards: Array<{ standardCode: string }> }>;
  indicators: Array<{ indicator: string }>;
}

export const SIGN_OFF = { name: 'Dr Tomasz Wren', jobTitle: 'Chief Nursing Officer' };

export const SAVE_SELF_ASSESSMENT = `mutation($input: SaveSelfAssessmentInput!) {
  saveSelfAssessment(input: $input) { status }
}`;
export const SUBMIT_SELF_ASSESSMENT = `mutation($org: ID!, $year: Int!, $signOff: SelfAssessmentSignOffInput!) {
  submitSelfAssessment(organisationId: $org, year: $year, signOff: $signOff) { status submissionCount }
}`;
export const REVIEW_SELF_ASSESSMENT = `mutation($input: ReviewSelfAssessmentInput!) {
  reviewSelfAssessment(input: $input) { status locked reviewComments }
}`;

/** An administrator opens the year's Provider Self-Assessment; returns its question set. */
export async function openSelfAssessmentCycle(
  gateway: GatewayClient,
  admin: string,
  year: number,
): Promise<QuestionSet> {
  await gateway.call(
    `mutation($input: CreateSelfAssessmentCycleInput!) { createSelfAssessmentCycle(input: $input) { year } }`,
    {
      input: {
        year,
        opensAt: new Date(Date.now() - DAY).toISOString(),
        dueAt: new Date(Date.now() + 30 * DAY).toISOString(),
      },
    },
    admin,
  );
  const { selfAssessmentQuestionSet } = await gateway.call<{ selfAssessmentQuestionSet: QuestionSet }>(
    `query($year: Int!) { selfAssessmentQuestionSet(year: $year) {
      domains { standards { standardCode } } indicators { indicator } } }`,
    { year },
    admin,
  );
  return selfAssessmentQuestionSet;
}

/** Every standard MET except `notMet` (with evidence and an action plan), every indicator yes. */
export function selfAssessmentAnswers(
  questionSet: QuestionSet,
  year: number,
  notMet: string | null,
  evidence = `Board minutes, May ${year}`,
) {
  return {
    standards: questionSet.domains
      .flatMap((domain) => domain.standards)
      .map(({ standardCode }) =>
        standardCode === notMet
          ? {
              standardCode,
              rating: 'NOT_MET',
              evidence,
              action: {
                description: 'Appoint speak-up champions on every ward',
                owner: 'Director of Education',
                dueDate: `${year}-12-31`,
              },
            }
          : { standardCode, rating: 'MET', evidence: `Evidence for ${standardCode}` },
      ),
    indicators: questionSet.indicators.map(({ indicator }) => ({ indicator, answer: true })),
  };
}

/** The provider's own user saves a complete assessment and submits it with a sign-off. */
export async function submitSelfAssessment(
  gateway: GatewayClient,
  provider: string,
  organisationId: string,
  year: number,
  answers: ReturnType<typeof selfAssessmentAnswers>,
): Promise<{ status: string; submissionCount: number }> {
  await gateway.call(SAVE_SELF_ASSESSMENT, { input: { organisationId, year, ...answers } }, provider);
  const { submitSelfAssessment } = await gateway.call<{
    submitSelfAssessment: { status: string; submissionCount: number };
  }>(SUBMIT_SELF_ASSESSMENT, { org: organisationId, year, signOff: SIGN_OFF }, provider);
  return submitSelfAssessment;
}
