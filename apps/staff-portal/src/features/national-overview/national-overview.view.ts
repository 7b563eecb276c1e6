import type {
  StaffPortalReferenceDataQuery,
  StaffPortalNationalSummaryQuery,
} from '../../__generated__/graphql';
import { barChartSpec, trendChartSpec, type TrendPoint } from '../../charts/chart-specs';
import type { ChartFigureModel } from '../../charts/chart-figure';
import { intervalCell, percentCell, respondentsCell } from '../../results/result-cells';
import { numberCell, textCell, type TableModel, type TableRow } from '../../tables/table-model';

export type Measure = StaffPortalReferenceDataQuery['measures'][number];
export type NationalSummary = StaffPortalNationalSummaryQuery['nationalSummary'];

/** A national figure NHS England published (shared/seeds/001), shown beside the demo's. */
interface PublishedFigure {
  measureKey: string;
  year: number;
  percent: number;
}

export type PublishedReasonShare = StaffPortalNationalSummaryQuery['publishedReasonShares'][number];

export interface NationalOverviewInput {
  measures: readonly Measure[];
  /** The national summary of every cycle asked for, released or not. */
  summaries: readonly NationalSummary[];
  /** The shares NHS England published for the top reasons, of any year. */
  publishedReasons?: readonly PublishedReasonShare[];
}

export interface NationalOverviewView {
  /** The latest released cycle, or null before any is released. */
  year: number | null;
  years: number[];
  respondents: number | null;
  respondentsChart: ChartFigureModel | null;
  headlines: TableModel | null;
  themes: ChartFigureModel[];
  reasons: ChartFigureModel[];
}

const percentText = (value: number): string => `${value.toFixed(1)}%`;

function respondentsChart(released: readonly NationalSummary[]): ChartFigureModel {
  const rows = released.map((summary) => ({
    year: textCell(String(summary.year)),
    respondents: numberCell(summary.respondents),
  }));
  const first = released[0];
  const last = released[released.length - 1];
  const summary =
    first && last && first !== last
      ? `${(last.respondents ?? 0).toLocaleString('en-GB')} learners responded in ${last.year}, against ${(first.respondents ?? 0).toLocaleString('en-GB')} in ${first.year}.`
      : `${(last?.respondents ?? 0).toLocaleString('en-GB')} learners responded in ${last?.year ?? ''}.`;
  return {
    id: 'respondents-by-cycle',
    title: 'National respondents by cycle',
    summary,
    spec: barChartSpec(
      released.map((s) => ({ label: String(s.year), value: s.respondents ?? 0 })),
      { title: 'National respondents by cycle', valueTitle: 'Respondents' },
    ),
    table: {
      id: 'respondents-by-cycle',
      caption: 'National respondents by cycle',
      columns: [
        { key: 'year', header: 'Year' },
        { key: 'respondents', header: 'Respondents', numeric: true },
      ],
      rows,
    },
  };
}

function publishedText(figures: readonly PublishedFigure[], measureKey: string, year?: number): string {
  const own = figures.filter((f) => f.measureKey === measureKey && (year === undefined || f.year === year));
  return own.length
    ? own.map((f) => (year === undefined ? `${f.year}: ${f.percent}` : `${f.percent}`)).join(', ')
    : '–';
}

function headlineTable(
  measures: readonly Measure[],
  latest: NationalSummary,
  figures: readonly PublishedFigure[],
): TableModel {
  const rows: TableRow[] = measures.map((measure) => {
    const result = latest.measures.find((r) => r.measureKey === measure.key);
    return {
      measure: textCell(
        measure.title,
        `/explorer?measure=${encodeURIComponent(measure.key)}&year=${latest.year}`,
      ),
      theme: textCell(measure.theme),
      percent: result ? percentCell(result) : { text: 'No data', value: null },
      interval: result ? intervalCell(result) : { text: '–', value: null },
      respondents: result ? respondentsCell(result) : { text: '–', value: null },
      published: {
        text: publishedText(figures, measure.key, latest.year),
        value: figures.find((f) => f.measureKey === measure.key && f.year === latest.year)?.percent ?? null,
      },
    };
  });
  return {
    id: `headline-measures-${latest.year}`,
    caption: `Headline measures nationally, ${latest.year}`,
    columns: [
      { key: 'measure', header: 'Measure' },
      { key: 'theme', header: 'Theme' },
      { key: 'percent', header: 'Percent positive (%)', numeric: true },
      { key: 'interval', header: '95% interval (%)' },
      { key: 'respondents', header: 'Respondents', numeric: true },
      { key: 'published', header: 'Published by NHS England (%)', numeric: true },
    ],
    rows,
  };
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-|-$)/g, '');

