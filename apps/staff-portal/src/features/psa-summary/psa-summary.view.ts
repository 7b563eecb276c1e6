import { regionName } from '../provider-dashboard/result-cell.view';

interface IndicatorFigures {
  answered: number;
  yes: number;
  percentYes: number | null;
}

interface IndicatorYear extends IndicatorFigures {
  year: number;
}

/** A summary as the graph answers it (the PsaSummaryFigures fragment). */
export interface PsaSummaryData {
  year: number;
  region: string | null;
  assessmentsCounted: number;
  indicators: ReadonlyArray<
    IndicatorFigures & {
      indicator: string;
      question: string;
      headline: string | null;
      suppressed: boolean;
      previousYears: readonly IndicatorYear[];
    }
  >;
}

export interface IndicatorFigureView {
  /** "91%", or "Withheld" when fewer than 3 providers answered. */
  percentYes: string;
  answered: string;
  previous: string;
  /** Year-on-year change in percentage points, in words: "down 3 points from 2023". */
  change: string;
  direction: 'up' | 'down' | 'same' | 'unknown';
}

export interface IndicatorRowView {
  indicator: string;
  question: string;
  national: IndicatorFigureView;
  regional: IndicatorFigureView | null;
  headline: string | null;
}

export interface PsaSummaryView {
  year: number;
  regionName: string | null;
  nationalCounted: number;
  regionalCounted: number | null;
  rows: IndicatorRowView[];
  summary: string;
}

const WITHHELD = 'Withheld (fewer than 3 providers answered)';

function figureOf(
  current: IndicatorFigures & { suppressed: boolean },
  previousYears: readonly IndicatorYear[],
  year: number,
) {
  const last = previousYears.find((p) => p.year === year - 1) ?? null;
  const percent = current.suppressed ? null : current.percentYes;
  const previous = last?.percentYes ?? null;
  const figure: IndicatorFigureView = {
    percentYes: percent === null ? WITHHELD : `${percent}%`,
    answered: String(current.answered),
    previous: last === null ? 'No assessment' : previous === null ? WITHHELD : `${previous}%`,
    change: 'Not comparable',
    direction: 'unknown',
  };
  if (percent === null || previous === null) return figure;
  const points = percent - previous;
  if (points === 0) return { ...figure, change: `No change from ${year - 1}`, direction: 'same' as const };
  const size = Math.abs(points);
  return {
    ...figure,
    change: `${points > 0 ? 'Up' : 'Down'} ${size} ${size === 1 ? 'point' : 'points'} from ${year - 1}`,
    direction: points > 0 ? ('up' as const) : ('down' as const),
  };
}

/** The indicators nationally and, when asked, for one region, each with its change on the year before. */
export function psaSummaryView(national: PsaSummaryData, regional: PsaSummaryData | null): PsaSummaryView {
  const regionalByIndicator = new Map((regional?.indicators ?? []).map((i) => [i.indicator, i]));
  const rows = national.indicators.map((indicator) => {
    const inRegion = regionalByIndicator.get(indicator.indicator);
    return {
      indicator: indicator.indicator,
      question: indicator.question,
      national: figureOf(indicator, indicator.previousYears, national.year),
      regional: inRegion ? figureOf(inRegion, inRegion.previousYears, national.year) : null,
      headline: indicator.headline,
    };
  });
  const falls = rows.filter((r) => r.national.direction === 'down').length;
  const rises = rows.filter((r) => r.national.direction === 'up').length;
  return {
    year: national.year,
    regionName: regional ? regionName(regional.region) : null,
    nationalCounted: national.assessmentsCounted,
    regionalCounted: regional?.assessmentsCounted ?? null,
    rows,
    summary:
      national.assessmentsCounted === 0
        ? `No self-assessments have been submitted for ${national.year} yet.`
        : `${national.assessmentsCounted} self-assessments counted for ${national.year}: ${rises} of ${rows.length} indicators rose nationally on the year before and ${falls} fell.`,
  };
}
