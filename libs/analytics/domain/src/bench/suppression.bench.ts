/**
 * Times the disclosure engine on national-scale populations (about 5,000 canonical cells per
 * (cycle, measure)): the CPU time of the process (user + system, so other jobs on a shared machine do
 * not inflate it) and the wall time, each the median of BENCH_RUNS runs after the first (warm-up) run.
 * Run: node -r @swc-node/register libs/analytics/domain/src/bench/suppression.bench.ts
 *   BENCH_SEEDS=0,1,2,3,4,5 (default 0,1,2), BENCH_RUNS=3, BENCH_ORGANISATIONS=360, BENCH_MEAN_LEARNERS=120
 */
import { cellKey } from '../lib/disclosure/canonical-tables';
import { auditDisclosure } from '../lib/disclosure/audit-disclosure';
import { computeSuppression } from '../lib/disclosure/compute-suppression';
import { publishCell, publishGroup } from '../lib/disclosure/publish-cell';
import { selectCells } from '../lib/disclosure/select-cells';
import { aggregate, fineCounters, largePopulation } from '../test-support/population';

interface Timing {
  readonly cpuMs: number;
  readonly wallMs: number;
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function time(run: () => void, times: number): Timing {
  const cpu: number[] = [];
  const wall: number[] = [];
  for (let i = 0; i < times; i++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    run();
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  return { cpuMs: medianOf(cpu), wallMs: medianOf(wall) };
}

const SEEDS = (process.env.BENCH_SEEDS ?? '0,1,2').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ORGANISATIONS = Number(process.env.BENCH_ORGANISATIONS ?? 360);
const MEAN_LEARNERS = Number(process.env.BENCH_MEAN_LEARNERS ?? 120);
const header =
  'seed  cells  respondents  below_min  complementary  hidden_respondents  rounds  compute_cpu_ms  compute_wall_ms  audit_cpu_ms  dashboard_31_ms  region_x_lg_31_ms';
const lines: string[] = [header];
const computeCpu: number[] = [];
for (const seed of SEEDS) {
  const population = largePopulation(seed, ORGANISATIONS, MEAN_LEARNERS);
  const cells = aggregate(population);
  const counters = new Map(cells.map((c) => [cellKey(c.coordinates), c]));
  const counterOf = (key: string, coordinates: (typeof cells)[number]['coordinates']) =>
    counters.get(key) ?? { coordinates, respondents: 0, positive: 0 };
  const fine = fineCounters(population);
  const pattern = computeSuppression(cells, population.hierarchy, { fine });
  if (!auditDisclosure(cells, pattern, population.hierarchy, fine).safe)
    throw new Error(`seed ${seed}: audit not clean`);

  const compute = time(() => computeSuppression(cells, population.hierarchy, { fine }), RUNS);
  const audit = time(() => auditDisclosure(cells, pattern, population.hierarchy, fine), 1);
  computeCpu.push(compute.cpuMs);
  const organisationId = [...population.hierarchy.regionOfOrganisation.keys()][seed];
  // A provider dashboard: its organisation, sites and learner groups, for 31 measures (cached patterns).
  const dashboard = time(() => {
    for (let measure = 0; measure < 31; measure++) {
      for (const table of ['ORGANISATION', 'SITE', 'ORGANISATION_BY_LEARNER_GROUP'] as const) {
        for (const s of selectCells(pattern, { table, where: { organisationId } }))
          publishCell(counterOf(s.key, s.coordinates), pattern);
      }
    }
  }, 5);
  // The national region × learner group breakdown, flagged against each learner group's national value.
  const breakdown = time(() => {
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
  }, 5);
  const s = pattern.statistics;
  lines.push(
    [
      seed,
      s.cells,
      population.respondents.length,
      s.belowMinimum,
      s.complementary,
      s.respondentsHidden,
      s.rounds,
      compute.cpuMs,
      compute.wallMs,
      audit.cpuMs,
      dashboard.wallMs,
      breakdown.wallMs,
    ]
      .map((v) => (typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(1) : String(v)))
      .join('  '),
  );
}
lines.push(
  `median compute CPU over seeds ${SEEDS.join(',')}: ${medianOf(computeCpu).toFixed(0)} ms (median of ${RUNS} runs each)`,
);
process.stdout.write(`${lines.join('\n')}\n`);
