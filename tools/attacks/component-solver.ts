// Solves the attacker's objectives for the withheld cells of one connected component of the learner-level
// system, on one persistent HiGHS model: the objective changes, the model does not. Every solution is a
// witness (a table consistent with everything the reader knows): it widens every cell's observed ranges,
// and a cell whose observed ranges already settle it (respondents ≥ width apart, positives at two values,
// a positive and a negative answer) needs no more solves. Plain data in and out, so it runs in a worker.
import highsLoader from 'highs';

type Highs = Awaited<ReturnType<typeof highsLoader>>;
type HighsModel = ReturnType<Highs['createModel']>;

/** One withheld cell: its unknowns in this component, plus what presolve fixed of it. */
export interface UnitCell {
  readonly key: string;
  readonly n: readonly number[];
  readonly k: readonly number[];
  readonly nFixed: number;
  readonly kFixed: number;
  /** A published cell above it is at 0% or 100%: its answers need not be open (the inherent exception). */
  readonly answersPublished: boolean;
}

export interface ComponentUnit {
  readonly numCols: number;
  /** Rows in CSR form over the component's columns: lower ≤ Σ values · x[indices] ≤ upper. */
  readonly rowLower: readonly number[];
  readonly rowUpper: readonly number[];
  readonly starts: readonly number[];
  readonly indices: readonly number[];
  readonly values: readonly number[];
  readonly integer: boolean;
  readonly cells: readonly UnitCell[];
  readonly protectionWidth: number;
  /** Settle cells from witness solutions (fast); false solves all five objectives of every cell (exact). */
  readonly witnesses: boolean;
}

export interface UnitVerdict {
  readonly key: string;
  /** Exact optimum, or (settled by witnesses) a range the attacker's interval contains. */
  readonly respondents: readonly [number, number];
  readonly positives: readonly [number, number];
  readonly maxNegatives: number;
}

export interface UnitResult {
  readonly verdicts: readonly UnitVerdict[];
  readonly solves: number;
  readonly settledByWitness: number;
}

const EPS = 1e-6;
const SPREAD_ROUNDS = 200;

interface Observed {
  nLo: number;
  nHi: number;
  kLo: number;
  kHi: number;
  negHi: number;
}

type Objective = 'minN' | 'maxN' | 'minK' | 'maxK' | 'maxNeg';

let highsPromise: Promise<Highs> | undefined;
export function loadHighs(): Promise<Highs> {
  highsPromise ??= highsLoader();
  return highsPromise;
}

export async function solveUnit(unit: ComponentUnit): Promise<UnitResult> {
  const highs = await loadHighs();
  const model = highs.createModel({
    numCols: unit.numCols,
    numRows: unit.rowLower.length,
    colCost: new Float64Array(unit.numCols),
    colLower: new Float64Array(unit.numCols),
    colUpper: new Float64Array(unit.numCols).fill(highs.infinity),
    rowLower: unit.rowLower.map((v) => (v === -Infinity ? -highs.infinity : v)),
    rowUpper: unit.rowUpper.map((v) => (v === Infinity ? highs.infinity : v)),
    matrix: {
      format: 'csr',
      numRows: unit.rowLower.length,
      numCols: unit.numCols,
      starts: unit.starts,
      indices: unit.indices,
      values: unit.values,
    },
    integrality: unit.integer
      ? new Int32Array(unit.numCols).fill(highs.constants.variableType.integer)
      : undefined,
  });
  try {
    model.options.set({ output_flag: false });
    return new UnitSolver(highs, model, unit).run();
  } finally {
    model.dispose();
  }
}

class UnitSolver {
  private solves = 0;
  private costed: number[] = [];
  private readonly observed: Observed[];

  constructor(
    private readonly highs: Highs,
    private readonly model: HighsModel,
    private readonly unit: ComponentUnit,
  ) {
    this.observed = unit.cells.map(() => ({
      nLo: Infinity,
      nHi: -Infinity,
      kLo: Infinity,
      kHi: -Infinity,
      negHi: -Infinity,
    }));
  }

