import type { GatewayClient } from './gateway-client';

const DAY = 86_400_000;

export interface QuestionView {
  code: string;
  type: 'AGREEMENT_SCALE' | 'YES_NO' | 'YES_NO_NA' | 'SINGLE_CHOICE' | 'MULTIPLE_CHOICE' | 'FREE_TEXT';
  required: boolean;
  role: 'SERIOUS_CONCERN' | 'FEEDBACK' | null;
  options: Array<{ code: string }>;
  condition: { questionCode: string; anyOf: string[] } | null;
}

export interface OpenSurvey {
  year: number;
  questionnaire: { id: string; version: number; sections: Array<{ questions: QuestionView[] }> };
}

/**
 * The learner's query (apps/survey-web/src/features/questionnaire/graphql/open-survey.graphql), trimmed to
 * what answering needs.
 */
const OPEN_SURVEY = `query OpenSurvey {
  openSurveyCycle {
    year
    questionnaire {
      id version
      sections { questions { code type required role options { code } condition { questionCode anyOf } } }
    }
  }
}`;

/** An administrator creates the cycle, publishes the default questionnaire for it and opens it. */
export async function openCycleWithDefaultQuestionnaire(
  gateway: GatewayClient,
  admin: string,
  year: number,
): Promise<void> {
  await gateway.call(
    `mutation($input: CreateSurveyCycleInput!) { createSurveyCycle(input: $input) { year } }`,
    {
      input: {
        year,
        name: `NETS ${year}`,
        opensAt: new Date(Date.now() - DAY).toISOString(),
        closesAt: new Date(Date.now() + 60 * DAY).toISOString(),
      },
    },
    admin,
  );
  await gateway.call(
    `mutation($year: Int!) { saveQuestionnaireDraft(input: { year: $year, useDefault: true }) { id } }`,
    { year },
    admin,
  );
  await gateway.call(
    `mutation($year: Int!) { publishQuestionnaire(year: $year) { version } }`,
    { year },
    admin,
  );
  await gateway.call(`mutation($year: Int!) { openSurveyCycle(year: $year) { status } }`, { year }, admin);
}

/** An administrator closes an open cycle: learners can no longer respond, and its results can be released. */
export async function closeCycle(gateway: GatewayClient, admin: string, year: number): Promise<void> {
  await gateway.call(`mutation($year: Int!) { closeSurveyCycle(year: $year) { status } }`, { year }, admin);
}

/** What an anonymous learner's app loads first. */
export async function loadOpenSurvey(gateway: GatewayClient): Promise<OpenSurvey> {
  const { openSurveyCycle } = await gateway.call<{ openSurveyCycle: OpenSurvey | null }>(OPEN_SURVEY);
  if (!openSurveyCycle) throw new Error('No survey cycle is open');
  return openSurveyCycle;
}
