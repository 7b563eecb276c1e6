import {
  COMPLEMENT_REASON,
  SMALL_CELL_REASON,
  suppressCells,
  suppressTotal,
} from './progress-suppression.rules';

describe('progress suppression', () => {
  it('hides cells of 1 or 2 and shows the rest', () => {
    expect(
      suppressCells(
        [
          { key: 'A', count: 2 },
          { key: 'B', count: 5 },
          { key: 'C', count: 1 },
        ],
        true,
      ),
    ).toEqual([
      { key: 'A', count: null, suppressed: true, suppressionReason: SMALL_CELL_REASON },
      { key: 'B', count: 5, suppressed: false, suppressionReason: null },
      { key: 'C', count: null, suppressed: true, suppressionReason: SMALL_CELL_REASON },
    ]);
  });

  it('hides the next smallest cell when a lone hidden cell could be worked out from the total', () => {
    const cells = suppressCells(
      [
        { key: 'A', count: 9 },
        { key: 'B', count: 1 },
        { key: 'C', count: 4 },
      ],
      true,
    );
    expect(cells.map((c) => c.count)).toEqual([9, null, null]);
    expect(cells[2].suppressionReason).toBe(COMPLEMENT_REASON);
  });

  it('needs no second cell when the total is hidden too', () => {
    expect(suppressCells([{ key: 'A', count: 2 }], false).map((c) => c.suppressed)).toEqual([true]);
  });

  it('hides a total below 3 but not zero', () => {
    expect(suppressTotal(2).suppressed).toBe(true);
    expect(suppressTotal(0)).toMatchObject({ count: 0, suppressed: false });
    expect(suppressTotal(3)).toMatchObject({ count: 3, suppressed: false });
  });
});
