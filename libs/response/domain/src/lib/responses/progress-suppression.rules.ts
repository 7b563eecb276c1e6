/** The n >= 3 rule for progress counts. */
export const MIN_CELL = 3;

export interface Cell {
  key: string;
  count: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
}

export const SMALL_CELL_REASON = `Fewer than ${MIN_CELL} responses.`;
export const COMPLEMENT_REASON = `Hidden so that a smaller cell cannot be worked out from the total.`;

export function suppressTotal(count: number): Cell {
  return count > 0 && count < MIN_CELL
    ? { key: 'TOTAL', count: null, suppressed: true, suppressionReason: SMALL_CELL_REASON }
    : { key: 'TOTAL', count, suppressed: false, suppressionReason: null };
}

/**
 * Suppresses cells of 1 or 2 responses. When the total is shown and exactly one cell is suppressed, the next
 * smallest is suppressed too, so that total minus the shown cells never reveals the hidden one.
 */
export function suppressCells(
  counts: ReadonlyArray<{ key: string; count: number }>,
  totalShown: boolean,
): Cell[] {
  const cells: Cell[] = counts.map(({ key, count }) =>
    count < MIN_CELL
      ? { key, count: null, suppressed: true, suppressionReason: SMALL_CELL_REASON }
      : { key, count, suppressed: false, suppressionReason: null },
  );
  const hidden = cells.filter((cell) => cell.suppressed).length;
  if (totalShown && hidden === 1) {
    const candidates = counts
      .map((entry, index) => ({ ...entry, index }))
      .filter(({ index }) => !cells[index].suppressed)
      .sort((a, b) => a.count - b.count || a.key.localeCompare(b.key));
    const next = candidates[0];
    if (next)
      cells[next.index] = {
        key: next.key,
        count: null,
        suppressed: true,
        suppressionReason: COMPLEMENT_REASON,
      };
  }
  return cells;
}
