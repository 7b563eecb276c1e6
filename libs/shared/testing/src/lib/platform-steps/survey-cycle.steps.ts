import type { PlatformClient } from './gateway-client';

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

export interface OpenCycleOptions {
  /** How long before now the cycle opened (default one day); it closes 60 days from now. */
  openedDaysAgo?: number;
}

/**
 * An administrator creates the cycle, publishes the default questionnaire for it and opens it. Picks up
 * where a previous run stopped (a cycle already created, or its questionnaire already published); a cycle
 * past DRAFT is left as it is. Returns the cycle's status before, or `null` when this step opened it.
 */
export async function openCycleWithDefaultQuestionnaire(
  admin: PlatformClient,
  year: number,
  options: OpenCycleOptions = {},
): Promise<string | null> {
  const { surveyCycle } = await admin.call<{
    surveyCycle: { status: string; questionnaires: Array<{ status: string }> } | null;
  }>(`query($year: Int!) { surveyCycle(year: $year) { status questionnaires { status } } }`, { year });
  if (surveyCycle && surveyCycle.status !== 'DRAFT') return surveyCycle.status;
  if (!surveyCycle) {
    const now = Date.now();
    await admin.call(
      `mutation($input: CreateSurveyCycleInput!) { createSurveyCycle(input: $input) { year } }`,
      {
        input: {
          year,
          name: `NETS ${year}`,
          opensAt: new Date(now - (options.openedDaysAgo ?? 1) * DAY).toISOString(),
          closesAt: new Date(now + 60 * DAY).toISOString(),
        },
      },
    );
  }
  if (!surveyCycle?.questionnaires.some((q) => q.status === 'PUBLISHED')) {
    await admin.call(
      `mutation($year: Int!) { saveQuestionnaireDraft(input: { year: $year, useDefault: true }) { id } }`,
      { year },
    );
    await admin.call(`mutation($year: Int!) { publishQuestionnaire(year: $year) { version } }`, { year });
  }
  await admin.call(`mutation($year: Int!) { openSurveyCycle(year: $year) { status } }`, { year });
  return null;
}

/** An administrator closes an open cycle: learners can no longer respond, and its results can be released. */
export async function closeCycle(admin: PlatformClient, year: number): Promise<void> {
  await admin.call(`mutation($year: Int!) { closeSurveyCycle(year: $year) { status } }`, { year });
}

/** What an anonymous learner's app loads first. */
export async function loadOpenSurvey(learner: PlatformClient): Promise<OpenSurvey> {
  const { openSurveyCycle } = await learner.call<{ openSurveyCycle: OpenSurvey | null }>(OPEN_SURVEY);
  if (!openSurveyCycle) throw new Error('No survey cycle is open');
  return openSurveyCycle;
}
