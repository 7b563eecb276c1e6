// The same LP / ILP attacker as ./lp-attacker (same knowledge, same unknowns, same objectives), made fast
// enough for the whole demo dataset: presolve fixes what single-unknown equalities and zero totals fix,
// the system splits into independent connected components, each component is one persistent HiGHS model
// reused across objectives, witness solutions settle cells without their own solves, and components run
// on a pool of workers. `witnesses: false` solves every objective and gives the naive attacker's numbers.
import { solveUnit, type ComponentUnit, type UnitCell, type UnitResult } from './component-solver';
import {
  learnerTable,
  placeKey,
  publishedRateAbove,
  type AttackHierarchy,
  type AttackReport,
  type CellVerdict,
  type Knowledge,
  type LearnerTable,
  type Seen,
} from './lp-attacker';
import { runOnPool } from './worker-pool';

export interface FastAttackOptions {
  readonly protectionWidth: number;
  readonly integer: boolean;
  readonly only?: ReadonlySet<string>;
  /** Settle cells from witness solutions (default true). */
  readonly witnesses?: boolean;
  /** Worker threads (default 0: solve in this thread). */
  readonly workers?: number;
}

export interface FastAttackStatistics {
  readonly learnerCells: number;
  /** Two per class of learner-level cells that lie in exactly the same seen cells (merged: they are alike). */
  readonly variables: number;
  readonly fixedByPresolve: number;
  readonly components: number;
  readonly largestComponent: number;
  readonly solves: number;
  readonly settledByWitness: number;
  /** Worker threads the components were solved on (0: this thread). */
  readonly workers: number;
}

export interface FastAttackReport extends AttackReport {
  readonly statistics: FastAttackStatistics;
}

interface Row {
  readonly cols: number[];
  readonly coefs: number[];
  readonly lower: number;
  readonly upper: number;
}

// Unknowns: n of learner-level cell i is column 2i, its positives k column 2i + 1.
const N = (i: number) => 2 * i;
const K = (i: number) => 2 * i + 1;

