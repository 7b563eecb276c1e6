// The staff portal's speed on the 1,000,000-response dataset (issue 17): the provider dashboard's and the
// national overview's time to interactive and first paint of data, in Chromium, against the whole platform
// with its identity provider, as a member of staff meets them. The dataset is the analytics benchmark's
// (analytics/dataset.ts), registered and back-filled through the public API, its responses sent straight to
// the platform's responses topic (the public API would take hours to take a million).
import { Client } from 'pg';
import { ConfigResourceTypes } from 'kafkajs';
import { createEvent } from '@nets/shared/contract-events';
import { createKafkaClient, kafkaConfigSchema, physicalTopic } from '@nets/shared/data-access-kafka';
import {
  freePorts,
  releaseWhenCounted,
  resultsRelease,
  startProcessPlatform,
  waitFor,
  type PlatformClient,
  type ProcessPlatform,
  cloudEventMessage,
} from '@nets/shared/testing';
import { createLogger } from '@nets/shared/util-logger';
import { startAppProcess, stopInOrder, type AppProcess } from '@nets/web/testing';
import { responsesTopic } from '@nets/response/contract-events';
import { clientFor } from '../../dataset/gateway-client';
import { pastCycle } from '../../dataset/past-cycle';
import {
  buildDataset,
  ResponseGenerator,
  type BenchDataset,
  type BenchOrganisation,
} from '../analytics/dataset';
import { BROKERS, type BenchSection } from '../bench-kit';
import { sendAll } from '../kafka-messages';
import { adminToken } from '../platform-setup';
import { formatNumber } from '../stats';

export interface PortalBenchOptions {
  /** Responses, spread evenly over the cycles (1,000,000: issue 17's dataset). */
  responses: number;
  /** Cycles from 2019 on, each back-filled and released. */
  cycles: number;
  /** Page loads measured per page and state. */
  runs: number;
  log: (line: string) => void;
}

/** As the analytics benchmark: "a few hundred" providers, the same seed, so the same dataset. */
const ORGANISATIONS = 350;
const SEED = 20240601;
/** The demo provider user (apps/identity-provider) reads the organisation registered with this ODS code. */
const PROVIDER = { username: 'provider.r2s', odsCode: 'R2S', name: 'Penmouth Hospitals NHS Trust' };
const ANALYST = 'national.analyst';
const GENERATE_CHUNK = 1000;

/** Registers the dataset's organisations (the largest as the demo provider's), returning them with the registry's ids. */
async function registerDataset(admin: PlatformClient, dataset: BenchDataset): Promise<BenchOrganisation[]> {
  const largest = dataset.organisations.reduce((a, b) => (b.weight > a.weight ? b : a));
  const codes = Array.from(
    { length: 36 * 36 },
    (_, i) => `R${i.toString(36).padStart(2, '0').toUpperCase()}`,
  );
  const spare = codes.filter((code) => code !== PROVIDER.odsCode);
  const registered: BenchOrganisation[] = [];
  const register = async (organisation: BenchOrganisation, index: number) => {
    const isProvider = organisation === largest;
    const odsCode = isProvider ? PROVIDER.odsCode : spare[index];
    const region = isProvider ? 'LONDON' : organisation.snapshot.region;
    const { registerOrganisation } = await admin.call<{
      registerOrganisation: { id: string; sites: Array<{ id: string; code: string }> };
    }>(
      `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id sites { id code } } }`,
      {
        input: {
          odsCode,
          name: isProvider ? PROVIDER.name : `Bench ${odsCode} NHS Trust`,
          kind: 'NHS_TRUST',
          roles: ['PLACEMENT_PROVIDER'],
          region,
          sites: organisation.snapshot.sites.map((_, s) => ({
            code: `${odsCode}${String(s + 1).padStart(2, '0')}`,
            name: `Bench ${odsCode} site ${s + 1}`,
          })),
        },
      },
    );
    registered[index] = {
      ...organisation,
      snapshot: {
        ...organisation.snapshot,
        id: registerOrganisation.id,
        odsCode,
        region,
        sites: organisation.snapshot.sites.map((site, s) => ({
          ...site,
          id: registerOrganisation.sites[s].id,
          code: registerOrganisation.sites[s].code,
        })),
      },
    };
  };
  // A few at a time: the registry answers each in a few milliseconds, the gateway's round trip dominates.
  for (let i = 0; i < dataset.organisations.length; i += 8)
    await Promise.all(dataset.organisations.slice(i, i + 8).map((o, j) => register(o, i + j)));
  return registered;
}

