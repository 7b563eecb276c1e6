// What the benchmarks need on a fresh platform, through the gateway only (the GraphQL the end-to-end journeys
// use): registered organisations, an open cycle with the default questionnaire, valid submissions, and a past
// cycle whose results are released (an open cycle's results read as no rows).
import { REGIONS, type Region } from '@nets/shared/auth';
import {
  answersFor,
  errorCode,
  graphqlRequest,
  loadOpenSurvey,
  openCycleWithDefaultQuestionnaire,
  releaseWhenCounted,
  submissionFor,
  testToken,
  untilAccepted,
  waitFor,
  type AnswerInput,
  type FreeTextAnswer,
} from '@nets/shared/testing';
import { clientFor } from '../dataset/gateway-client';
import { pastCycle } from '../dataset/past-cycle';

export interface BenchOrganisation {
  id: string;
  region: Region;
  siteId: string;
}

export interface BenchSurvey {
  year: number;
  questionnaireId: string;
  answers: AnswerInput[];
}

export const SUBMIT_RESPONSE = `mutation SubmitResponse($input: SubmitResponseInput!) {
  submitResponse(input: $input) { receiptCode submittedOn }
}`;

/** A GraphQL call through `url` that must succeed. */
export async function call<T>(url: string, query: string, variables: object, token?: string): Promise<T> {
  const response = await graphqlRequest<T>(url, query, { variables: { ...variables }, token });
  if (response.errors?.length || !response.data) {
    throw new Error(
      `GraphQL call failed (${String(errorCode(response))}): ${JSON.stringify(response.errors)}`,
    );
  }
  return response.data;
}

export const adminToken = () => testToken({ role: 'ADMIN', subject: 'bench-admin' });
export const analystToken = () => testToken({ role: 'NATIONAL_ANALYST', subject: 'bench-analyst' });
export const qualityTeamToken = (region: Region) =>
  testToken({ role: 'QUALITY_TEAM', region, subject: `bench-qt-${region.toLowerCase()}` });

/** `count` NHS trusts spread over the regions, each with one site. */
export async function registerOrganisations(gatewayUrl: string, count: number): Promise<BenchOrganisation[]> {
  const admin = await adminToken();
  const organisations: BenchOrganisation[] = [];
  for (let index = 0; index < count; index += 1) {
    const odsCode = `R${String.fromCharCode(65 + Math.floor(index / 26))}${String.fromCharCode(65 + (index % 26))}`;
    const region = REGIONS[index % REGIONS.length];
    const { registerOrganisation } = await call<{
      registerOrganisation: { id: string; sites: Array<{ id: string }> };
    }>(
      gatewayUrl,
      `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id sites { id } } }`,
      {
        input: {
          odsCode,
          name: `Bench ${odsCode} NHS Trust`,
          kind: 'NHS_TRUST',
          roles: ['PLACEMENT_PROVIDER'],
          region,
          sites: [{ code: `${odsCode}01`, name: `Bench ${odsCode} General Hospital` }],
        },
      },
      admin,
    );
    organisations.push({ id: registerOrganisation.id, region, siteId: registerOrganisation.sites[0].id });
  }
  return organisations;
}

/** Creates the cycle, publishes the default questionnaire, opens it, and answers it as the form would. */
export async function openCycle(gatewayUrl: string, year: number): Promise<BenchSurvey> {
  await openCycleWithDefaultQuestionnaire(clientFor(gatewayUrl, await adminToken()), year);
  const survey = await loadOpenSurvey(clientFor(gatewayUrl));
  return {
    year: survey.year,
    questionnaireId: survey.questionnaire.id,
    answers: answersFor(survey, {}, oneComment()),
  };
}

/** One ordinary comment per response, like many learners write; it goes through the redaction. */
function oneComment(): FreeTextAnswer {
  let commented = false;
  return (question) => {
    if (!question.required && (question.role !== 'FEEDBACK' || commented)) return undefined;
    commented = true;
    return 'The ward team were welcoming and my supervisor made time for teaching every week.';
  };
}

/** A valid submission for `organisation` with a fresh idempotency key. */
export function submission(survey: BenchSurvey, organisation: BenchOrganisation): Record<string, unknown> {
  return submissionFor(
    { questionnaire: { id: survey.questionnaireId } },
    { id: organisation.id, sites: [{ id: organisation.siteId }] },
    survey.answers,
  );
}

/**
 * Submits `perOrganisation` responses to each organisation, retrying until the response service has learned
 * the organisation and questionnaire from their events (it refuses them until then).
 */
export async function primeOrganisations(
  gatewayUrl: string,
  survey: BenchSurvey,
  organisations: readonly BenchOrganisation[],
  perOrganisation: number,
): Promise<void> {
  for (const organisation of organisations) {
    for (let index = 0; index < perOrganisation; index += 1) {
      const input = submission(survey, organisation);
      await waitFor(
        async () => {
          const response = await graphqlRequest(gatewayUrl, SUBMIT_RESPONSE, { variables: { input } });
          if (response.errors?.length) return false;
          return true;
        },
        { timeoutMs: 60_000, intervalMs: 300, description: 'the response service to accept a submission' },
      );
    }
  }
}

/** importResponses calls stay within the gateway's body limit (about 25 of these responses). */
const IMPORT_BATCH = 10;

/**
 * A past cycle with results to read: back-filled by the survey service (`importSurveyCycle`: recorded closed,
 * the default questionnaire), `perOrganisation` responses imported for each organisation as `survey`'s
 * answers, and its results released once analytics counts them all. Returns the responses imported.
 */
export async function releasedPastCycle(
  gatewayUrl: string,
  year: number,
  survey: BenchSurvey,
  organisations: readonly BenchOrganisation[],
  perOrganisation: number,
): Promise<number> {
  const admin = clientFor(gatewayUrl, await adminToken());
  const past: BenchSurvey = { ...survey, year, questionnaireId: await pastCycle(admin, year) };
  const responses = organisations.flatMap((organisation) =>
    Array.from({ length: perOrganisation }, () => {
      const { idempotencyKey, questionnaireId, profile, placement, answers } = submission(past, organisation);
      return { idempotencyKey, questionnaireId, profile, placement, answers, submittedOn: `${year}-03-01` };
    }),
  );
  for (let index = 0; index < responses.length; index += IMPORT_BATCH) {
    // Retried while the response service has not yet learned the back-filled cycle from its events.
    await untilAccepted(
      () =>
        admin.call(
          `mutation($year: Int!, $responses: [ImportedResponseInput!]!) {
            importResponses(year: $year, responses: $responses) { imported } }`,
          { year, responses: responses.slice(index, index + IMPORT_BATCH) },
        ),
      `importing ${year} responses`,
    );
  }
  await releaseWhenCounted(admin, year, responses.length, { timeoutMs: 120_000, intervalMs: 1_000 });
  return responses.length;
}
