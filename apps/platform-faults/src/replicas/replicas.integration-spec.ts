// Two replicas of every service and of the gateway, each pair behind a load balancer, sharing one database per
// service and the broker: what must hold across replicas (issue 19), through the gateway like any client.
import { GATEWAY_SECRET_HEADER } from '@nets/shared/graphql-server';
import {
  GatewayClient,
  TopicRecorder,
  graphqlRequest,
  releaseWhenCounted,
  startProcessPlatform,
  testKafkaClient,
  waitFor,
  type ProcessPlatform,
} from '@nets/shared/testing';
import {
  adminToken,
  analystToken,
  balancerDispatches,
  cycleClosingSoon,
  registerOrganisations,
  submission,
  submitAs,
  type Organisation,
  type Survey,
} from '../support/survey-setup';
import { keepOutput } from '../support/kept-output';

// A cycle's dates lie within two years of its year.
const YEAR = new Date().getUTCFullYear();
const RATE_LIMIT = 6;
const EVERY_SERVICE_TWICE = {
  survey: 2,
  'provider-assessment': 2,
  concerns: 2,
  response: 2,
  analytics: 2,
  gateway: 2,
};
const MEASURE_RESULTS = `query($year: Int!) { measureResults(year: $year) { measureKey respondents suppressed } }`;

// Each case waits on the platform (a scheduled close, a release once counted) for minutes on a loaded machine;
// `npm test`'s one Jest run ignores a project's own testTimeout.
jest.setTimeout(300_000);

describe('two replicas of every service', () => {
  let platform: ProcessPlatform;
  let recorder: TopicRecorder;
  let organisation: Organisation;
  let survey: Survey;
  let accepted = 0;

  const delta = (before: Record<string, number>, after: Record<string, number>) =>
    Object.keys(after).map((origin) => after[origin] - (before[origin] ?? 0));

  /** measureResults asked of one analytics replica directly, as the gateway would ask it. */
  const measureResultsAt = async (replicaOrigin: string) => {
    const response = await graphqlRequest<{ measureResults: unknown[] }>(
      `${replicaOrigin}/graphql`,
      MEASURE_RESULTS,
      {
        variables: { year: YEAR },
        token: await analystToken(),
        headers: { [GATEWAY_SECRET_HEADER]: platform.gatewaySecret },
      },
    );
    if (!response.data)
      throw new Error(`measureResults at ${replicaOrigin}: ${JSON.stringify(response.errors)}`);
    return response.data.measureResults;
  };

  beforeAll(async () => {
    platform = await startProcessPlatform({
      label: 'replicas',
      replicas: EVERY_SERVICE_TWICE,
      readyTimeoutMs: 300_000,
      env: {
        SCHEDULE_INTERVAL_MS: '300',
        RESPONSE_SUBMIT_RATE_LIMIT: String(RATE_LIMIT),
        RESPONSE_SUBMIT_RATE_WINDOW_SECONDS: '3600',
        // Each test learner names its address (x-forwarded-for); the gateway believes the local balancer.
        GATEWAY_TRUSTED_PROXIES: '127.0.0.1',
      },
    });
    recorder = await new TopicRecorder(testKafkaClient(), [`${platform.topicPrefix}nets.survey.v1`]).start();
    [organisation] = await registerOrganisations(platform.gatewayUrl, 1);
    survey = await cycleClosingSoon(platform.gatewayUrl, YEAR, 120_000);
    // Until the response service has learned the cycle and organisation from their events; one address per try.
    let attempt = 0;
    await waitFor(
      async () => {
        attempt += 1;
        const outcome = await submitAs(
          platform.gatewayUrl,
          submission(survey, organisation),
          `198.51.100.${attempt}`,
        );
        return outcome.receiptCode;
      },
      {
        timeoutMs: 90_000,
        intervalMs: 500,
        description: 'the response service to accept a first submission',
      },
    );
    accepted += 1;
  }, 600_000);

  afterAll(async () => {
    await recorder?.stop();
    // What every process logged, for a failure's post-mortem (tmp/ is ignored by git).
    if (platform) keepOutput('replicas', platform.output());
    await platform?.stop();
  });

  it('spreads one learner’s submissions over both response replicas, and the rate limit holds across them', async () => {
    const responseBefore = await balancerDispatches(platform.balancerUrls['response']);
    const gatewayBefore = await balancerDispatches(platform.balancerUrls['gateway']);
    const outcomes = [];
    for (let index = 0; index <= RATE_LIMIT; index += 1) {
      outcomes.push(await submitAs(platform.gatewayUrl, submission(survey, organisation), '203.0.113.7'));
    }
    const responseServed = delta(responseBefore, await balancerDispatches(platform.balancerUrls['response']));
    const gatewayServed = delta(gatewayBefore, await balancerDispatches(platform.balancerUrls['gateway']));

    expect(outcomes.slice(0, RATE_LIMIT).every((outcome) => outcome.receiptCode)).toBe(true);
    expect(outcomes[RATE_LIMIT]).toEqual({ error: 'RATE_LIMITED' });
    accepted += RATE_LIMIT;
    // Both replicas served some; neither saw all of them, so the refusal came from the shared count.
    expect(responseServed).toHaveLength(2);
    responseServed.forEach((served) => expect(served).toBeGreaterThan(0));
    responseServed.forEach((served) => expect(served).toBeLessThan(RATE_LIMIT + 1));
    gatewayServed.forEach((served) => expect(served).toBeGreaterThan(0));
  });

  it('closes the cycle at its closing time once, though both survey replicas run the schedule', async () => {
    const admin = new GatewayClient(platform.gatewayUrl).as(await adminToken());
    await waitFor(
      async () => {
        const { surveyCycle } = await admin.call<{ surveyCycle: { status: string } }>(
          `query($year: Int!) { surveyCycle(year: $year) { status } }`,
          { year: YEAR },
        );
        return surveyCycle.status === 'CLOSED';
      },
      {
        timeoutMs: 180_000,
        intervalMs: 1_000,
        description: `the ${YEAR} cycle to close at its closing time`,
      },
    );
    const isClose = (value: unknown) => (value as { type?: string }).type === 'nets.survey.cycle-closed.v1';
    await recorder.waitForMessages((message) => isClose(message.value), 1, 30_000);
    // Many schedule ticks later (300 ms each), still one close.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(recorder.messages.filter((message) => isClose(message.value))).toHaveLength(1);
  });

  it('one release makes both analytics replicas answer with the released results', async () => {
    const replicas = Object.keys(await balancerDispatches(platform.balancerUrls['analytics']));
    expect(replicas).toHaveLength(2);
    // Closed, not released: no rows, asked twice of each replica so each holds the answer in its cache.
    for (const replica of [...replicas, ...replicas]) expect(await measureResultsAt(replica)).toEqual([]);

    const admin = new GatewayClient(platform.gatewayUrl).as(await adminToken());
    const release = await releaseWhenCounted(admin, YEAR, accepted, { timeoutMs: 120_000 });
    expect(release.status).toBe('RELEASED');

    for (const replica of replicas) {
      const rows = await measureResultsAt(replica);
      expect(rows.length).toBeGreaterThan(0);
    }
  });
});
