import { randomBytes } from 'node:crypto';
import {
  answersFor,
  GatewayClient,
  freePorts,
  loadOpenSurvey,
  openCycleWithDefaultQuestionnaire,
  registerTrust,
  startProcessPlatform,
  submissionFor,
  tokens,
  untilAccepted,
  waitFor,
  type ProcessPlatform,
} from '@nets/shared/testing';
import { startOtlpReceiver, type ReceivedSpan } from './otlp-receiver';
import { startPrometheus, type PrometheusServer } from './prometheus-server';

// Six processes, a Prometheus server and a cold start on two busy cores.
jest.setTimeout(900_000);

const YEAR = new Date().getUTCFullYear();
const SUBMISSIONS = 3;

const SUBMIT = `mutation SubmitResponse($input: SubmitResponseInput!) {
  submitResponse(input: $input) { receiptCode }
}`;

let platform: ProcessPlatform;
let prometheus: PrometheusServer;
let otlp: Awaited<ReturnType<typeof startOtlpReceiver>>;
/**
 * The trace the first learner's app started (its `traceparent`), and the request id the gateway returned, both
 * of the attempt that was accepted: a retry while the platform warms up starts a trace of its own, as an app's
 * new request would, so the trace holds one request.
 */
let traceId = '';
let requestId: string | null = null;

beforeAll(async () => {
  otlp = await startOtlpReceiver();
  platform = await startProcessPlatform({
    label: 'observability',
    // Two cores shared with other work: a cold start can take minutes.
    readyTimeoutMs: 400_000,
    env: {
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_BSP_SCHEDULE_DELAY: '200',
      SCHEDULE_INTERVAL_MS: '1000',
    },
  });
  const [port] = await freePorts(1);
  prometheus = await startPrometheus(platform.metricsUrls, port);

  const gateway = new GatewayClient(platform.gatewayUrl);
  const admin = gateway.as(await tokens.admin());
  await openCycleWithDefaultQuestionnaire(admin, YEAR);
  const trust = await registerTrust(admin, 'RQX', 'Quayside Hospitals NHS Trust', 'LONDON');
  const survey = await untilAccepted(() => loadOpenSurvey(gateway.as()), 'the open survey');
  for (let index = 0; index < SUBMISSIONS; index += 1) {
    const input = submissionFor(
      survey,
      trust,
      answersFor(survey, {}, (question) => (question.required ? 'A good placement.' : undefined)),
    );
    await waitFor(
      async () => {
        // The first learner's app sends a W3C traceparent: the whole submission must stay in that trace.
        const attemptTrace = randomBytes(16).toString('hex');
        const headers: Record<string, string> =
          index === 0 ? { traceparent: `00-${attemptTrace}-${randomBytes(8).toString('hex')}-01` } : {};
        const response = await fetch(platform.gatewayUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query: SUBMIT, variables: { input } }),
        });
        const body = (await response.json()) as { data?: { submitResponse?: { receiptCode: string } } };
        const receiptCode = body.data?.submitResponse?.receiptCode;
        if (index === 0 && receiptCode) {
          traceId = attemptTrace;
          requestId = response.headers.get('x-request-id');
        }
        return receiptCode;
      },
      { timeoutMs: 60_000, intervalMs: 300, description: 'the response service to accept a submission' },
    );
  }
});

afterAll(async () => {
  await prometheus?.stop();
  await platform?.stop();
  await otlp?.stop();
});

