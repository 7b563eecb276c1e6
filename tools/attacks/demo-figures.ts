// Over-suppression and attack figures on the demo dataset (tools/dataset, the demo's size and seed), computed
// offline from the generated responses folded as the analytics service folds them (learner-level counters
// per cycle and series). Prints, per table, the share of cells withheld and of respondents hidden.
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/attacks/demo-figures.ts \
//     [--responses 4200] [--years 2019,2024] [--attack 2024:bullying,2024:induction]
// ENGINE=<dir with an index exporting computeSuppression> runs another engine (the figures "before").
import { parseArgs } from 'node:util';
import * as domain from '@nets/analytics/domain';
import { PAST_CYCLES } from '../dataset/targets';
import { demoCounters } from './demo-counters';
import { attack, placeKey, type AttackHierarchy, type Seen } from './lp-attacker';

type Fine = domain.FineCounter;
type Pattern = domain.SuppressionPattern;
type Compute = (
  cells: domain.CounterCell[],
  hierarchy: domain.Hierarchy,
  options: { fine: Fine[] },
) => Pattern;

const { values } = parseArgs({
  options: {
    responses: { type: 'string', default: '4200' },
    seed: { type: 'string', default: '2024' },
    years: { type: 'string' },
    attack: { type: 'string' },
  },
});

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const engine = (process.env.ENGINE ? require(process.env.ENGINE) : domain) as {
    computeSuppression: Compute;
  };
  const demo = demoCounters({ responses: Number(values.responses), seed: Number(values.seed) });
  const hierarchy: domain.Hierarchy = {
    regionOfOrganisation: demo.hierarchy.regionOf,
    organisationOfSite: demo.hierarchy.organisationOfSite,
    learnerGroupOfProfession: demo.hierarchy.learnerGroupOf,
  };
  const [fromYear, toYear] = (values.years ?? `${PAST_CYCLES[0]},${PAST_CYCLES[PAST_CYCLES.length - 1]}`)
    .split(',')
    .map(Number);
  const attacks = new Set((values.attack ?? '').split(',').filter((s) => s.length > 0));

  const perTable = new Map<
    string,
    { cells: number; withheld: number; respondents: number; hidden: number }
  >();
  let patterns = 0;
  let noNational = 0;
  const started = Date.now();
  for (const [year, bySeries] of [...demo.counters].sort((a, b) => a[0] - b[0])) {
    if (year < fromYear || year > toYear) continue;
    for (const [series, counters] of bySeries) {
      const fine = [...counters];
      const cells = domain.canonicalCellsOf(fine, hierarchy);
      const pattern = engine.computeSuppression(cells, hierarchy, { fine });
      patterns += 1;
      for (const cell of cells) {
        const key = domain.cellKey(cell.coordinates);
        const entry = pattern.entries.get(key);
        if (!entry) continue;
        const row = perTable.get(entry.table) ?? { cells: 0, withheld: 0, respondents: 0, hidden: 0 };
        row.cells += 1;
        row.respondents += cell.respondents;
        if (entry.suppressed) {
          row.withheld += 1;
          row.hidden += cell.respondents;
          if (entry.table === 'NATIONAL') noNational += 1;
        }
        perTable.set(entry.table, row);
      }
      if (attacks.has(`${year}:${series}`)) await attackOne(`${year}:${series}`, cells, pattern, demo.hierarchy);
    }
  }
  const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(1)}%`);
  const lines = ['| table | cells | withheld | respondents hidden |', '| --- | ---: | ---: | ---: |'];
  const total = { cells: 0, withheld: 0, respondents: 0, hidden: 0 };
  for (const table of domain.CANONICAL_TABLES.map((t) => t.id)) {
    const row = perTable.get(table);
    if (!row) continue;
    lines.push(
      `| ${table} | ${row.cells} | ${pct(row.withheld, row.cells)} | ${pct(row.hidden, row.respondents)} |`,
    );
    total.cells += row.cells;
    total.withheld += row.withheld;
    total.respondents += row.respondents;
    total.hidden += row.hidden;
  }
  lines.push(
    `| all | ${total.cells} | ${pct(total.withheld, total.cells)} | ${pct(total.hidden, total.respondents)} |`,
  );
  process.stdout.write(
    `${patterns} patterns (cycle × series), national cell withheld in ${noNational}, ${((Date.now() - started) / 1000).toFixed(1)} s\n${lines.join('\n')}\n`,
  );
}

/** The LP attacker against one pattern, as a national analyst reads it (every cell of every table). */
async function attackOne(
  label: string,
  cells: domain.CounterCell[],
  pattern: Pattern,
  hierarchy: AttackHierarchy,
): Promise<void> {
  const seen: Seen[] = cells.map((cell) => {
    const view = domain.publishCell(cell, pattern);
    return view.suppressed || view.noData
      ? { kind: 'WITHHELD', place: cell.coordinates }
      : { kind: 'PUBLISHED', place: cell.coordinates, n: view.respondents, k: view.positive };
  });
  const started = Date.now();
  const report = await attack(
    { seen, wouldSee: () => true },
    hierarchy,
    {
      protectionWidth: 3,
      integer: false,
      // Each withheld cell costs five LP solves over the national learner-level table: a sample by default.
      only: new Set(
        seen
          .filter((s) => s.kind === 'WITHHELD')
          .map((s) => placeKey(s.place))
          .slice(0, Number(process.env.ATTACK_CELLS ?? 40)),
      ),
    },
  );
  process.stdout.write(
    `${label}: ${report.withheld} withheld, width breaks ${report.widthBreaks.length}, determined answers ${report.determinedAnswers.length} (${((Date.now() - started) / 1000).toFixed(0)} s)\n` +
      report.verdicts
        .filter((v) => v.widthBroken || (v.answersDetermined && !v.explainedByPublishedRate))
        .slice(0, 10)
        .map(
          (v) =>
            `  ${v.key} n ${v.respondents.join('..')} k ${v.positives.join('..')} negatives ≤ ${v.maxNegatives}\n`,
        )
        .join(''),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
