import { resultCell, withheldCell } from '../../results/__fixtures__/result-cell';
import { REGION_NAMES } from '@nets/shared/auth';
import { WITHHELD_REASONS } from '../../results/result-cells';
import type { ExplorerFilters } from './explorer-filters';
import { measureExplorerView, type ExplorerNames } from './measure-explorer.view';

const NAMES: ExplorerNames = {
  measureTitle: 'Overall educational experience',
  regions: REGION_NAMES,
  learnerGroups: new Map([['NURSING', 'Nursing']]),
  professions: new Map(),
  organisations: new Map([['org-1', { name: 'Royal Free', odsCode: 'RAL' }]]),
  sites: new Map(),
};
const BY_REGION: ExplorerFilters = { year: 2024, measure: 'overall-experience', by: 'region' };

describe('measure explorer view', () => {
  const results = [
    resultCell({ group: { region: 'LONDON' }, flag: 'RED', percentPositive: 71.25 }),
    withheldCell({ region: 'MIDLANDS' }),
    resultCell({ group: { region: 'NORTH_WEST' }, flag: 'LIGHT_GREEN' }),
  ];
  const view = measureExplorerView(results, BY_REGION, NAMES);
  const rows = view.figure.table.rows;

  it('has one row per cell of the graph, withheld cells included, named and sorted', () => {
    expect(rows.map((row) => row['group']?.text)).toEqual(['London', 'Midlands', 'North West']);
  });

  it('shows a withheld cell as withheld in every figure, never as zero', () => {
    const midlands = rows[1] ?? {};
    for (const key of ['percent', 'interval', 'respondents'])
      expect(midlands[key]).toEqual({
        text: 'Withheld',
        value: null,
        withheld: true,
        withheldReason: WITHHELD_REASONS.COMPLEMENTARY,
      });
    expect(midlands['flag']?.text).toBe('Withheld');
    expect(JSON.stringify(midlands)).not.toMatch(/"text":"0/);
    expect(view.withheldCount).toBe(1);
    expect(view.figure.summary).toContain('1 are withheld');
  });

  it('gives percent and interval in percent, flags as words and a shape', () => {
    expect(rows[0]?.['percent']).toEqual({ text: '71.3', value: 71.3 });
    expect(rows[0]?.['interval']?.text).toBe('78.4 to 91.1');
    expect(rows[0]?.['flag']).toMatchObject({ text: 'Red', badge: { shape: '▼', tone: 'red' } });
    expect(rows[2]?.['flag']).toMatchObject({ text: 'Light green', badge: { shape: '△' } });
    expect(view.figure.summary).toContain('London is flagged red');
  });

  it('draws only the published cells, with the benchmark', () => {
    const layers = (view.figure.spec as { layer: Array<{ data?: { values: unknown[] } }> }).layer;
    expect(layers[0]?.data?.values).toHaveLength(2);
    expect(layers[2]?.data?.values).toEqual([{ benchmark: 86.9 }]);
  });

  it('says so when there are no results', () => {
    const empty = measureExplorerView([], BY_REGION, NAMES);
    expect(empty.figure.table.rows).toEqual([]);
    expect(empty.figure.table.emptyText).toBe('There are no results for these filters.');
  });
});
