import type {
  OutlierFlag,
  StaffPortalProviderDashboardQuery,
  StaffPortalProviderMeasureQuery,
} from '../../__generated__/graphql';
import type { ChartFigureModel } from '../../charts/chart-figure';
import { trendChartSpec, type TrendPoint } from '../../charts/chart-specs';
import {
  FLAG_DISPLAY,
  RESULT_COLUMNS,
  flagCell,
  percentCell,
  resultRowCells,
  type ResultCell,
} from '../../results/result-cells';
import { textCell, type TableModel } from '../../tables/table-model';
import { regionName } from '../quality-flags/region-names';
import { measuresChartSpec } from './measures-chart';

type DashboardData = StaffPortalProviderDashboardQuery;
type UnitFlag = DashboardData['qualityFlags'][number];
type MeasureDetail = StaffPortalProviderMeasureQuery;
type TrendResult = MeasureDetail['measureTrend'][number];

export const DASHBOARD_FLAGS = [
  'RED',
  'PINK',
  'LIGHT_GREEN',
  'GREEN',
] as const satisfies readonly OutlierFlag[];
const ALL_LEARNERS = 'All learners';

export interface ProviderDashboardView {
  organisation: { id: string; name: string; odsCode: string; region: string };
  year: number;
  /** One sentence that says what the page shows, for every reader and the printed copy. */
  summary: string;
  flagCounts: Array<{ label: string; shape: string; tone: string; count: number }>;
  persistentRisks: Array<{ measureTitle: string; learnerGroup: string; consecutiveRedYears: number }>;
  measures: TableModel;
  measuresChart: ChartFigureModel | null;
  flags: TableModel;
  /** The registry's sites, to name the selected measure's site results. */
  sites: ReadonlyArray<{ id: string; code: string; name: string }>;
  measureOptions: Array<{ value: string; text: string; selected: boolean }>;
  selectedMeasure: { key: string; title: string } | null;
}

const persistentText = (years: number | undefined): string =>
  years === undefined ? 'No' : `Yes, red ${years} cycles running`;

function measuresTable(
  results: readonly ResultCell[],
  persistent: ReadonlyMap<string, number>,
  year: number,
): TableModel {
  return {
    id: `measures-${year}`,
    caption: `Every measure against its benchmark, ${year}`,
    columns: [
      { key: 'measure', header: 'Measure' },
      ...RESULT_COLUMNS,
      { key: 'persistent', header: 'Persistent risk' },
    ],
    rows: results.map((result) => ({
      measure: textCell(result.measureTitle),
      ...resultRowCells(result),
      persistent: textCell(persistentText(persistent.get(result.measureKey))),
    })),
    emptyText: `No results for ${year}.`,
  };
}

function flagsTable(flags: readonly UnitFlag[], year: number): TableModel {
  return {
    id: `flags-${year}`,
    caption: `Flags by measure and learner group, ${year}`,
    columns: [
      { key: 'measure', header: 'Measure' },
      { key: 'learnerGroup', header: 'Learner group' },
      { key: 'flag', header: 'Flag' },
      { key: 'persistent', header: 'Persistent risk' },
    ],
    rows: flags.map((f) => ({
      measure: textCell(f.result.measureTitle),
      learnerGroup: textCell(f.result.group.learnerGroup ?? ALL_LEARNERS),
      flag: flagCell(f.result),
      persistent: textCell(persistentText(f.persistent ? f.consecutiveRedYears : undefined)),
    })),
    emptyText: `No red, pink, light green or green flags in ${year}.`,
  };
}

/** The selected measure at each site of the organisation, named from the registry. */
export function sitesTable(
  organisationSites: ReadonlyArray<{ id: string; code: string; name: string }>,
  siteResults: readonly ResultCell[],
  measure: { key: string; title: string },
  year: number,
): TableModel {
  const sites = new Map(organisationSites.map((s) => [s.id, s]));
  return {
    id: `sites-${measure.key}-${year}`,
    caption: `${measure.title} by site, ${year}`,
    columns: [{ key: 'site', header: 'Site' }, ...RESULT_COLUMNS],
    rows: siteResults
      .filter((r) => r.measureKey === measure.key)
      .map((r) => ({ result: r, site: r.group.siteId ? sites.get(r.group.siteId) : undefined }))
      .sort((a, b) => (a.site?.name ?? '').localeCompare(b.site?.name ?? ''))
      .map(({ result, site }) => ({
        site: textCell(site ? `${site.name} (${site.code})` : 'A site no longer in the registry'),
        ...resultRowCells(result),
      })),
    emptyText: `No site results for ${measure.title} in ${year}.`,
  };
}

function dashboardSummary(
  name: string,
  year: number,
  results: readonly ResultCell[],
  flags: readonly UnitFlag[],
): string {
  if (results.length === 0) return `${name} has no results for ${year}.`;
  const withheld = results.filter((r) => r.suppressed).length;
  const red = flags.filter((f) => f.result.flag === 'RED').length;
  const persistent = flags.filter((f) => f.persistent).length;
  const parts = [
    `${results.length - withheld} of ${results.length} measures published for ${name} in ${year}`,
    withheld > 0 ? `${withheld} withheld to protect small groups` : null,
    `${red} red ${red === 1 ? 'flag' : 'flags'}${persistent > 0 ? `, ${persistent} persistent` : ''}`,
  ];
  return `${parts.filter((p): p is string => p !== null).join('; ')}.`;
}

