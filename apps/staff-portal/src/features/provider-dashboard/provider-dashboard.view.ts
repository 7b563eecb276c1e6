import {
  FLAG_CODES,
  FLAGS,
  cellView,
  formatPercent,
  regionName,
  type CellView,
  type FlagView,
  type ResultCell,
} from './result-cell.view';

interface MeasureCell extends ResultCell {
  year: number;
  measureKey: string;
  measureTitle: string;
  group: { siteId: string | null; learnerGroup: string | null };
}

/** The dashboard's graph answer (StaffPortalProviderDashboard). */
export interface ProviderDashboardData {
  organisation: {
    id: string;
    name: string;
    odsCode: string;
    region: string;
    sites: ReadonlyArray<{ id: string; code: string; name: string }>;
    netsResults: readonly MeasureCell[];
  } | null;
  qualityFlags: ReadonlyArray<{
    persistent: boolean;
    consecutiveRedYears: number;
    result: {
      measureKey: string;
      measureTitle: string;
      flag: string | null;
      percentPositive: number | null;
      group: { learnerGroup: string | null };
    };
  }>;
  siteResults: readonly MeasureCell[];
}

export interface MeasureRowView {
  measureKey: string;
  title: string;
  cell: CellView;
  /** RED in this and the cycles before it, for the organisation as a whole. */
  persistentRedYears: number | null;
}

export interface UnitFlagView {
  measureTitle: string;
  learnerGroup: string;
  flag: FlagView;
  persistent: boolean;
  consecutiveRedYears: number;
}

export interface SiteRowView {
  siteName: string;
  siteCode: string;
  cell: CellView;
}

export interface ProviderDashboardView {
  organisation: { id: string; name: string; odsCode: string; region: string };
  year: number;
  measures: MeasureRowView[];
  flagCounts: Array<{ flag: FlagView; count: number }>;
  flags: UnitFlagView[];
  persistentRisks: UnitFlagView[];
  measureOptions: Array<{ value: string; text: string; selected: boolean }>;
  selectedMeasure: { key: string; title: string } | null;
  sites: SiteRowView[];
  withheldMeasures: number;
}

const ALL_LEARNERS = 'All learners';

/** The dashboard as the page, the printable view and the exports show it: the graph's cells, unchanged. */
export function providerDashboardView(
  data: ProviderDashboardData,
  year: number,
  measureKey: string | undefined,
): ProviderDashboardView | null {
  const organisation = data.organisation;
  if (!organisation) return null;
  const flags: UnitFlagView[] = data.qualityFlags.flatMap((f) => {
    const flag = FLAGS[f.result.flag as keyof typeof FLAGS];
    if (!flag) return [];
    return [
      {
        measureTitle: f.result.measureTitle,
        learnerGroup: f.result.group.learnerGroup ?? ALL_LEARNERS,
        flag,
        persistent: f.persistent,
        consecutiveRedYears: f.consecutiveRedYears,
      },
    ];
  });
  const persistentByMeasure = new Map(
    data.qualityFlags
      .filter((f) => f.persistent && f.result.group.learnerGroup === null)
      .map((f) => [f.result.measureKey, f.consecutiveRedYears]),
  );
  const measures = organisation.netsResults.map((result) => ({
    measureKey: result.measureKey,
    title: result.measureTitle,
    cell: cellView(result),
    persistentRedYears: persistentByMeasure.get(result.measureKey) ?? null,
  }));
  const selected =
    measures.find((m) => m.measureKey === measureKey) ?? (measureKey ? undefined : measures[0]) ?? null;
  const sitesById = new Map(organisation.sites.map((s) => [s.id, s]));
  const sites = selected
    ? data.siteResults
        .filter((r) => r.measureKey === selected.measureKey)
        .map((r) => {
          const site = r.group.siteId ? sitesById.get(r.group.siteId) : undefined;
          return {
            siteName: site?.name ?? 'Site no longer in the registry',
            siteCode: site?.code ?? '',
            cell: cellView(r),
          };
        })
        .sort((a, b) => a.siteName.localeCompare(b.siteName))
    : [];
  return {
    organisation: {
      id: organisation.id,
      name: organisation.name,
      odsCode: organisation.odsCode,
      region: regionName(organisation.region),
    },
    year,
    measures,
    flagCounts: FLAG_CODES.map((code) => ({
      flag: FLAGS[code],
      count: flags.filter((f) => f.flag.code === code).length,
    })),
    flags,
    persistentRisks: flags.filter((f) => f.persistent),
    measureOptions: measures.map((m) => ({
      value: m.measureKey,
      text: m.title,
      selected: m.measureKey === selected?.measureKey,
    })),
    selectedMeasure: selected ? { key: selected.measureKey, title: selected.title } : null,
    sites,
    withheldMeasures: measures.filter((m) => m.cell.state === 'withheld').length,
  };
}

export interface TrendPointView {
  year: number;
  cell: CellView;
}

/** One measure's trend for the organisation: a row per released cycle and a sentence that says it. */
export function providerTrendView(
  organisationName: string,
  measureTitle: string,
  trend: readonly MeasureCell[],
): { points: TrendPointView[]; summary: string } {
  const points = [...trend].sort((a, b) => a.year - b.year).map((r) => ({ year: r.year, cell: cellView(r) }));
  const published = [...trend]
    .sort((a, b) => a.year - b.year)
    .filter((r) => !r.suppressed && !r.noData && r.percentPositive !== null);
  const withheld = points.filter((p) => p.cell.state === 'withheld').length;
  const withheldNote =
    withheld === 0
      ? ''
      : ` ${withheld} of ${points.length} years ${withheld === 1 ? 'is' : 'are'} withheld to protect small groups.`;
  if (points.length === 0)
    return { points, summary: `No released results for ${measureTitle} at ${organisationName} yet.` };
  if (published.length === 0)
    return {
      points,
      summary: `Every year's result for ${measureTitle} at ${organisationName} is withheld to protect small groups.`,
    };
  const first = published[0];
  const last = published[published.length - 1];
  const span =
    first === last
      ? `${formatPercent(last.percentPositive)} positive in ${last.year}`
      : `${formatPercent(first.percentPositive)} positive in ${first.year} and ${formatPercent(last.percentPositive)} in ${last.year}`;
  return { points, summary: `${measureTitle} at ${organisationName}: ${span}.${withheldNote}` };
}