async function scalar(database: Client, sql: string): Promise<number> {
  const { rows } = await database.query<{ v: string | number }>(sql);
  return Number(rows[0]?.v ?? 0);
}

/** Sends every response to the platform's responses topic, kept whole (no size-based retention). */
async function sendResponses(
  platform: ProcessPlatform,
  dataset: BenchDataset,
  total: number,
  log: (line: string) => void,
): Promise<Map<number, number>> {
  const kafka = createKafkaClient(
    kafkaConfigSchema.parse({ KAFKA_BROKERS: BROKERS }),
    'bench-portal',
    createLogger('bench-portal', 'warn'),
  );
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const topic = physicalTopic(platform.topicPrefix, responsesTopic.name);
  const perYear = new Map<number, number>();
  await admin.connect();
  await producer.connect();
  try {
    // The dev broker caps a partition at 256 MB: a million 2 KB events would be deleted before analytics read them.
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        {
          type: ConfigResourceTypes.TOPIC,
          name: topic,
          configEntries: [
            { name: 'retention.bytes', value: '-1' },
            { name: 'retention.ms', value: '-1' },
          ],
        },
      ],
    });
    const generator = new ResponseGenerator(dataset, total, SEED + 1);
    let lastReport = Date.now();
    while (generator.remaining > 0) {
      const messages = generator.next(GENERATE_CHUNK).map((response) => {
        const id = response.placement.organisationId;
        perYear.set(response.cycleYear, (perYear.get(response.cycleYear) ?? 0) + 1);
        return cloudEventMessage(
          id,
          createEvent(
            responsesTopic,
            'nets.response.submitted.v1',
            { ...response, imported: true },
            {
              source: '/nets/response',
              subject: id,
            },
          ),
        );
      });
      await sendAll(producer, topic, messages);
      if (Date.now() - lastReport > 30_000) {
        lastReport = Date.now();
        log(`… ${formatNumber(total - generator.remaining)} responses sent`);
      }
    }
  } finally {
    await producer.disconnect();
    await admin.disconnect();
  }
  return perYear;
}