export async function attackFast(
  knowledge: Knowledge,
  hierarchy: AttackHierarchy,
  options: FastAttackOptions,
): Promise<FastAttackReport> {
  const table = learnerTable(knowledge, hierarchy);
  const seenByKey = table.seenByKey;
  const { classes, cellsOf } = mergeAlike(table, knowledge);
  const columns = 2 * classes;
  const rows: Row[] = [];
  for (let i = 0; i < classes; i++)
    rows.push({ cols: [K(i), N(i)], coefs: [1, -1], lower: -Infinity, upper: 0 });
  for (const [key, seen] of seenByKey) {
    const inside = cellsOf.get(key) ?? [];
    if (seen.kind === 'PUBLISHED') {
      if (inside.length === 0 && seen.n > 0) throw contradiction(key);
      rows.push({ cols: inside.map(N), coefs: inside.map(() => 1), lower: seen.n, upper: seen.n });
      rows.push({ cols: inside.map(K), coefs: inside.map(() => 1), lower: seen.k, upper: seen.k });
    } else if (inside.length > 0 && !knowledge.withheldMayBeEmpty) {
      rows.push({ cols: inside.map(N), coefs: inside.map(() => 1), lower: 1, upper: Infinity });
    }
  }
  for (const { place, n } of knowledge.counts ?? []) {
    const key = placeKey(place);
    const inside = cellsOf.get(key) ?? [];
    if (inside.length === 0 && n > 0) throw contradiction(key);
    rows.push({ cols: inside.map(N), coefs: inside.map(() => 1), lower: n, upper: n });
  }
  const fixed = presolve(columns, rows);

  const targets = knowledge.seen
    .filter((s) => s.kind === 'WITHHELD')
    .map((s) => placeKey(s.place))
    .filter((key) => !options.only || options.only.has(key));

  // Components over the unknowns presolve left free; a target cell's own unknowns are joined too.
  const parent = Array.from({ length: columns }, (_, j) => j);
  const find = (j: number): number => {
    while (parent[j] !== j) {
      parent[j] = parent[parent[j]];
      j = parent[j];
    }
    return j;
  };
  const join = (cols: readonly number[]) => {
    const free = cols.filter((j) => fixed[j] === undefined);
    for (const j of free.slice(1)) parent[find(j)] = find(free[0]);
  };
  for (const row of rows) join(row.cols);
  const cellCols = (key: string) => {
    const inside = cellsOf.get(key) ?? [];
    return { n: inside.map(N), k: inside.map(K) };
  };
  for (const key of targets) {
    const { n, k } = cellCols(key);
    join([...n, ...k]);
  }

  const verdicts = new Map<string, CellVerdict>();
  const byComponent = new Map<number, { key: string; n: number[]; k: number[] }[]>();
  const sum = (cols: readonly number[]) => cols.reduce((a, j) => a + (fixed[j] ?? 0), 0);
  for (const key of targets) {
    const { n, k } = cellCols(key);
    const free = [...n, ...k].filter((j) => fixed[j] === undefined);
    if (free.length === 0) {
      const nv = sum(n);
      const kv = sum(k);
      verdicts.set(
        key,
        verdictOf(knowledge, seenByKey, hierarchy, options, key, [nv, nv], [kv, kv], nv - kv),
      );
      continue;
    }
    const root = find(free[0]);
    const list = byComponent.get(root) ?? [];
    list.push({ key, n, k });
    byComponent.set(root, list);
  }

  const units: ComponentUnit[] = [];
  const freeRows = rows.filter((row) => row.cols.some((j) => fixed[j] === undefined));
  const rowsByComponent = new Map<number, Row[]>();
  for (const row of freeRows) {
    const root = find(row.cols.find((j) => fixed[j] === undefined) as number);
    if (!byComponent.has(root)) continue;
    const list = rowsByComponent.get(root) ?? [];
    list.push(row);
    rowsByComponent.set(root, list);
  }
  let largestComponent = 0;
  for (const [root, cells] of byComponent) {
    const local = new Map<number, number>();
    const col = (j: number) => {
      let c = local.get(j);
      if (c === undefined) {
        c = local.size;
        local.set(j, c);
      }
      return c;
    };
    const unitRows = { lower: [] as number[], upper: [] as number[], starts: [0], indices: [] as number[] };
    const values: number[] = [];
    for (const row of rowsByComponent.get(root) ?? []) {
      let shift = 0;
      row.cols.forEach((j, t) => {
        if (fixed[j] !== undefined) shift += row.coefs[t] * fixed[j];
        else {
          unitRows.indices.push(col(j));
          values.push(row.coefs[t]);
        }
      });
      unitRows.lower.push(row.lower - shift);
      unitRows.upper.push(row.upper - shift);
      unitRows.starts.push(unitRows.indices.length);
    }
    const unitCells: UnitCell[] = cells.map(({ key, n, k }) => ({
      key,
      answersPublished: publishedRateAbove(knowledge, (seenByKey.get(key) as Seen).place, hierarchy),
      n: n.filter((j) => fixed[j] === undefined).map(col),
      k: k.filter((j) => fixed[j] === undefined).map(col),
      nFixed: sum(n),
      kFixed: sum(k),
    }));
    largestComponent = Math.max(largestComponent, local.size);
    // A large component's cells are shared out among the workers (each builds its own copy of the model).
    const shares = Math.max(1, Math.min(options.workers ?? 1, Math.ceil(unitCells.length / 10)));
    for (let s = 0; s < shares; s++) {
      units.push({
        numCols: local.size,
        rowLower: unitRows.lower,
        rowUpper: unitRows.upper,
        starts: unitRows.starts,
        indices: unitRows.indices,
        values,
        integer: options.integer,
        cells: unitCells.filter((_, c) => c % shares === s),
        protectionWidth: options.protectionWidth,
        witnesses: options.witnesses ?? true,
      });
    }
  }

  const workers =
    (options.workers ?? 0) > 1 && units.length > 1 ? Math.min(options.workers ?? 0, units.length) : 0;
  const results: UnitResult[] = workers > 0 ? await runOnPool(units, workers) : await sequentially(units);
  for (const result of results) {
    for (const v of result.verdicts) {
      verdicts.set(
        v.key,
        verdictOf(
          knowledge,
          seenByKey,
          hierarchy,
          options,
          v.key,
          v.respondents,
          v.positives,
          v.maxNegatives,
        ),
      );
    }
  }
  const ordered = targets.map((key) => verdicts.get(key) as CellVerdict);
  return {
    withheld: knowledge.seen.filter((s) => s.kind === 'WITHHELD').length,
    verdicts: ordered,
    widthBreaks: ordered.filter((v) => v.widthBroken).map((v) => v.key),
    determinedAnswers: ordered
      .filter((v) => v.answersDetermined && !v.explainedByPublishedRate)
      .map((v) => v.key),
    pinnedPositives: ordered
      .filter((v) => v.positivesPinned && !v.explainedByPublishedRate)
      .map((v) => v.key),
    statistics: {
      learnerCells: table.fine.length,
      variables: columns,
      fixedByPresolve: fixed.filter((v) => v !== undefined).length,
      components: byComponent.size,
      largestComponent,
      solves: results.reduce((a, r) => a + r.solves, 0),
      settledByWitness: results.reduce((a, r) => a + r.settledByWitness, 0),
      workers,
    },
  };
}

