import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One registry per process: every library records into these metrics, and the process serves them on its
 * metrics port (see startMetricsServer). Names follow Prometheus' conventions (`_total`, `_seconds`); every
 * series also gets `service` from the process (a default label), so dashboards and alerts filter by it.
 */
export const metricsRegistry = new Registry();

let defaultsCollected = false;

/** Node's own metrics (event-loop lag, heap, GC, handles, CPU) and the `service` label on everything. */
export function initProcessMetrics(service: string): void {
  metricsRegistry.setDefaultLabels({ service });
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: metricsRegistry, eventLoopMonitoringPrecision: 20 });
}

const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const QUERY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

export const httpRequests = new Histogram({
  name: 'nets_http_request_duration_seconds',
  help: 'HTTP requests answered, by route, method and status code',
  labelNames: ['route', 'method', 'status'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const graphqlOperations = new Histogram({
  name: 'nets_graphql_operation_duration_seconds',
  help: 'GraphQL operations executed, by operation name, type and outcome (ok, error)',
  labelNames: ['operation', 'type', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const graphqlErrors = new Counter({
  name: 'nets_graphql_errors_total',
  help: 'GraphQL errors returned to callers, by extensions.code',
  labelNames: ['code'] as const,
  registers: [metricsRegistry],
});

export const graphqlMutations = new Counter({
  name: 'nets_graphql_mutations_total',
  help: 'Root mutation fields resolved by a subgraph, by field, outcome (ok, refused) and error code',
  labelNames: ['field', 'outcome', 'code'] as const,
  registers: [metricsRegistry],
});

export const subgraphFetches = new Histogram({
  name: 'nets_gateway_subgraph_fetch_duration_seconds',
  help: 'Gateway fetches from subgraphs, by subgraph and outcome (ok, error)',
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

export const databaseQueries = new Histogram({
  name: 'nets_db_query_duration_seconds',
  help: 'PostgreSQL queries, by outcome (ok, error)',
  labelNames: ['outcome'] as const,
  buckets: QUERY_BUCKETS,
  registers: [metricsRegistry],
});

export const outboxEventsWritten = new Counter({
  name: 'nets_outbox_events_written_total',
  help: 'Events committed to the outbox, by CloudEvents type',
  labelNames: ['type'] as const,
  registers: [metricsRegistry],
});

export const eventsProduced = new Counter({
  name: 'nets_kafka_events_produced_total',
  help: 'Events the outbox relay published, by topic',
  labelNames: ['topic'] as const,
  registers: [metricsRegistry],
});

export const eventsConsumed = new Counter({
  name: 'nets_kafka_events_consumed_total',
  help: 'Events a consumer group applied (duplicates included), by group and topic',
  labelNames: ['group', 'topic'] as const,
  registers: [metricsRegistry],
});

export const consumerRetries = new Counter({
  name: 'nets_kafka_consumer_retries_total',
  help: 'Retried batches, by group, topic and kind (database: a passing database problem; handler: a failure)',
  labelNames: ['group', 'topic', 'kind'] as const,
  registers: [metricsRegistry],
});

export const deadLetters = new Counter({
  name: 'nets_kafka_dead_letters_total',
  help: 'Poison messages parked on a dead-letter topic, by group and original topic',
  labelNames: ['group', 'topic'] as const,
  registers: [metricsRegistry],
});

/**
 * Counters operators read as the service's business (see the README's Operations section), each counted when
 * the transaction that writes its event commits, so a rolled-back change counts nothing.
 */
export const DOMAIN_EVENT_COUNTERS: Readonly<Record<string, Counter>> = {
  'nets.response.submitted.v1': new Counter({
    name: 'nets_responses_accepted_total',
    help: 'Learner responses accepted (committed with their event)',
    registers: [metricsRegistry],
  }),
  'nets.response.serious-concern-raised.v1': new Counter({
    name: 'nets_serious_concerns_raised_total',
    help: 'Serious concerns learners raised with their response',
    registers: [metricsRegistry],
  }),
  'nets.concern.raised.v1': new Counter({
    name: 'nets_concerns_opened_total',
    help: 'Quality concerns opened',
    registers: [metricsRegistry],
  }),
  'nets.analytics.results-published.v1': new Counter({
    name: 'nets_results_published_total',
    help: 'Result sets published on release of a cycle',
    registers: [metricsRegistry],
  }),
};

/**
 * Learners' comments the redactor was unsure of wait for the regional quality team (response service).
 * Counted when the transaction that routes or decides them commits; no text, no ids, no region in labels.
 */
export const commentsQueuedForReview = new Counter({
  name: 'nets_comments_queued_for_review_total',
  help: 'Comments the redactor routed to the review queue of the regional quality team',
  registers: [metricsRegistry],
});

export type CommentReviewDecision = 'approved' | 'amended' | 'corrected';

export const commentReviewDecisions = new Counter({
  name: 'nets_comment_review_decisions_total',
  help: 'Reviewers’ decisions on comments: approved or amended out of the queue, corrected after release',
  labelNames: ['decision'] as const,
  registers: [metricsRegistry],
});

/** The review queue now, read at each scrape from the database (every replica reports the same figure). */
export const commentsInReview = new Gauge({
  name: 'nets_comments_in_review',
  help: 'Comments waiting in the review queue, by region of the placement',
  labelNames: ['region'] as const,
  registers: [metricsRegistry],
});

export const commentsInReviewOldestAge = new Gauge({
  name: 'nets_comments_in_review_oldest_age_seconds',
  help: 'Age of the oldest comment of a learner’s live response waiting in the review queue, by region (day precision)',
  labelNames: ['region'] as const,
  registers: [metricsRegistry],
});

export type ReleaseOutcome = 'released' | 'refused' | 'failed';

/** An administrator's releaseResults, whatever it came to (analytics service). */
export const resultReleases = new Counter({
  name: 'nets_result_releases_total',
  help: 'Releases of a cycle’s results: released, refused (by reason) or failed (an unexpected error)',
  labelNames: ['outcome', 'reason'] as const,
  registers: [metricsRegistry],
});

/** Gauges read at scrape time: each library registers how to fill its own (see addScrapeCollector). */
export const dbPoolConnections = new Gauge({
  name: 'nets_db_pool_connections',
  help: 'Database pool connections, by state (total, idle, waiting: requests queued for a connection)',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
});

export const outboxBacklog = new Gauge({
  name: 'nets_outbox_backlog',
  help: 'Outbox rows not yet published',
  registers: [metricsRegistry],
});

export const outboxOldestAge = new Gauge({
  name: 'nets_outbox_oldest_age_seconds',
  help: 'How long the oldest unpublished outbox row has been waiting (0 when none)',
  registers: [metricsRegistry],
});

export const consumerLag = new Gauge({
  name: 'nets_kafka_consumer_lag',
  help: 'Messages not yet committed by a consumer group, by group, topic and partition',
  labelNames: ['group', 'topic', 'partition'] as const,
  registers: [metricsRegistry],
});

export const deadLetterMessages = new Gauge({
  name: 'nets_kafka_dead_letter_messages',
  help: 'Messages held on a dead-letter topic (end offset minus start offset), by dead-letter topic',
  labelNames: ['topic'] as const,
  registers: [metricsRegistry],
});

/** Overdue quality concerns now (the concerns service sets it from its scheduled overdue check). */
export const concernsOverdue = new Gauge({
  name: 'nets_concerns_overdue',
  help: 'Quality concerns past their due date and not closed',
  registers: [metricsRegistry],
});

/** Notification emails the SMTP server accepted (concerns service); no address or kind in labels. */
export const notificationEmailsSent = new Counter({
  name: 'nets_notification_emails_sent_total',
  help: 'Notification emails delivered to the SMTP server',
  registers: [metricsRegistry],
});

/** Failed delivery attempts of notification emails: `will_retry`, or `gave_up` after the last attempt. */
export const notificationEmailsFailed = new Counter({
  name: 'nets_notification_emails_failed_total',
  help: 'Notification email delivery attempts that failed, by whether the email will be retried',
  labelNames: ['outcome'] as const,
  registers: [metricsRegistry],
});

type ScrapeCollector = () => Promise<void>;
const scrapeCollectors = new Set<ScrapeCollector>();

/** Runs before each scrape (errors are logged by the server, the other collectors still run). */
export function addScrapeCollector(collector: ScrapeCollector): () => void {
  scrapeCollectors.add(collector);
  return () => scrapeCollectors.delete(collector);
}

export async function runScrapeCollectors(): Promise<unknown[]> {
  const results = await Promise.allSettled([...scrapeCollectors].map((collect) => collect()));
  return results.filter((result) => result.status === 'rejected').map((result) => result.reason as unknown);
}

/** Seconds since `start` (a `process.hrtime.bigint()` reading). */
export function secondsSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e9;
}