/** The platform with its identity provider and the portal, the dataset loaded and every cycle released. */
async function loadedPortal(options: PortalBenchOptions, portalPort: number) {
  const { log } = options;
  const portalUrl = `http://127.0.0.1:${portalPort}`;
  const platform = await startProcessPlatform({
    label: 'bench',
    readyTimeoutMs: 240_000,
    env: {
      LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
      KAFKA_BROKERS: BROKERS,
      // A release builds the cycle's views of a sixth of a million responses while the rest still fold: on two
      // shared cores a statement can outlast the 30 s default, which would fail the release, not the page.
      DATABASE_STATEMENT_TIMEOUT_MS: process.env['BENCH_STATEMENT_TIMEOUT_MS'] ?? '600000',
    },
    identityProvider: {
      staffPortalRedirectUris: [`${portalUrl}/auth/callback`],
      staffPortalPostLogoutRedirectUris: [`${portalUrl}/signed-out`],
    },
  });
  let portal: AppProcess | undefined;
  try {
    const admin = clientFor(platform.gatewayUrl, await adminToken());
    const base = buildDataset({ organisations: ORGANISATIONS, cycles: options.cycles, seed: SEED });
    const questionnaires = [];
    for (const questionnaire of base.questionnaires)
      questionnaires.push({ ...questionnaire, questionnaireId: await pastCycle(admin, questionnaire.year) });
    const organisations = await registerDataset(admin, base);
    const dataset: BenchDataset = { ...base, organisations, questionnaires };
    log(`${organisations.length} organisations registered, ${questionnaires.length} cycles back-filled`);
    // Analytics must know them before it folds a response of theirs.
    const analytics = new Client({ connectionString: platform.databaseUrls['analytics'] });
    await analytics.connect();
    try {
      await waitFor(
        async () =>
          (await scalar(analytics, 'SELECT count(*) AS v FROM questionnaire_replica')) >=
            questionnaires.length &&
          (await scalar(analytics, 'SELECT count(*) AS v FROM organisation_replica')) >= organisations.length,
        {
          timeoutMs: 180_000,
          intervalMs: 1_000,
          description: 'analytics to learn the organisations and cycles',
        },
      );
    } finally {
      await analytics.end();
    }
    log(`sending ${formatNumber(options.responses)} responses to the platform's responses topic…`);
    const started = Date.now();
    const perYear = await sendResponses(platform, dataset, options.responses, log);
    log(
      `sent in ${formatNumber((Date.now() - started) / 1000)} s; releasing each cycle once analytics counts it…`,
    );
    // Every response folded before the first release, as the analytics part replays before it releases: a
    // release builds the cycle's views on the same two cores, and folding behind it would crawl.
    const years = [...perYear.entries()].sort((a, b) => a[0] - b[0]);
    let lastCounted = -1;
    await waitFor(
      async () => {
        let counted = 0;
        for (const [year] of years) counted += (await resultsRelease(admin, year)).respondents ?? 0;
        if (counted !== lastCounted) log(`analytics has folded ${formatNumber(counted)} responses`);
        lastCounted = counted;
        return counted >= options.responses;
      },
      {
        timeoutMs: 600_000 + options.responses * 10,
        intervalMs: 5_000,
        description: 'every response folded',
      },
    );
    for (const [year, expected] of years) await releasedOnce(admin, year, expected, options, log);
    log(
      `every cycle released ${formatNumber((Date.now() - started) / 1000)} s after the first response was sent`,
    );
    const identityProvider = platform.identityProvider;
    if (!identityProvider) throw new Error('the platform runs no identity provider');
    portal = await startAppProcess({
      name: 'the staff portal',
      script: 'apps/staff-portal/src/main.ts',
      port: portalPort,
      readyTimeoutMs: 180_000,
      env: {
        NODE_ENV: 'production',
        NETS_ENV: 'test',
        LOG_LEVEL: process.env['BENCH_LOG_LEVEL'] ?? 'warn',
        STAFF_PORTAL_PORT: String(portalPort),
        STAFF_PORTAL_PUBLIC_URL: portalUrl,
        STAFF_PORTAL_GATEWAY_URL: platform.gatewayUrl,
        STAFF_PORTAL_OIDC_ISSUER: identityProvider.url,
        STAFF_PORTAL_OIDC_CLIENT_ID: identityProvider.staffPortal.clientId,
        STAFF_PORTAL_OIDC_CLIENT_SECRET: identityProvider.staffPortal.clientSecret,
      },
    });
    const year = Math.max(...perYear.keys());
    const providerId = organisations.find((o) => o.snapshot.odsCode === PROVIDER.odsCode)?.snapshot.id;
    if (!providerId) throw new Error('the demo provider was not registered');
    return { platform, portal, portalUrl, year, providerId };
  } catch (error) {
    // What the platform said about it: its processes' errors (the bench's own log is only the symptom).
    const errors = platform
      .output()
      .split('\n')
      .filter((line) => /"level":"(error|fatal)"/.test(line));
    for (const line of errors.slice(-20)) log(line.slice(0, 2000));
    await stopInOrder(portal, platform);
    throw error;
  }
}

/**
 * Releases a cycle once analytics counts every response sent for it. A release can fail while the machine is
 * swamped (two cores, a million events folding): it is retried a few times before the run gives up.
 */
async function releasedOnce(
  admin: PlatformClient,
  year: number,
  expected: number,
  options: PortalBenchOptions,
  log: (line: string) => void,
): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await releaseWhenCounted(admin, year, expected, {
        // Analytics folds on while the responses are sent: the first cycle waits for most of the replay.
        timeoutMs: 600_000 + options.responses * 3,
        intervalMs: 2_000,
        log,
      });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      log(
        `releasing ${year} failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}); again in 10 s`,
      );
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
  }
}

export async function portalBenchmarks(options: PortalBenchOptions): Promise<BenchSection> {
  const { log } = options;
  const [portalPort] = await freePorts(1);
  const loaded = await loadedPortal(options, portalPort);
  try {
    // Read when the data is in (a long load): Chromium and the measuring code are needed only from here.
    const { measurePortalPages } = await import('./portal-pages');
    return await measurePortalPages(
      loaded.portalUrl,
      [
        {
          name: 'provider dashboard',
          path: `/provider-dashboard/${loaded.providerId}?year=${loaded.year}`,
          username: PROVIDER.username,
          dataTable: /^Every measure against its benchmark/,
        },
        {
          name: 'national overview',
          path: '/overview',
          username: ANALYST,
          dataTable: /^Headline measures nationally/,
        },
      ],
      options.runs,
      log,
    );
  } finally {
    await stopInOrder(loaded.portal, loaded.platform);
  }
}
