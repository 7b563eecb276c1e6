import { cellId, TABLES, type Coordinates, type TableId } from './attack-population';

export const ROW_FIELDS = `year measureKey
  group { table region organisationId siteId learnerGroup profession educationProviderId }
  suppressed suppressionReason noData respondents positive percentPositive interval { lower upper }
  benchmark { national learnerGroup } flag`;

export interface ResultRow {
  year: number;
  measureKey: string;
  group: {
    table: TableId;
    region: string | null;
    organisationId: string | null;
    siteId: string | null;
    learnerGroup: string | null;
    profession: string | null;
    educationProviderId: string | null;
  };
  suppressed: boolean;
  suppressionReason: 'BELOW_MINIMUM' | 'COMPLEMENTARY' | null;
  noData: boolean;
  respondents: number | null;
  positive: number | null;
  percentPositive: number | null;
  interval: { lower: number; upper: number } | null;
  benchmark: { national: number | null; learnerGroup: number | null };
  flag: string | null;
}

export const MEASURE_RESULTS = `query($year: Int!, $measures: [String!], $filter: MeasureResultsFilter, $groupBy: [ResultsGroupBy!]) {
  measureResults(year: $year, measures: $measures, filter: $filter, groupBy: $groupBy) { ${ROW_FIELDS} }
}`;

export const MEASURE_TREND = `query($measure: String!, $fromYear: Int!, $toYear: Int!, $filter: MeasureResultsFilter, $groupBy: [ResultsGroupBy!]) {
  measureTrend(measure: $measure, fromYear: $fromYear, toYear: $toYear, filter: $filter, groupBy: $groupBy) { ${ROW_FIELDS} }
}`;

export const NATIONAL_SUMMARY = `query($year: Int!) {
  nationalSummary(year: $year) { respondents measures { ${ROW_FIELDS} } }
}`;

export const QUALITY_FLAGS = `query($year: Int!, $filter: MeasureResultsFilter, $flags: [OutlierFlag!], $measures: [String!]) {
  qualityFlags(year: $year, filter: $filter, flags: $flags, measures: $measures) { persistent consecutiveRedYears result { ${ROW_FIELDS} } }
}`;

export const REASON_RANKING = `query($year: Int!, $questionCode: String!, $groupBy: [ResultsGroupBy!]) {
  reasonRanking(year: $year, questionCode: $questionCode, groupBy: $groupBy) {
    year group { table region organisationId siteId learnerGroup profession educationProviderId }
    suppressed suppressionReason noData respondents reasons { optionCode chosen percent rank }
  }
}`;

export interface RankingRow {
  year: number;
  group: ResultRow['group'];
  suppressed: boolean;
  suppressionReason: 'BELOW_MINIMUM' | 'COMPLEMENTARY' | null;
  noData: boolean;
  respondents: number | null;
  reasons: Array<{ optionCode: string; chosen: number; percent: number; rank: number }>;
}

/** Entity fields, asked of the subgraph the way the gateway's query plan asks for them. */
export const ENTITY_RESULTS = `query($representations: [_Any!]!, $year: Int!, $filter: MeasureResultsFilter, $groupBy: [ResultsGroupBy!]) {
  _entities(representations: $representations) {
    ... on Organisation { netsResults(year: $year) { ${ROW_FIELDS} } }
    ... on Measure { measureResults: results(year: $year, filter: $filter, groupBy: $groupBy) { ${ROW_FIELDS} } }
    ... on SurveyCycle { cycleResults: results(filter: $filter, groupBy: $groupBy) { ${ROW_FIELDS} } }
  }
}`;

/** The cell a row stands for: its table's own dimensions only (rows also name coarser ones). */
export function rowCellId(row: Pick<ResultRow, 'group'>): string {
  const coordinates: Coordinates = {};
  for (const d of TABLES[row.group.table]) coordinates[d] = row.group[d] ?? undefined;
  return cellId(row.group.table, coordinates);
}

/**
 * What a row says of its own cell: everything but the group it names and the benchmarks, which belong to
 * that group (the national and learner-group cells) and are checked against those cells separately.
 */
export function ownFacts(row: ResultRow): string {
  const { group: _group, benchmark: _benchmark, ...rest } = row;
  return JSON.stringify(rest);
}

/** The ranking a cell's learners give, worked out here: most chosen first, ties share a rank, by code. */
export function expectedRanking(
  answers: ReadonlyArray<{ reasons?: readonly string[] }>,
): Array<{ optionCode: string; chosen: number; rank: number }> {
  const chosen = new Map<string, number>();
  for (const answer of answers)
    for (const option of new Set(answer.reasons ?? [])) chosen.set(option, (chosen.get(option) ?? 0) + 1);
  const sorted = [...chosen].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  return sorted.map(([optionCode, count]) => ({
    optionCode,
    chosen: count,
    rank: 1 + sorted.filter(([, other]) => other > count).length,
  }));
}