function themeTrend(
  theme: string,
  measures: readonly Measure[],
  released: readonly NationalSummary[],
  figures: readonly PublishedFigure[],
): ChartFigureModel {
  const points: TrendPoint[] = [];
  const rows: TableRow[] = measures.map((measure) => {
    const row: TableRow = { measure: textCell(measure.title) };
    for (const summary of released) {
      const result = summary.measures.find((r) => r.measureKey === measure.key);
      row[`y${summary.year}`] = result ? percentCell(result) : { text: '–', value: null };
      if (result && !result.suppressed && result.percentPositive !== null)
        points.push({
          series: measure.title,
          year: summary.year,
          percent: result.percentPositive,
          source: 'Demo',
        });
    }
    row['published'] = textCell(publishedText(figures, measure.key));
    for (const figure of figures.filter((f) => f.measureKey === measure.key))
      points.push({ series: measure.title, year: figure.year, percent: figure.percent, source: 'Published' });
    return row;
  });
  const years = released.map((s) => s.year);
  const changes = measures.flatMap((measure) => {
    const series = points.filter((p) => p.series === measure.title && p.source === 'Demo');
    const first = series[0];
    const last = series[series.length - 1];
    return first && last && first !== last
      ? [
          `${measure.title.toLowerCase()} from ${percentText(first.percent)} in ${first.year} to ${percentText(last.percent)} in ${last.year}`,
        ]
      : [];
  });
  const id = `trend-${slug(theme)}`;
  return {
    id,
    title: `${theme}: percent positive since ${years[0] ?? ''}`,
    summary: changes.length
      ? `Nationally, ${changes.join('; ')}.`
      : `There are no national results for ${theme.toLowerCase()} yet.`,
    spec: trendChartSpec(points, `${theme}: percent positive by year`),
    table: {
      id,
      caption: `${theme}: percent positive by year`,
      columns: [
        { key: 'measure', header: 'Measure' },
        ...years.map((year) => ({ key: `y${year}`, header: `${year} (%)`, numeric: true })),
        { key: 'published', header: 'Published by NHS England (year: %)' },
      ],
      rows,
    },
  };
}

function reasonsChart(
  ranking: NationalSummary['reasons'][number],
  year: number,
  published: readonly PublishedReasonShare[],
): ChartFigureModel {
  const id = `reasons-${slug(ranking.questionCode)}`;
  const shares = [...ranking.reasons].sort((a, b) => a.rank - b.rank);
  const top = shares[0];
  return {
    id,
    title: ranking.questionText,
    summary: ranking.suppressed
      ? 'These reasons are withheld to protect confidentiality.'
      : top
        ? `The reason given most often in ${year} was "${top.label}", by ${percentText(top.percent)} of those who answered.`
        : `No learner gave a reason in ${year}.`,
    spec: barChartSpec(
      shares.map((share) => ({ label: share.label, value: Number(share.percent.toFixed(1)) })),
      { title: ranking.questionText, valueTitle: 'Percent of those who answered', percent: true },
    ),
    table: {
      id,
      caption: `${ranking.questionText} (${year}, top reasons)`,
      columns: [
        { key: 'rank', header: 'Rank', numeric: true },
        { key: 'reason', header: 'Reason' },
        { key: 'percent', header: 'Share of those who answered (%)', numeric: true },
        { key: 'published', header: 'Published by NHS England (%)', numeric: true },
      ],
      rows: shares.map((share) => {
        const figure = published.find(
          (p) =>
            p.questionCode === ranking.questionCode && p.optionCode === share.optionCode && p.year === year,
        );
        return {
          rank: numberCell(share.rank),
          reason: textCell(share.label),
          percent: numberCell(share.percent, 1),
          published: numberCell(figure?.percent ?? null),
        };
      }),
      emptyText: ranking.suppressed ? 'Withheld to protect confidentiality.' : 'No learner gave a reason.',
    },
  };
}

/** The national overview of the released cycles: headlines of the latest, trends, respondents, reasons. */
export function nationalOverviewView(input: NationalOverviewInput): NationalOverviewView {
  const released = input.summaries.filter((s) => s.released).sort((a, b) => a.year - b.year);
  const latest = released[released.length - 1];
  const figures = input.measures.flatMap((measure) =>
    measure.publishedFigures.map((figure) => ({ measureKey: measure.key, ...figure })),
  );
  if (!latest)
    return {
      year: null,
      years: [],
      respondents: null,
      respondentsChart: null,
      headlines: null,
      themes: [],
      reasons: [],
    };
  const themes = [...new Set(input.measures.map((m) => m.theme))];
  return {
    year: latest.year,
    years: released.map((s) => s.year),
    respondents: latest.respondents,
    respondentsChart: respondentsChart(released),
    headlines: headlineTable(input.measures, latest, figures),
    themes: themes.map((theme) =>
      themeTrend(
        theme,
        input.measures.filter((m) => m.theme === theme),
        released,
        figures,
      ),
    ),
    reasons: latest.reasons.map((ranking) =>
      reasonsChart(ranking, latest.year, input.publishedReasons ?? []),
    ),
  };
}
