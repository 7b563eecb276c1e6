// Writes one Grafana dashboard per process (dashboards/<service>.json) from one template, so every service's
// board has the same panels: `node docker/grafana/generate-dashboards.mjs` after changing a panel or adding a
// subgraph (the services are those of tools/platform/services.json, which the subgraph generator extends).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const services = [
  'gateway',
  ...JSON.parse(readFileSync(join(here, '../../tools/platform/services.json'), 'utf8')).map(
    (entry) => entry.name,
  ),
];

const panel = (id, title, exprs, unit, x, y) => ({
  id,
  title,
  type: 'timeseries',
  datasource: { type: 'prometheus', uid: 'prometheus' },
  gridPos: { x, y, w: 12, h: 8 },
  fieldConfig: { defaults: { unit }, overrides: [] },
  targets: exprs.map(([expr, legendFormat], index) => ({
    refId: String.fromCharCode(65 + index),
    expr,
    legendFormat,
  })),
});

function dashboard(service) {
  const s = `service="${service}"`;
  const panels = [
    [
      'Requests per second by status',
      [[`sum by (status) (rate(nets_http_request_duration_seconds_count{${s}}[5m]))`, '{{status}}']],
      'reqps',
    ],
    [
      'GraphQL latency p50 / p99',
      [
        [
          `histogram_quantile(0.5, sum by (le) (rate(nets_graphql_operation_duration_seconds_bucket{${s}}[5m])))`,
          'p50',
        ],
        [
          `histogram_quantile(0.99, sum by (le) (rate(nets_graphql_operation_duration_seconds_bucket{${s}}[5m])))`,
          'p99',
        ],
      ],
      's',
    ],
    [
      'Operations by name and outcome',
      [
        [
          `sum by (operation, outcome) (rate(nets_graphql_operation_duration_seconds_count{${s}}[5m]))`,
          '{{operation}} {{outcome}}',
        ],
      ],
      'ops',
    ],
    ['Errors by code', [[`sum by (code) (rate(nets_graphql_errors_total{${s}}[5m]))`, '{{code}}']], 'ops'],
    ...(service === 'gateway'
      ? [
          [
            'Subgraph fetch p99 by subgraph',
            [
              [
                `histogram_quantile(0.99, sum by (subgraph, le) (rate(nets_gateway_subgraph_fetch_duration_seconds_bucket{${s}}[5m])))`,
                '{{subgraph}}',
              ],
            ],
            's',
          ],
        ]
      : [
          ['Database pool', [[`max by (state) (nets_db_pool_connections{${s}})`, '{{state}}']], 'short'],
          [
            'Database query p99',
            [
              [
                `histogram_quantile(0.99, sum by (le) (rate(nets_db_query_duration_seconds_bucket{${s}}[5m])))`,
                'p99',
              ],
            ],
            's',
          ],
          [
            'Outbox backlog and oldest age',
            [
              [`max(nets_outbox_backlog{${s}})`, 'rows waiting'],
              [`max(nets_outbox_oldest_age_seconds{${s}})`, 'oldest (s)'],
            ],
            'short',
          ],
          [
            'Events produced and consumed',
            [
              [`sum by (topic) (rate(nets_kafka_events_produced_total{${s}}[5m]))`, 'produced {{topic}}'],
              [`sum by (topic) (rate(nets_kafka_events_consumed_total{${s}}[5m]))`, 'consumed {{topic}}'],
            ],
            'ops',
          ],
          [
            'Consumer lag by topic',
            [[`sum by (topic) (max by (topic, partition) (nets_kafka_consumer_lag{${s}}))`, '{{topic}}']],
            'short',
          ],
          [
            'Retries and dead letters',
            [
              [`sum by (kind) (rate(nets_kafka_consumer_retries_total{${s}}[5m]))`, 'retries {{kind}}'],
              [`max by (topic) (nets_kafka_dead_letter_messages{${s}})`, 'parked {{topic}}'],
            ],
            'short',
          ],
          [
            'Mutations by field and outcome',
            [
              [
                `sum by (field, outcome, code) (rate(nets_graphql_mutations_total{${s}}[5m]))`,
                '{{field}} {{outcome}} {{code}}',
              ],
            ],
            'ops',
          ],
          [
            'Domain events committed',
            [[`sum by (type) (rate(nets_outbox_events_written_total{${s}}[5m]))`, '{{type}}']],
            'ops',
          ],
        ]),
    ...(service === 'response'
      ? [
          [
            'Comments in the review queue by region',
            [
              [`max by (region) (nets_comments_in_review{${s}})`, 'waiting {{region}}'],
              [`sum(rate(nets_comments_queued_for_review_total{${s}}[1h])) * 3600`, 'queued per hour'],
              [
                `sum by (decision) (rate(nets_comment_review_decisions_total{${s}}[1h])) * 3600`,
                '{{decision}} per hour',
              ],
            ],
            'short',
          ],
          [
            'Oldest comment in review (days)',
            [[`max by (region) (nets_comments_in_review_oldest_age_seconds{${s}}) / 86400`, '{{region}}']],
            'short',
          ],
        ]
      : []),
    ...(service === 'analytics'
      ? [
          [
            'Result releases by outcome and reason',
            [
              [
                `sum by (outcome, reason) (increase(nets_result_releases_total{${s}}[1d]))`,
                '{{outcome}} {{reason}}',
              ],
            ],
            'short',
          ],
        ]
      : []),
    ['Event-loop lag p99', [[`max(nodejs_eventloop_lag_p99_seconds{${s}})`, 'p99']], 's'],
    ['Heap used', [[`sum(nodejs_heap_size_used_bytes{${s}})`, 'heap']], 'bytes'],
  ];
  return {
    uid: `nets-${service}`,
    title: `NETS ${service}`,
    tags: ['nets'],
    schemaVersion: 39,
    time: { from: 'now-1h', to: 'now' },
    refresh: '30s',
    panels: panels.map(([title, exprs, unit], index) =>
      panel(index + 1, title, exprs, unit, (index % 2) * 12, Math.floor(index / 2) * 8),
    ),
  };
}

// `--check` (npm run check:generated): fails when a committed dashboard differs from what this script writes.
const check = process.argv.includes('--check');
const stale = [];
for (const service of services) {
  const file = join(here, 'dashboards', `${service}.json`);
  const text = `${JSON.stringify(dashboard(service), null, 2)}\n`;
  if (!check) writeFileSync(file, text);
  else if (!existsSync(file) || readFileSync(file, 'utf8') !== text) stale.push(file);
}
if (stale.length > 0) {
  process.stderr.write(
    `stale Grafana dashboards (run \`node docker/grafana/generate-dashboards.mjs\` and commit): ${stale.join(', ')}\n`,
  );
  process.exit(1);
}