  run(): UnitResult {
    const { cells, witnesses } = this.unit;
    if (witnesses) this.spread();
    let settledByWitness = 0;
    const verdicts = cells.map((cell, i) => {
      if (witnesses && this.settled(i)) {
        settledByWitness += 1;
        return this.observedVerdict(cell, i);
      }
      const optimum = (objective: Objective): number => this.optimise(cell, objective);
      if (!witnesses) {
        return this.verdict(cell, {
          nLo: optimum('minN'),
          nHi: optimum('maxN'),
          kLo: optimum('minK'),
          kHi: optimum('maxK'),
          negHi: optimum('maxNeg'),
        });
      }
      // Solve only what the witnesses have not settled yet; each solve is a new witness for every cell.
      const o = this.observed[i];
      const exact: Partial<Observed> = {};
      const widthOpen = () => this.rounded(i).nHi - this.rounded(i).nLo >= this.unit.protectionWidth;
      if (!widthOpen()) exact.nHi = optimum('maxN');
      if (!widthOpen()) exact.nLo = optimum('minN');
      // Where a published 0% / 100% cell above tells the answers, they are not the attacker's finding.
      const kOpen = () =>
        cell.answersPublished || (this.rounded(i).kHi - this.rounded(i).kLo >= 1 && this.rounded(i).kHi >= 1);
      if (!kOpen()) exact.kHi = optimum('maxK');
      if (!kOpen()) exact.kLo = optimum('minK');
      if (!cell.answersPublished && this.rounded(i).negHi < 1) exact.negHi = optimum('maxNeg');
      if (this.settled(i)) return this.observedVerdict(cell, i);
      return this.verdict(cell, {
        nLo: exact.nLo ?? o.nLo,
        nHi: exact.nHi ?? o.nHi,
        kLo: exact.kLo ?? o.kLo,
        kHi: exact.kHi ?? o.kHi,
        negHi: exact.negHi ?? o.negHi,
      });
    });
    return { verdicts, solves: this.solves, settledByWitness };
  }

  /** A few solves that push every cell at once (all up, all down), for witnesses before the per-cell work. */
  private spread(): void {
    const all = (pick: (c: UnitCell) => readonly number[]): Map<number, number> => {
      const costs = new Map<number, number>();
      for (const c of this.unit.cells) for (const j of pick(c)) costs.set(j, (costs.get(j) ?? 0) + 1);
      return costs;
    };
    this.solve(
      all((c) => c.n),
      'max',
    );
    this.solve(
      all((c) => c.n),
      'min',
    );
    this.solve(
      all((c) => c.k),
      'max',
    );
    this.solve(
      all((c) => c.k),
      'min',
    );
    // Then objectives that push each unsettled cell's respondents and positives up or down at random (a
    // fixed sequence), while they keep settling cells.
    let random = 14;
    const next = () => {
      random = (random * 1103515245 + 12345) % 2147483648;
      return random / 2147483648;
    };
    for (let round = 0; round < SPREAD_ROUNDS; round++) {
      const open = this.unit.cells.filter((_, i) => !this.settled(i));
      if (open.length < 2) break;
      const costs = new Map<number, number>();
      for (const c of open) {
        const up = next() < 0.5 ? 1 : -1;
        const answers = next() < 0.5 ? 1 : -1;
        for (const j of c.n) costs.set(j, (costs.get(j) ?? 0) + up);
        for (const j of c.k) costs.set(j, (costs.get(j) ?? 0) + answers);
      }
      this.solve(costs, 'max');
      const settledNow = open.length - this.unit.cells.filter((_, i) => !this.settled(i)).length;
      if (settledNow < Math.max(2, open.length / 200)) break;
    }
  }

