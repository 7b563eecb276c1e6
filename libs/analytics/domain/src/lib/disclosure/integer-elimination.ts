/** A sparse integer row: strictly increasing column indices, non-zero coefficients. */
export interface SparseRow {
  readonly cols: readonly number[];
  readonly vals: readonly bigint[];
}

function abs(a: bigint): bigint {
  return a < 0n ? -a : a;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Divide by the gcd of the coefficients and make the first one positive, so entries stay small. */
function normalise(cols: number[], vals: bigint[]): SparseRow {
  if (vals.length === 0) return { cols, vals };
  let g = 0n;
  for (const v of vals) {
    g = gcd(g, v);
    if (g === 1n) break;
  }
  if (vals[0] < 0n) g = -g;
  if (g !== 1n) for (let i = 0; i < vals.length; i++) vals[i] /= g;
  return { cols, vals };
}

function valueAt(row: SparseRow, col: number): bigint {
  let lo = 0;
  let hi = row.cols.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = row.cols[mid];
    if (c === col) return row.vals[mid];
    if (c < col) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0n;
}

/** p[col]·r − r[col]·p: a fraction-free row operation that clears `col` from r and stays in the integers. */
function eliminate(r: SparseRow, p: SparseRow, col: number): SparseRow {
  const a = valueAt(p, col);
  const b = valueAt(r, col);
  const cols: number[] = [];
  const vals: bigint[] = [];
  let i = 0;
  let j = 0;
  while (i < r.cols.length || j < p.cols.length) {
    const ci = i < r.cols.length ? r.cols[i] : Number.MAX_SAFE_INTEGER;
    const cj = j < p.cols.length ? p.cols[j] : Number.MAX_SAFE_INTEGER;
    let v: bigint;
    let c: number;
    if (ci === cj) {
      v = a * r.vals[i++] - b * p.vals[j++];
      c = ci;
    } else if (ci < cj) {
      v = a * r.vals[i++];
      c = ci;
    } else {
      v = -b * p.vals[j++];
      c = cj;
    }
    if (v !== 0n) {
      cols.push(c);
      vals.push(v);
    }
  }
  return normalise(cols, vals);
}

/**
 * Which unknowns are uniquely determined by a homogeneous-structure system `rows · x = constants`:
 * column c is determined exactly when the unit vector e_c lies in the row space, i.e. when its pivot row
 * in the reduced row echelon form has no other entry. The constants never matter for that question.
 *
 * Exact: integer (BigInt) arithmetic with fraction-free elimination and gcd normalisation. Sparse: the
 * RREF is kept incrementally, each new row reduced by the current pivots, and the pivot chosen among
 * its columns as the one that touches the fewest pivot rows, to limit fill-in.
 */
export function determinedColumns(columnCount: number, rows: readonly SparseRow[]): boolean[] {
  const pivotRowOfCol = new Int32Array(columnCount).fill(-1);
  const pivotRows: SparseRow[] = [];
  const pivotColOfRow: number[] = [];
  const rowsWithCol: Set<number>[] = Array.from({ length: columnCount }, () => new Set<number>());

  const ordered = [...rows].sort((x, y) => x.cols.length - y.cols.length);
  for (const input of ordered) {
    let row: SparseRow = normalise([...input.cols], [...input.vals]);
    const pivotColsInRow = row.cols.filter((c) => pivotRowOfCol[c] >= 0);
    for (const c of pivotColsInRow) row = eliminate(row, pivotRows[pivotRowOfCol[c]], c);
    if (row.cols.length === 0) continue;

    let pivot = row.cols[0];
    for (const c of row.cols) if (rowsWithCol[c].size < rowsWithCol[pivot].size) pivot = c;

    const id = pivotRows.length;
    for (const q of [...rowsWithCol[pivot]]) {
      const before = pivotRows[q];
      const after = eliminate(before, row, pivot);
      for (const c of before.cols) rowsWithCol[c].delete(q);
      for (const c of after.cols) rowsWithCol[c].add(q);
      pivotRows[q] = after;
    }
    pivotRows.push(row);
    pivotColOfRow.push(pivot);
    pivotRowOfCol[pivot] = id;
    for (const c of row.cols) rowsWithCol[c].add(id);
  }

  const determined = new Array<boolean>(columnCount).fill(false);
  pivotRows.forEach((row, id) => {
    if (row.cols.length === 1) determined[pivotColOfRow[id]] = true;
  });
  return determined;
}