/**
 * The dashboard of one organisation, exactly as the graph answered it: the page, its printable copy and its
 * exports are built from this one model.
 */
export function providerDashboardView(
  data: DashboardData,
  year: number,
  measureKey: string | undefined,
): ProviderDashboardView | null {
  const organisation = data.organisation;
  if (!organisation) return null;
  const results = organisation.netsResults;
  const persistent = new Map(
    data.qualityFlags
      .filter((f) => f.persistent && f.result.group.learnerGroup === null)
      .map((f) => [f.result.measureKey, f.consecutiveRedYears]),
  );
  const chosen = results.find((r) => r.measureKey === measureKey) ?? (measureKey ? undefined : results[0]);
  const selectedMeasure = chosen ? { key: chosen.measureKey, title: chosen.measureTitle } : null;
  const published = results.filter((r) => !r.suppressed && r.percentPositive !== null);
  return {
    organisation: {
      id: organisation.id,
      name: organisation.name,
      odsCode: organisation.odsCode,
      region: regionName(organisation.region),
    },
    year,
    summary: dashboardSummary(organisation.name, year, results, data.qualityFlags),
    flagCounts: DASHBOARD_FLAGS.map((code) => ({
      ...FLAG_DISPLAY[code],
      count: data.qualityFlags.filter((f) => f.result.flag === code).length,
    })),
    persistentRisks: data.qualityFlags
      .filter((f) => f.persistent)
      .map((f) => ({
        measureTitle: f.result.measureTitle,
        learnerGroup: f.result.group.learnerGroup ?? ALL_LEARNERS,
        consecutiveRedYears: f.consecutiveRedYears,
      })),
    measures: measuresTable(results, persistent, year),
    measuresChart:
      published.length === 0
        ? null
        : {
            id: `measures-chart-${year}`,
            title: `Measures against their benchmarks, ${year}`,
            summary: `${published.length} published ${published.length === 1 ? 'measure' : 'measures'} with ${
              published.length === 1 ? 'its' : 'their'
            } 95% intervals; each benchmark is marked with a vertical tick. Withheld results are in the table only.`,
            spec: measuresChartSpec(
              published,
              `${organisation.name}: measures against their benchmarks, ${year}`,
            ),
            table: measuresTable(results, persistent, year),
          },
    flags: flagsTable(data.qualityFlags, year),
    sites: organisation.sites,
    measureOptions: results.map((r) => ({
      value: r.measureKey,
      text: r.measureTitle,
      selected: r.measureKey === selectedMeasure?.key,
    })),
    selectedMeasure,
  };
}

/** One measure's trend for the organisation beside the national benchmark, as a chart and its table. */
export function providerTrendFigure(
  organisationName: string,
  measure: { key: string; title: string },
  trend: readonly TrendResult[],
): ChartFigureModel {
  const sorted = [...trend].sort((a, b) => a.year - b.year);
  const points: TrendPoint[] = sorted.flatMap((r) => [
    ...(r.suppressed || r.percentPositive === null
      ? []
      : [{ series: organisationName, year: r.year, percent: r.percentPositive }]),
    ...(r.benchmark.national === null
      ? []
      : [{ series: 'England', year: r.year, percent: r.benchmark.national }]),
  ]);
  const published = sorted.filter((r) => !r.suppressed && r.percentPositive !== null);
  const withheld = sorted.filter((r) => r.suppressed).length;
  const first = published[0];
  const last = published[published.length - 1];
  const span =
    !first || !last
      ? `every year's result for ${organisationName} is withheld to protect small groups or has no responses`
      : first === last
        ? `${organisationName} had ${percentCell(last).text}% positive in ${last.year}`
        : `${organisationName} went from ${percentCell(first).text}% positive in ${first.year} to ${percentCell(last).text}% in ${last.year}`;
  const withheldNote =
    withheld === 0 || published.length === 0
      ? ''
      : ` ${withheld} of ${sorted.length} ${sorted.length === 1 ? 'year is' : 'years are'} withheld.`;
  const id = `trend-${measure.key}`;
  return {
    id,
    title: `${measure.title} since ${sorted[0]?.year ?? 2019}`,
    summary:
      sorted.length === 0
        ? `No released results for ${measure.title} yet.`
        : `${measure.title}: ${span}.${withheldNote}`,
    spec: trendChartSpec(points, `${measure.title} by year: ${organisationName} and England`),
    table: {
      id,
      caption: `${measure.title} by year`,
      columns: [{ key: 'year', header: 'Year' }, ...RESULT_COLUMNS],
      rows: sorted.map((r) => ({
        year: textCell(String(r.year)),
        ...resultRowCells(r),
      })),
      emptyText: `No released results for ${measure.title} yet.`,
    },
  };
}
