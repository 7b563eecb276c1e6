// Feeds the national dataset into a running platform through the gateway, as its users would: the registry
// (importOrganisations), past cycles (importSurveyCycle), their responses (importResponses, 500 a call, a
// few calls in flight), then the live cycle opened and a few live responses, serious concerns among them, and
// the past cycles' results released once analytics counts them (the live cycle's stay unreleased).
// Idempotent: every step checks what is there, and responses carry stable idempotency keys.
import { demoRegistry, toOrganisationCsv } from '@nets/provider-assessment/data-access';
import {
  openCycleWithDefaultQuestionnaire,
  releaseWhenCounted,
  untilAccepted,
  type PlatformClient,
} from '@nets/shared/testing';
import { EducationAssigner, registryEducationProviders } from './education';
import { registryOrganisations, type DatasetOrganisation } from './organisations';
import { pastCycle } from './past-cycle';
import { ResponseStream, type GeneratedResponse } from './responses';
import { PAST_CYCLES } from './targets';

export const IMPORT_BATCH = 500;
/** The gateway refuses larger request bodies (GATEWAY_MAX_BODY_BYTES); leave room for the operation. */
const BODY_BUDGET = Number(process.env['GATEWAY_MAX_BODY_BYTES'] ?? 65_536) - 2_048;
export const LIVE_YEAR = 2025;

export interface LoadOptions {
  /** Past responses in all, spread over 2019–2024. */
  responses: number;
  seed: number;
  /** importResponses calls in flight at once. */
  concurrency: number;
  log: (line: string) => void;
}

interface RegistryIds {
  organisation: string;
  sites: Map<string, string>;
}

export async function loadRegistry(admin: PlatformClient, log: LoadOptions['log']): Promise<void> {
  const report = await admin.call<{ importOrganisations: { committed: boolean; registered: number } }>(
    `mutation($csv: String!) { importOrganisations(csv: $csv) { committed registered } }`,
    { csv: toOrganisationCsv(demoRegistry()) },
  );
  if (!report.importOrganisations.committed) throw new Error('the demo registry was refused');
  log(`registry: ${report.importOrganisations.registered} organisations registered`);
}

