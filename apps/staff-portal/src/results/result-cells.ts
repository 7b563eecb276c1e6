import type {
  OutlierFlag,
  ResultSuppressionReason,
  StaffPortalResultCellFragment,
} from '../__generated__/graphql';
import type { TableCell, TableColumn, TableRow } from '../tables/table-model';

export type ResultCell = StaffPortalResultCellFragment;

/** How each outlier flag reads: words and a shape first, colour only as a third carrier (WCAG 1.4.1). */
export const FLAG_DISPLAY: Record<
  OutlierFlag,
  { label: string; tone: string; shape: string; meaning: string }
> = {
  RED: {
    label: 'Red',
    tone: 'red',
    shape: '▼',
    meaning: 'Significantly worse than the benchmark and in the lowest quarter',
  },
  PINK: {
    label: 'Pink',
    tone: 'pink',
    shape: '▽',
    meaning: 'In the lowest quarter, not significantly different from the benchmark',
  },
  NONE: {
    label: 'No flag',
    tone: 'none',
    shape: '–',
    meaning: 'Neither in the lowest nor in the highest quarter',
  },
  LIGHT_GREEN: {
    label: 'Light green',
    tone: 'light-green',
    shape: '△',
    meaning: 'In the highest quarter, not significantly different from the benchmark',
  },
  GREEN: {
    label: 'Green',
    tone: 'green',
    shape: '▲',
    meaning: 'Significantly better than the benchmark and in the highest quarter',
  },
  SUPPRESSED: {
    label: 'Withheld',
    tone: 'withheld',
    shape: '■',
    meaning: 'Withheld to protect confidentiality',
  },
  NO_DATA: { label: 'No data', tone: 'none', shape: '○', meaning: 'No learner answered' },
};

export const WITHHELD_TEXT = 'Withheld';
/**
 * Why a cell is withheld, from the graph's `suppressionReason`. The analytics service gives every withheld
 * cell one reason, COMPLEMENTARY, whatever its size: telling "fewer than 3" from "protects another cell" would
 * tell a reader which withheld cells hold 1 or 2 learners (libs/analytics schema). BELOW_MINIMUM is deprecated
 * and never returned; it reads as what it says should the graph ever return it.
 */
export const WITHHELD_REASONS: Record<ResultSuppressionReason, string> = {
  COMPLEMENTARY:
    'Withheld to protect confidentiality: fewer than 3 learners answered, or showing it would let a smaller group be worked out',
  BELOW_MINIMUM: 'Withheld to protect confidentiality: fewer than 3 learners answered',
};
export const WITHHELD_REASON = WITHHELD_REASONS.COMPLEMENTARY;
export const NO_DATA_TEXT = 'No data';

const percent = (value: number): string => value.toFixed(1);

/** A withheld result's cell: "Withheld" (never 0), with the graph's reason. */
export const withheldCell = (result: Pick<ResultCell, 'suppressionReason'>): TableCell => ({
  text: WITHHELD_TEXT,
  value: null,
  withheld: true,
  withheldReason: WITHHELD_REASONS[result.suppressionReason ?? 'COMPLEMENTARY'],
});

/** The cell's percent positive: the number, "Withheld" (never 0) or "No data". */
export function percentCell(result: ResultCell): TableCell {
  if (result.suppressed) return withheldCell(result);
  if (result.noData || result.percentPositive === null) return { text: NO_DATA_TEXT, value: null };
  return { text: percent(result.percentPositive), value: Number(percent(result.percentPositive)) };
}

/** The 95% interval, in percent, as "lower to upper". */
export function intervalCell(result: ResultCell): TableCell {
  if (result.suppressed) return withheldCell(result);
  if (!result.interval) return { text: '–', value: null };
  return {
    text: `${percent(result.interval.lower * 100)} to ${percent(result.interval.upper * 100)}`,
    value: null,
  };
}

export function respondentsCell(result: ResultCell): TableCell {
  if (result.suppressed) return withheldCell(result);
  if (result.respondents === null) return { text: '–', value: null };
  return { text: String(result.respondents), value: result.respondents };
}

export function flagCell(result: ResultCell): TableCell {
  const flag: OutlierFlag = result.suppressed ? 'SUPPRESSED' : (result.flag ?? 'NONE');
  const display = FLAG_DISPLAY[flag];
  return {
    text: display.label,
    value: null,
    ...(flag === 'SUPPRESSED' ? withheldCell(result) : {}),
    badge: { label: display.label, tone: display.tone, shape: display.shape },
  };
}

export function benchmarkCell(result: ResultCell): TableCell {
  const benchmark = result.benchmark.learnerGroup ?? result.benchmark.national;
  return benchmark === null
    ? { text: '–', value: null }
    : { text: percent(benchmark), value: Number(percent(benchmark)) };
}

/** The columns a results table shows after its label column: one result's figures, flag included. */
export const RESULT_COLUMNS: readonly TableColumn[] = [
  { key: 'percent', header: 'Percent positive (%)', numeric: true },
  { key: 'interval', header: '95% interval (%)' },
  { key: 'respondents', header: 'Respondents', numeric: true },
  { key: 'benchmark', header: 'Benchmark (%)', numeric: true },
  { key: 'flag', header: 'Flag' },
];

/** One result's cells for RESULT_COLUMNS. */
export const resultRowCells = (result: ResultCell): TableRow => ({
  percent: percentCell(result),
  interval: intervalCell(result),
  respondents: respondentsCell(result),
  benchmark: benchmarkCell(result),
  flag: flagCell(result),
});