async function sequentially(units: readonly ComponentUnit[]): Promise<UnitResult[]> {
  const results: UnitResult[] = [];
  for (const unit of units) results.push(await solveUnit(unit));
  return results;
}

function verdictOf(
  knowledge: Knowledge,
  seenByKey: ReadonlyMap<string, Seen>,
  hierarchy: AttackHierarchy,
  options: FastAttackOptions,
  key: string,
  respondents: readonly [number, number],
  positives: readonly [number, number],
  maxNegatives: number,
): CellVerdict {
  const seen = seenByKey.get(key);
  if (!seen) throw new Error(`no withheld cell ${key}`);
  return {
    key,
    respondents,
    positives,
    maxNegatives,
    widthBroken: respondents[1] - respondents[0] < options.protectionWidth,
    answersDetermined: positives[1] < 1 || maxNegatives < 1,
    positivesPinned: positives[1] - positives[0] < 1,
    explainedByPublishedRate: publishedRateAbove(knowledge, seen.place, hierarchy),
  };
}

/**
 * Learner-level cells that lie in exactly the same seen cells (and counts) are interchangeable: only their
 * sum appears in any row, and 0 ≤ k ≤ n for each holds iff it holds for the sum. One class each is exact.
 */
function mergeAlike(
  table: LearnerTable,
  knowledge: Knowledge,
): { classes: number; cellsOf: Map<string, number[]> } {
  const known = new Set([
    ...table.seenByKey.keys(),
    ...(knowledge.counts ?? []).map((c) => placeKey(c.place)),
  ]);
  const memberships: string[][] = table.fine.map(() => []);
  for (const [key, inside] of table.cellsOf)
    if (known.has(key)) for (const i of inside) memberships[i].push(key);
  const classOf = new Map<string, number>();
  const cls = memberships.map((m) => {
    const signature = m.join('|');
    let c = classOf.get(signature);
    if (c === undefined) {
      c = classOf.size;
      classOf.set(signature, c);
    }
    return c;
  });
  const cellsOf = new Map<string, number[]>();
  for (const [key, inside] of table.cellsOf) cellsOf.set(key, [...new Set(inside.map((i) => cls[i]))]);
  return { classes: classOf.size, cellsOf };
}

function contradiction(key: string): Error {
  return new Error(`the attacker's model is Infeasible: the published cells contradict each other (${key})`);
}

/**
 * Fixes unknowns the rows alone determine, until nothing changes: an equality whose free unknowns sum to 0
 * (all ≥ 0) fixes them all at 0, an equality with one free unknown fixes it, and n = 0 fixes k = 0.
 * Returns the fixed value of each column (undefined: free).
 */
function presolve(columns: number, rows: readonly Row[]): (number | undefined)[] {
  const fixed: (number | undefined)[] = Array.from({ length: columns }, () => undefined);
  const rowsOf: number[][] = Array.from({ length: columns }, () => []);
  rows.forEach((row, r) => row.cols.forEach((j) => rowsOf[j].push(r)));
  const queue = rows.map((_, r) => r);
  const queued = new Set(queue);
  const fix = (j: number, value: number) => {
    if (fixed[j] !== undefined) return;
    if (value < -1e-9) throw new Error('the published cells contradict each other (negative count)');
    fixed[j] = value;
    for (const r of rowsOf[j]) {
      if (!queued.has(r)) {
        queued.add(r);
        queue.push(r);
      }
    }
    // k ≤ n: a cell without respondents has no positives.
    if (j % 2 === 0 && value === 0) fix(j + 1, 0);
  };
  while (queue.length > 0) {
    const r = queue.pop() as number;
    queued.delete(r);
    const row = rows[r];
    if (row.lower !== row.upper || row.coefs.some((c) => c !== 1)) continue;
    let rest = row.lower;
    const free: number[] = [];
    row.cols.forEach((j) => {
      if (fixed[j] === undefined) free.push(j);
      else rest -= fixed[j];
    });
    if (free.length === 0) {
      if (Math.abs(rest) > 1e-9) throw new Error('the published cells contradict each other');
      continue;
    }
    if (rest === 0) for (const j of free) fix(j, 0);
    else if (free.length === 1) fix(free[0], rest);
  }
  return fixed;
}