async function registryIds(admin: PlatformClient): Promise<Map<string, RegistryIds>> {
  const ids = new Map<string, RegistryIds>();
  let after: string | null = null;
  for (;;) {
    const page: {
      organisations: {
        edges: Array<{ node: { id: string; odsCode: string; sites: Array<{ id: string; code: string }> } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } = await admin.call(
      `query($after: String) { organisations(first: 100, after: $after) {
        edges { node { id odsCode sites { id code } } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    for (const { node } of page.organisations.edges) {
      ids.set(node.odsCode, { organisation: node.id, sites: new Map(node.sites.map((s) => [s.code, s.id])) });
    }
    if (!page.organisations.pageInfo.hasNextPage) return ids;
    after = page.organisations.pageInfo.endCursor;
  }
}

function toInput(
  response: GeneratedResponse<DatasetOrganisation>,
  seed: number,
  questionnaireId: string,
  ids: Map<string, RegistryIds>,
) {
  const registered = ids.get(response.organisation.odsCode);
  if (!registered) throw new Error(`${response.organisation.odsCode} is not in the registry`);
  const site = response.site === null ? null : response.organisation.sites[response.site].code;
  const educationProvider = response.education ? ids.get(response.education.odsCode) : undefined;
  if (response.education && !educationProvider)
    throw new Error(`${response.education.odsCode} is not in the registry`);
  return {
    idempotencyKey: `nets-demo-${seed}-${String(response.index).padStart(8, '0')}`,
    questionnaireId,
    submittedOn: response.submittedOn,
    profile: response.profile,
    placement: { organisationId: registered.organisation, siteId: site ? registered.sites.get(site) : null },
    education:
      response.education && educationProvider
        ? { organisationId: educationProvider.organisation, programme: response.education.programme }
        : null,
    answers: response.answers,
  };
}

/** Runs tasks with at most `limit` in flight; the first failure stops it. */
class Pool {
  private readonly running = new Set<Promise<void>>();
  constructor(private readonly limit: number) {}

  async add(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    const promise: Promise<void> = task().finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  async drain(): Promise<void> {
    await Promise.all(this.running);
  }
}

/** Past responses, year by year; returns how many each year has. */
export async function loadPastResponses(
  admin: PlatformClient,
  options: LoadOptions,
): Promise<Map<number, number>> {
  const ids = await registryIds(admin);
  const questionnaires = new Map<number, string>();
  for (const year of PAST_CYCLES) questionnaires.set(year, await pastCycle(admin, year, options.log));
  const organisations = registryOrganisations(demoRegistry(), options.seed);
  const stream = new ResponseStream(organisations, {
    total: options.responses,
    years: PAST_CYCLES,
    seed: options.seed,
    education: new EducationAssigner(registryEducationProviders(demoRegistry(), options.seed), options.seed),
  });
  const perYear = new Map<number, number>();
  const totals = { imported: 0, alreadyImported: 0 };
  const pool = new Pool(options.concurrency);
  const started = Date.now();
  const send = (year: number, batch: unknown[]) =>
    pool.add(async () => {
      const { importResponses } = await untilAccepted(
        () =>
          admin.call<{ importResponses: { imported: number; alreadyImported: number } }>(
            `mutation($year: Int!, $responses: [ImportedResponseInput!]!) {
              importResponses(year: $year, responses: $responses) { imported alreadyImported } }`,
            { year, responses: batch },
          ),
        `importing ${year} responses`,
      );
      totals.imported += importResponses.imported;
      totals.alreadyImported += importResponses.alreadyImported;
    });
  // Batches of one year, at most IMPORT_BATCH responses and within the gateway's body limit.
  let batch: unknown[] = [];
  let batchYear = 0;
  let bytes = 0;
  while (stream.remaining > 0) {
    for (const response of stream.next(IMPORT_BATCH)) {
      const input = toInput(response, options.seed, questionnaires.get(response.year) ?? '', ids);
      const size = JSON.stringify(input).length + 1;
      if (
        batch.length > 0 &&
        (response.year !== batchYear || batch.length >= IMPORT_BATCH || bytes + size > BODY_BUDGET)
      ) {
        await send(batchYear, batch);
        batch = [];
        bytes = 0;
      }
      batchYear = response.year;
      batch.push(input);
      bytes += size;
      perYear.set(response.year, (perYear.get(response.year) ?? 0) + 1);
    }
  }
  if (batch.length > 0) await send(batchYear, batch);
  await pool.drain();
  const seconds = (Date.now() - started) / 1000;
  options.log(
    `past responses: ${totals.imported} imported, ${totals.alreadyImported} already there (${seconds.toFixed(1)} s)`,
  );
  return perYear;
}

/** The live cycle: created, the default questionnaire published, opened. Returns false if it was already open. */
export async function openLiveCycle(admin: PlatformClient, log: LoadOptions['log']): Promise<boolean> {
  const before = await openCycleWithDefaultQuestionnaire(admin, LIVE_YEAR, { openedDaysAgo: 7 });
  if (before !== null) {
    log(`the ${LIVE_YEAR} cycle is ${before.toLowerCase()}`);
    return false;
  }
  log(`the ${LIVE_YEAR} cycle is open with the default questionnaire`);
  return true;
}

const SERIOUS_CONCERNS = [
  'On night shifts on the surgical ward there is often one registered nurse for 28 patients and students are left to run the bay alone. Raised with the ward manager twice, nothing changed.',
  'A consultant regularly shouts at and belittles junior staff in front of patients; two of us have been reduced to tears and are afraid to report it locally.',
  'Controlled drugs were signed out by a healthcare assistant using a nurse’s login in March; I was asked to countersign without seeing the drugs.',
];

/** A dozen live responses to the open cycle, three of them raising a serious concern with contact details. */
export async function submitLiveResponses(
  learner: PlatformClient,
  admin: PlatformClient,
  options: LoadOptions,
): Promise<void> {
  const ids = await registryIds(admin);
  const { surveyCycle } = await admin.call<{ surveyCycle: { questionnaire: { id: string } } }>(
    `query($year: Int!) { surveyCycle(year: $year) { questionnaire { id } } }`,
    { year: LIVE_YEAR },
  );
  const stream = new ResponseStream(registryOrganisations(demoRegistry(), options.seed), {
    total: 12,
    years: [LIVE_YEAR],
    seed: options.seed + LIVE_YEAR,
    education: new EducationAssigner(
      registryEducationProviders(demoRegistry(), options.seed),
      options.seed + LIVE_YEAR,
    ),
  });
  let concerns = 0;
  for (const response of stream.next(12)) {
    const input = toInput(response, options.seed + LIVE_YEAR, surveyCycle.questionnaire.id, ids);
    const concern = response.index % 4 === 1 ? SERIOUS_CONCERNS[concerns] : undefined;
    const answers = concern
      ? [
          ...input.answers.filter((a) => a.questionCode !== 'Q_SERIOUS_CONCERN'),
          { questionCode: 'Q_SERIOUS_CONCERN', optionCodes: ['YES'] },
          { questionCode: 'Q_SERIOUS_CONCERN_DETAILS', text: concern },
        ]
      : input.answers;
    await untilAccepted(
      () =>
        learner.call(
          `mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { receiptCode } }`,
          {
            input: {
              idempotencyKey: input.idempotencyKey,
              questionnaireId: input.questionnaireId,
              profile: input.profile,
              placement: input.placement,
              education: input.education,
              answers,
              seriousConcernContact: concern
                ? { name: 'Demo Learner', email: `learner${concerns + 1}@example.org`, phone: null }
                : null,
            },
          },
        ),
      'submitting a live response',
    );
    if (concern) concerns += 1;
  }
  options.log(`${LIVE_YEAR}: 12 live responses submitted, ${concerns} raising a serious concern`);
}

/**
 * Releases every past cycle's results once analytics counts exactly the responses loaded for it (they reach
 * analytics through Kafka), then reads the national trend as an analyst to check that every past year
 * answers, so `npm start` is ready only with results to show. The live cycle is never released: its results
 * stay unseen while it is open. A re-run finds the years released and leaves them as they are.
 */
export async function releasePastResults(
  admin: PlatformClient,
  analyst: PlatformClient,
  expected: Map<number, number>,
  log: LoadOptions['log'],
  timeoutMs = 600_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  // A year without responses has nothing to release (analytics refuses an empty release).
  const years = [...expected.entries()]
    .filter(([, count]) => count > 0)
    .map(([year]) => year)
    .sort((a, b) => a - b);
  if (years.length === 0) return;
  for (const year of years) {
    const wanted = expected.get(year) ?? 0;
    const release = await releaseWhenCounted(admin, year, wanted, {
      timeoutMs: deadline - Date.now(),
      intervalMs: 1_000,
      log,
    });
    if (!release.alreadyReleased) {
      log(`${year} results released: ${release.respondents ?? 'fewer than 3'} respondents`);
    } else if (release.respondents !== wanted) {
      log(
        `${year} results were already released with ${release.respondents ?? 'fewer than 3'} respondents ` +
          `(this load has ${wanted}; released results never change, later responses are kept aside)`,
      );
    }
  }
  // Every learner answers the overall experience question: each released year has its row.
  const { measureTrend } = await analyst.call<{ measureTrend: Array<{ year: number }> }>(
    `query($from: Int!, $to: Int!) { measureTrend(measure: "overall-experience", fromYear: $from, toYear: $to) { year } }`,
    { from: years[0], to: years[years.length - 1] },
  );
  const shown = new Set(measureTrend.map((result) => result.year));
  const missing = years.filter((year) => !shown.has(year));
  if (missing.length > 0) throw new Error(`released, but no national results read for ${missing.join(', ')}`);
  log(`analytics: results ${years[0]}–${years[years.length - 1]} released and readable`);
  // Learners name their education provider: the latest year has results by university and college too.
  const latest = years[years.length - 1];
  const { measureResults } = await analyst.call<{ measureResults: Array<{ suppressed: boolean }> }>(
    `query($year: Int!) {
      measureResults(year: $year, measures: ["overall-experience"], groupBy: [EDUCATION_PROVIDER]) { suppressed }
    }`,
    { year: latest },
  );
  if (measureResults.length === 0)
    throw new Error(`released, but no results by education provider for ${latest}`);
  const published = measureResults.filter((row) => !row.suppressed).length;
  log(`analytics: ${latest} results of ${measureResults.length} education providers, ${published} published`);
}
