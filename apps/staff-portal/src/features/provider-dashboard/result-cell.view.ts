/** A result cell as the graph answers it (the fields a page shows; generated query types satisfy it). */
export interface ResultCell {
  suppressed: boolean;
  suppressionReason: string | null;
  noData: boolean;
  respondents: number | null;
  percentPositive: number | null;
  interval: { lower: number; upper: number } | null;
  benchmark: { national: number | null; learnerGroup: number | null };
  flag: string | null;
}

export type OutlierFlagCode = 'RED' | 'PINK' | 'LIGHT_GREEN' | 'GREEN';

/** A flag as words and a shape, so colour never carries it alone. */
export interface FlagView {
  code: OutlierFlagCode;
  label: string;
  shape: string;
  meaning: string;
}

export const FLAGS: Readonly<Record<OutlierFlagCode, FlagView>> = {
  RED: {
    code: 'RED',
    label: 'Red',
    shape: '▼',
    meaning: 'In the worst quarter and significantly worse than the benchmark',
  },
  PINK: {
    code: 'PINK',
    label: 'Pink',
    shape: '▽',
    meaning: 'In the worst quarter, not significantly different from the benchmark',
  },
  LIGHT_GREEN: {
    code: 'LIGHT_GREEN',
    label: 'Light green',
    shape: '△',
    meaning: 'In the best quarter, not significantly different from the benchmark',
  },
  GREEN: {
    code: 'GREEN',
    label: 'Green',
    shape: '▲',
    meaning: 'In the best quarter and significantly better than the benchmark',
  },
};

export const FLAG_CODES = Object.keys(FLAGS) as OutlierFlagCode[];

export const isFlagCode = (value: string | null | undefined): value is OutlierFlagCode =>
  value !== null && value !== undefined && Object.prototype.hasOwnProperty.call(FLAGS, value);

export const flagView = (flag: string | null | undefined): FlagView | null =>
  isFlagCode(flag) ? FLAGS[flag] : null;

/** Why the graph withheld a cell; the one reason it gives says nothing about the cell's size. */
const WITHHELD_REASONS: Readonly<Record<string, string>> = {
  COMPLEMENTARY:
    'Withheld to protect small groups: fewer than 3 respondents, or a figure that would reveal such a group',
  BELOW_MINIMUM: 'Withheld: fewer than 3 respondents',
};

export const withheldReason = (reason: string | null): string =>
  WITHHELD_REASONS[reason ?? ''] ?? 'Withheld to protect small groups';

export const formatPercent = (value: number | null): string => (value === null ? '' : `${value.toFixed(1)}%`);

/** The graph's interval is a proportion (0 to 1); shown as percentages like the result. */
export const formatInterval = (interval: ResultCell['interval']): string =>
  interval ? `${(interval.lower * 100).toFixed(1)}% to ${(interval.upper * 100).toFixed(1)}%` : '';

export type CellState = 'published' | 'withheld' | 'no-data';

export interface CellView {
  state: CellState;
  /** What the table shows in the result column: the figure, "Withheld" or "No responses"; never a 0 for a withheld cell. */
  result: string;
  interval: string;
  respondents: string;
  benchmark: string;
  withheldReason: string | null;
  flag: FlagView | null;
}

/** One cell for a table or an export, exactly as the graph answered it. */
export function cellView(cell: ResultCell): CellView {
  const benchmark = formatPercent(cell.benchmark.learnerGroup ?? cell.benchmark.national);
  if (cell.suppressed) {
    return {
      state: 'withheld',
      result: 'Withheld',
      interval: '',
      respondents: '',
      benchmark,
      withheldReason: withheldReason(cell.suppressionReason),
      flag: null,
    };
  }
  if (cell.noData || cell.percentPositive === null) {
    return {
      state: 'no-data',
      result: 'No responses',
      interval: '',
      respondents: cell.respondents === null ? '' : String(cell.respondents),
      benchmark,
      withheldReason: null,
      flag: null,
    };
  }
  return {
    state: 'published',
    result: formatPercent(cell.percentPositive),
    interval: formatInterval(cell.interval),
    respondents: cell.respondents === null ? '' : String(cell.respondents),
    benchmark,
    withheldReason: null,
    flag: flagView(cell.flag),
  };
}

export const REGION_NAMES: Readonly<Record<string, string>> = {
  LONDON: 'London',
  SOUTH_EAST: 'South East',
  SOUTH_WEST: 'South West',
  MIDLANDS: 'Midlands',
  EAST_OF_ENGLAND: 'East of England',
  NORTH_EAST_AND_YORKSHIRE: 'North East and Yorkshire',
  NORTH_WEST: 'North West',
};

export const regionName = (region: string | null | undefined): string =>
  region ? (REGION_NAMES[region] ?? region) : 'England';
