/**
 * Times the disclosure engine on national-scale populations (about 5,000 canonical cells per
 * (cycle, measure)). Medians of several runs after a warm-up.
 * Run: node -r @swc-node/register libs/analytics/domain/src/bench/suppression.bench.ts
 */
import { cellKey } from '../lib/disclosure/canonical-tables';
import { auditDisclosure } from '../lib/disclosure/audit-disclosure';
import { computeSuppression } from '../lib/disclosure/compute-suppression';
import { publishCell, publishGroup } from '../lib/disclosure/publish-cell';
import { selectCells } from '../lib/disclosure/select-cells';
import { aggregate, fineCounters, largePopulation } from '../test-support/population';

function median(run: () => void, times = 5): number {
  const samples: number[] = [];
  for (let i = 0; i < times; i++) {
    const start = process.hrtime.bigint();
    run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return samples.sort((a, b) => a - b)[Math.floor(times / 2)];
}

const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 360);
const MEAN_LEARNERS = Number(process.env.BENCH_MEAN_LEARNERS ?? 120);
const header =
  'seed  cells  respondents  below_min  complementary  rounds  compute_ms  audit_ms  dashboard_31_ms  region_x_lg_31_ms';
const lines: string[] = [header];
for (const seed of [0, 1, 2, 3, 4, 5]) {
  const population = largePopulation(seed, ORGANISATIONS, MEAN_LEARNERS);
  const cells = aggregate(population);
  const counters = new Map(cells.map((c) => [cellKey(c.coordinates), c]));
  const counterOf = (key: string, coordinates: (typeof cells)[number]['coordinates']) =>
    counters.get(key) ?? { coordinates, respondents: 0, positive: 0 };
  const fine = fineCounters(population);
  const pattern = computeSuppression(cells, population.hierarchy, { fine });
  if (!auditDisclosure(cells, pattern, population.hierarchy, fine).safe)
    throw new Error(`seed ${seed}: audit not clean`);

  const computeMs = median(() => computeSuppression(cells, population.hierarchy, { fine }), 1);
  const auditMs = median(() => auditDisclosure(cells, pattern, population.hierarchy, fine), 1);
  const organisationId = [...population.hierarchy.regionOfOrganisation.keys()][seed];
  // A provider dashboard: its organisation, sites and learner groups, for 31 measures (cached patterns).
  const dashboardMs = median(() => {
    for (let measure = 0; measure < 31; measure++) {
      for (const table of ['ORGANISATION', 'SITE', 'ORGANISATION_BY_LEARNER_GROUP'] as const) {
        for (const s of selectCells(pattern, { table, where: { organisationId } }))
          publishCell(counterOf(s.key, s.coordinates), pattern);
      }
    }
  });
  // The national region × learner group breakdown, flagged against each learner group's national value.
  const breakdownMs = median(() => {
    for (let measure = 0; measure < 31; measure++) {
      for (const lg of selectCells(pattern, { table: 'LEARNER_GROUP' })) {
        const learnerGroup = lg.coordinates.learnerGroup as string;
        const group = selectCells(pattern, { table: 'REGION_BY_LEARNER_GROUP', where: { learnerGroup } });
        publishGroup(
          group.map((s) => counterOf(s.key, s.coordinates)),
          pattern,
          {
            polarity: 'HIGHER_IS_BETTER',
            benchmark: counterOf(lg.key, lg.coordinates),
          },
        );
      }
    }
  });
  const s = pattern.statistics;
  lines.push(
    [
      seed,
      s.cells,
      population.respondents.length,
      s.belowMinimum,
      s.complementary,
      s.rounds,
      computeMs,
      auditMs,
      dashboardMs,
      breakdownMs,
    ]
      .map((v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(1) : String(v)))
      .join('  '),
  );
}
process.stdout.write(`${lines.join('\n')}\n`);