  private optimise(cell: UnitCell, objective: Objective): number {
    const costs = new Map<number, number>();
    const add = (cols: readonly number[], sign: number) => {
      for (const j of cols) costs.set(j, (costs.get(j) ?? 0) + sign);
    };
    let offset = 0;
    if (objective === 'minN' || objective === 'maxN') {
      add(cell.n, 1);
      offset = cell.nFixed;
    } else if (objective === 'minK' || objective === 'maxK') {
      add(cell.k, 1);
      offset = cell.kFixed;
    } else {
      add(cell.n, 1);
      add(cell.k, -1);
      offset = cell.nFixed - cell.kFixed;
    }
    if (costs.size === 0) return offset;
    return offset + this.solve(costs, objective.startsWith('min') ? 'min' : 'max');
  }

  /** Solves with the given objective on the same model, records the witness, returns the optimum. */
  private solve(costs: ReadonlyMap<number, number>, sense: 'min' | 'max'): number {
    const { model, highs } = this;
    if (this.costed.length > 0) {
      model.changeColsCost({ kind: 'set', indices: this.costed }, new Float64Array(this.costed.length));
    }
    const cols = [...costs.keys()].sort((a, b) => a - b);
    if (cols.length > 0) {
      model.changeColsCost(
        { kind: 'set', indices: cols },
        cols.map((j) => costs.get(j) ?? 0),
      );
    }
    this.costed = cols;
    model.changeObjectiveSense(
      sense === 'min' ? highs.constants.objectiveSense.minimize : highs.constants.objectiveSense.maximize,
    );
    const { modelStatus } = model.run();
    this.solves += 1;
    const status = highs.constants.modelStatus;
    if (modelStatus === status.unbounded) return sense === 'max' ? Infinity : -Infinity;
    if (modelStatus !== status.optimal) {
      throw new Error(
        `the attacker's model has status ${modelStatus}: the published cells contradict each other`,
      );
    }
    this.witness(model.getSolution().colValue);
    return model.getObjectiveValue();
  }

  private witness(x: Float64Array): void {
    this.unit.cells.forEach((cell, i) => {
      let n = cell.nFixed;
      for (const j of cell.n) n += x[j];
      let k = cell.kFixed;
      for (const j of cell.k) k += x[j];
      const o = this.observed[i];
      o.nLo = Math.min(o.nLo, n);
      o.nHi = Math.max(o.nHi, n);
      o.kLo = Math.min(o.kLo, k);
      o.kHi = Math.max(o.kHi, k);
      o.negHi = Math.max(o.negHi, n - k);
    });
  }

  /** The observed ranges as integers the attacker's rounded interval certainly contains. */
  private rounded(i: number): Observed {
    const o = this.observed[i];
    return {
      nLo: Math.ceil(o.nLo - EPS),
      nHi: Math.floor(o.nHi + EPS),
      kLo: Math.ceil(o.kLo - EPS),
      kHi: Math.floor(o.kHi + EPS),
      negHi: Math.floor(o.negHi + EPS),
    };
  }

  private settled(i: number): boolean {
    const r = this.rounded(i);
    const answersOpen = r.kHi - r.kLo >= 1 && r.kHi >= 1 && r.negHi >= 1;
    return r.nHi - r.nLo >= this.unit.protectionWidth && (answersOpen || this.unit.cells[i].answersPublished);
  }

  private observedVerdict(cell: UnitCell, i: number): UnitVerdict {
    const r = this.rounded(i);
    return { key: cell.key, respondents: [r.nLo, r.nHi], positives: [r.kLo, r.kHi], maxNegatives: r.negHi };
  }

  private verdict(cell: UnitCell, o: Observed): UnitVerdict {
    return {
      key: cell.key,
      respondents: [Math.ceil(o.nLo - EPS), Math.floor(o.nHi + EPS)],
      positives: [Math.ceil(o.kLo - EPS), Math.floor(o.kHi + EPS)],
      maxNegatives: Math.floor(o.negHi + EPS),
    };
  }
}