describe('metrics through a real Prometheus server', () => {
  it('scrapes every process of the platform', async () => {
    const up = await waitFor(
      async () => {
        const series = await prometheus.series('up');
        return series.length === Object.keys(platform.metricsUrls).length &&
          series.every((item) => item.value === 1)
          ? series
          : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, description: 'every target up' },
    );
    expect(up.map((item) => item.metric['process']).sort()).toEqual(
      ['analytics', 'concerns', 'gateway', 'provider-assessment', 'response', 'survey'].sort(),
    );
  });

  it('counts the accepted responses', async () => {
    const accepted = await waitFor(
      async () => {
        const value = await prometheus.value('sum(nets_responses_accepted_total{service="response"})');
        return value !== undefined && value >= SUBMISSIONS ? value : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, description: 'the accepted-responses counter' },
    );
    expect(accepted).toBe(SUBMISSIONS);
    const mutations = await prometheus.series('nets_graphql_mutations_total{field="submitResponse"}');
    expect(
      mutations
        .filter((item) => item.metric['service'] === 'response' && item.metric['outcome'] === 'ok')
        .map((item) => item.value),
    ).toEqual([SUBMISSIONS]);
  });

  it("records the gateway's requests in its latency histogram", async () => {
    const count = await waitFor(
      async () =>
        (await prometheus.value(
          'sum(nets_http_request_duration_seconds_count{service="gateway", route="/graphql"})',
        )) || undefined,
      { timeoutMs: 30_000, intervalMs: 500, description: "the gateway's request histogram" },
    );
    expect(count).toBeGreaterThanOrEqual(SUBMISSIONS);
    const buckets = await prometheus.series(
      'sum by (le) (nets_http_request_duration_seconds_bucket{service="gateway", route="/graphql"})',
    );
    expect(buckets.find((bucket) => bucket.metric['le'] === '+Inf')?.value).toBe(count);
    // Each scrape is a second apart: wait for the one after the last submission.
    const fetches = await waitFor(
      async () => {
        const value = await prometheus.value(
          'sum(nets_gateway_subgraph_fetch_duration_seconds_count{service="gateway", subgraph="response"})',
        );
        return value !== undefined && value >= SUBMISSIONS ? value : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, description: "the gateway's fetches from the response subgraph" },
    );
    expect(fetches).toBeGreaterThanOrEqual(SUBMISSIONS);
  });

  it('shows zero consumer lag once analytics has applied every response', async () => {
    const topic = `${platform.topicPrefix}nets.responses.v1`;
    const consumed = await waitFor(
      async () => {
        const value = await prometheus.value(
          `sum(nets_kafka_events_consumed_total{service="analytics", topic="${topic}"})`,
        );
        return value !== undefined && value >= SUBMISSIONS ? value : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'analytics to consume the responses' },
    );
    expect(consumed).toBeGreaterThanOrEqual(SUBMISSIONS);
    const lag = await waitFor(
      async () => {
        const series = await prometheus.series(
          `nets_kafka_consumer_lag{service="analytics", topic="${topic}"}`,
        );
        return series.length > 0 && series.every((item) => item.value === 0) ? series : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, description: 'zero lag on the responses topic' },
    );
    expect(lag.map((item) => item.metric['group'])).toEqual(
      lag.map(() => `${platform.topicPrefix}nets-analytics`),
    );
  });

  it("keeps the response service's outbox under a second old", async () => {
    const backlog = await waitFor(
      async () => {
        const value = await prometheus.value('max(nets_outbox_backlog{service="response"})');
        return value === 0 ? { value } : undefined;
      },
      { timeoutMs: 30_000, intervalMs: 500, description: "the response outbox's backlog to drain" },
    );
    expect(backlog.value).toBe(0);
    // The oldest waiting row's age at every scrape since the platform started, submissions included.
    const oldest = await prometheus.value(
      'max(max_over_time(nets_outbox_oldest_age_seconds{service="response"}[15m]))',
    );
    expect(oldest).toBeDefined();
    expect(oldest).toBeLessThan(1);
  });

  it('serves the default Node metrics of each process', async () => {
    const lag = await prometheus.series('nodejs_eventloop_lag_p99_seconds');
    expect(new Set(lag.map((item) => item.metric['service'])).size).toBe(6);
    const pool = await prometheus.value('max(nets_db_pool_connections{service="response", state="total"})');
    expect(pool).toBeGreaterThan(0);
    // The concerns service's own gauge, read from its database at each scrape: no concern is overdue here.
    expect(await prometheus.value('max(nets_concerns_overdue{service="concerns"})')).toBe(0);
  });
});

describe('one trace from the learner to analytics', () => {
  it('returns the request id to the client', () => {
    expect(requestId).toMatch(/^[A-Za-z0-9][A-Za-z0-9._:-]+$/);
  });

  it('follows the submission through the gateway, the response subgraph, its outbox, Kafka and the analytics consumer', async () => {
    const topic = `${platform.topicPrefix}nets.responses.v1`;
    const spans = await waitFor(
      async () => {
        const inTrace = otlp.spans.filter((span) => span.traceId === traceId);
        const consumer = inTrace.find(
          (span) =>
            span.service === 'analytics' &&
            span.name === `${topic} process` &&
            span.attributes['cloudevents.event_type'] === 'nets.response.submitted.v1',
        );
        return consumer ? inTrace : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 300, description: 'the analytics consumer span in the trace' },
    );
    const find = (service: string, name: string): ReceivedSpan => {
      const span = spans.find((item) => item.service === service && item.name === name);
      if (!span) throw new Error(`no ${service} span "${name}" in ${describeSpans(spans)}`);
      return span;
    };
    const gatewaySpan = find('gateway', 'gateway graphql');
    const fetchSpan = find('gateway', 'gateway.fetch');
    const subgraphSpan = find('response', 'response graphql');
    const publishSpan = find('response', 'nets.responses.v1 publish');
    const consumeSpan = spans.find(
      (span) =>
        span.service === 'analytics' &&
        span.name === `${topic} process` &&
        span.parentSpanId === publishSpan.spanId,
    );
    expect(gatewaySpan.attributes['nets.request_id']).toBe(requestId);
    expect(subgraphSpan.attributes['nets.request_id']).toBe(requestId);
    expect(subgraphSpan.attributes['graphql.operation.name']).toMatch(/^SubmitResponse__response__/);
    // Parent links: the subgraph continues the gateway's fetch; the relay continues the request that wrote the
    // row; the consumer continues the record's headers.
    expect(spans.find((span) => span.spanId === subgraphSpan.parentSpanId)?.name).toBe(fetchSpan.name);
    expect(publishSpan.parentSpanId).toBe(subgraphSpan.spanId);
    expect(consumeSpan).toBeDefined();
    expect(
      new Set([gatewaySpan, fetchSpan, subgraphSpan, publishSpan, consumeSpan].map((span) => span?.traceId)),
    ).toEqual(new Set([traceId]));
  });
});

function describeSpans(spans: ReceivedSpan[]): string {
  return spans.map((span) => `${span.service}:${span.name}`).join(', ');
}
