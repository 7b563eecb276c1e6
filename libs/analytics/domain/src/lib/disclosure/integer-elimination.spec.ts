import fc from 'fast-check';
import { determinedColumns, type SparseRow } from './integer-elimination';

const row = (entries: Record<number, number>): SparseRow => {
  const cols = Object.keys(entries)
    .map(Number)
    .sort((a, b) => a - b);
  return { cols, vals: cols.map((c) => BigInt(entries[c])) };
};

/** Independent oracle: dense Gaussian elimination over exact fractions (BigInt numerator/denominator). */
function rank(matrix: bigint[][]): number {
  const m = matrix.map((r) => r.map((v) => [v, 1n] as [bigint, bigint]));
  const reduce = ([n, d]: [bigint, bigint]): [bigint, bigint] => {
    const g = ((a: bigint, b: bigint): bigint => {
      let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
      while (y) [x, y] = [y, x % y];
      return x || 1n;
    })(n, d);
    return d < 0n ? [-n / g, -d / g] : [n / g, d / g];
  };
  let r = 0;
  const cols = m[0]?.length ?? 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    const p = m.findIndex((x, i) => i >= r && x[c][0] !== 0n);
    if (p < 0) continue;
    [m[r], m[p]] = [m[p], m[r]];
    for (let i = 0; i < m.length; i++) {
      if (i === r || m[i][c][0] === 0n) continue;
      const [fn, fd] = [m[i][c][0] * m[r][c][1], m[i][c][1] * m[r][c][0]];
      m[i] = m[i].map(([n, d], j) =>
        reduce([n * m[r][j][1] * fd - m[r][j][0] * fn * d, d * m[r][j][1] * fd]),
      );
    }
    r++;
  }
  return r;
}

describe('determinedColumns (exact, sparse)', () => {
  it('finds nothing determined in a 2 × 2 table with all four interior cells unknown', () => {
    // a b | c d: rows a+b, c+d; columns a+c, b+d.
    const rows = [row({ 0: 1, 1: 1 }), row({ 2: 1, 3: 1 }), row({ 0: 1, 2: 1 }), row({ 1: 1, 3: 1 })];
    expect(determinedColumns(4, rows)).toEqual([false, false, false, false]);
  });

  it('finds a cell determined only by combining relations (x + y and x − y give 2x)', () => {
    expect(determinedColumns(3, [row({ 0: 1, 1: 1 }), row({ 0: 1, 1: -1 }), row({ 1: 1, 2: 1 })])).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('finds cells determined through a chain: a − b, b and b + c all known', () => {
    expect(determinedColumns(3, [row({ 0: 1, 1: -1 }), row({ 1: 1 }), row({ 1: 1, 2: 1 })])).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('agrees with a dense rational-arithmetic oracle on random integer systems', () => {
    const entry = fc.integer({ min: -3, max: 3 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.array(entry, { minLength: 7, maxLength: 7 }), { minLength: 1, maxLength: 8 }),
        (columns, dense) => {
          const matrix = dense.map((r) => r.slice(0, columns).map(BigInt));
          const rows = matrix.map((r) => {
            const cols = r.flatMap((v, c) => (v === 0n ? [] : [c]));
            return { cols, vals: cols.map((c) => r[c]) };
          });
          const result = determinedColumns(columns, rows);
          const base = rank(matrix);
          for (let c = 0; c < columns; c++) {
            const unit = Array.from({ length: columns }, (_, j) => (j === c ? 1n : 0n));
            expect(result[c]).toBe(rank([...matrix, unit]) === base);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
