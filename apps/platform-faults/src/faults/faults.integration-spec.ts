// The fault suite (issue 19): a steady submission load through the gateway while parts of the platform are
// killed with SIGKILL — a response replica, an analytics replica, a gateway replica (the supervisor restarts
// them), the Kafka broker and PostgreSQL's postmaster (the suite's own, restarted by it). Afterwards every
// acknowledged response is stored once and counted once by analytics, and nothing is on a DLQ.
// Short form (one fault of each kind, small load) in `npm test`; long form (FAULTS_MODE=long: five kills of
// each replica kind and of the broker, two of the postmaster) by `npm run faults`.
import {
  GatewayClient,
  closeCycle,
  releaseWhenCounted,
  startProcessPlatform,
  type ProcessPlatform,
} from '@nets/shared/testing';
import { keepOutput } from '../support/kept-output';
import { OwnKafka } from '../support/own-kafka';
import { OwnPostgres } from '../support/own-postgres';
import {
  adminToken,
  openCycle,
  registerOrganisations,
  submission,
  type Organisation,
  type Survey,
} from '../support/survey-setup';
import { deadLetters, storedResponses } from './afterwards';
import { FAULT_KINDS, FaultInjector, type FaultKind, type InjectedFault } from './fault-injector';
import { figuresTable } from './figures';
import { LoadGenerator } from './load-generator';

const LONG = process.env['FAULTS_MODE'] === 'long';
const YEAR = new Date().getUTCFullYear();
// A Kafka broker restart alone takes a minute or more on a busy machine.
const TEST_TIMEOUT_MS = (LONG ? 180 : 40) * 60_000;

function schedule(): FaultKind[] {
  if (!LONG) return [...FAULT_KINDS];
  const kinds: FaultKind[] = [
    ...Array<FaultKind>(5).fill('response replica'),
    ...Array<FaultKind>(5).fill('analytics replica'),
    ...Array<FaultKind>(5).fill('gateway replica'),
    ...Array<FaultKind>(5).fill('kafka broker'),
    ...Array<FaultKind>(2).fill('postgres postmaster'),
  ];
  // Random order and moments (Fisher–Yates).
  for (let index = kinds.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [kinds[index], kinds[other]] = [kinds[other], kinds[index]];
  }
  return kinds;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`faults under a steady submission load (${LONG ? 'long' : 'short'} form)`, () => {
  let postgres: OwnPostgres | undefined;
  let kafka: OwnKafka | undefined;
  let platform: ProcessPlatform | undefined;
  let organisation: Organisation;
  let survey: Survey;

  beforeAll(async () => {
    postgres = await OwnPostgres.start();
    kafka = await OwnKafka.start();
    platform = await startProcessPlatform({
      label: 'faults',
      replicas: { response: 2, analytics: 2, gateway: 2 },
      supervise: true,
      databaseServerUrl: postgres.url,
      // Services first meet a broker that has only just started: slow on a busy machine.
      readyTimeoutMs: 600_000,
      env: {
        KAFKA_BROKERS: kafka.brokers,
        SCHEDULE_INTERVAL_MS: '500',
        // One client address sends the whole load: the per-address limit is for the internet.
        RESPONSE_SUBMIT_RATE_LIMIT: '100000000',
      },
    });
    [organisation] = await registerOrganisations(platform.gatewayUrl, 1);
    survey = await openCycle(platform.gatewayUrl, YEAR);
  }, 1_200_000);

  afterAll(async () => {
    if (platform) keepOutput(`faults-${LONG ? 'long' : 'short'}`, platform.output());
    await platform?.stop();
    await kafka?.stop();
    postgres?.stop();
  }, 300_000);

  it(
    'stores and counts every acknowledged response exactly once, with nothing on a DLQ',
    async () => {
      const live = platform as ProcessPlatform;
      const load = new LoadGenerator(live.gatewayUrl, () => submission(survey, organisation), {
        workers: LONG ? 4 : 2,
        pauseMs: LONG ? 50 : 200,
      });
      // The first one waits until the response service has learned the cycle and organisation from their events.
      await load.submitUntilAcknowledged(submission(survey, organisation));
      const injector = new FaultInjector(live, kafka as OwnKafka, postgres as OwnPostgres, () =>
        load.submitUntilAcknowledged(submission(survey, organisation)),
      );
      const startedAt = Date.now();
      load.start();
      const faults: InjectedFault[] = [];
      for (const kind of schedule()) {
        await pause(2_000 + Math.random() * (LONG ? 8_000 : 3_000));
        faults.push(await injector.inject(kind));
      }
      await pause(2_000);
      await load.stop();
      const loadSeconds = (Date.now() - startedAt) / 1000;

      const acknowledged = load.acknowledged.size;
      const stored = await storedResponses(live.databaseUrls['response'], YEAR);
      const acknowledgedReceipts = new Set(load.acknowledged.values());
      const storedReceipts = new Set(stored.receipts);
      const lost = [...acknowledgedReceipts].filter((receipt) => !storedReceipts.has(receipt)).length;
      const duplicated = stored.responses - storedReceipts.size;
      const admin = new GatewayClient(live.gatewayUrl).as(await adminToken());
      await closeCycle(admin, YEAR);
      let counted: number | null = null;
      try {
        counted = (await releaseWhenCounted(admin, YEAR, stored.responses, { timeoutMs: 300_000 }))
          .respondents;
      } finally {
        const figures = figuresTable({
          mode: LONG ? 'long' : 'short',
          faults,
          acknowledged,
          stored: stored.responses,
          counted,
          lost,
          duplicated,
          deadLetters: await deadLetters((kafka as OwnKafka).brokers, live.topicPrefix),
          abandoned: load.abandoned.length,
          seconds: loadSeconds,
        });
        process.stdout.write(
          `\n${figures}\n\nretried refusals: ${JSON.stringify(Object.fromEntries(load.retriedErrors))}\n`,
        );
        keepOutput(`figures-${LONG ? 'long' : 'short'}`, figures);
      }

      expect(faults.map((fault) => fault.kind).sort()).toEqual(schedule().sort());
      expect(load.abandoned).toEqual([]);
      expect(lost).toBe(0);
      expect(duplicated).toBe(0);
      // Nothing stored that was never acknowledged: every submission was retried until it was.
      expect(stored.responses).toBe(acknowledged);
      expect(counted).toBe(acknowledged);
      expect(await deadLetters((kafka as OwnKafka).brokers, live.topicPrefix)).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );
});
