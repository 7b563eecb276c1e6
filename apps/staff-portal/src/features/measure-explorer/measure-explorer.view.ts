import type { ChartFigureModel } from '../../charts/chart-figure';
import { intervalChartSpec } from '../../charts/chart-specs';
import {
  benchmarkCell,
  FLAG_DISPLAY,
  flagCell,
  intervalCell,
  percentCell,
  respondentsCell,
  type ResultCell,
} from '../../results/result-cells';
import type { TableModel, TableRow } from '../../tables/table-model';
import { BREAKDOWN_LABELS, type ExplorerFilters } from './explorer-filters';

/** Names for the codes a results row carries. */
export interface ExplorerNames {
  measureTitle: string;
  regions: Readonly<Record<string, string>>;
  learnerGroups: ReadonlyMap<string, string>;
  professions: ReadonlyMap<string, string>;
  organisations: ReadonlyMap<string, { name: string; odsCode: string }>;
  sites: ReadonlyMap<string, { name: string; code: string }>;
}

export interface MeasureExplorerView {
  figure: ChartFigureModel;
  withheldCount: number;
}

/** A row's label: what it is broken down by, with the finer dimension when the table carries one. */
export function groupLabel(result: ResultCell, filters: ExplorerFilters, names: ExplorerNames): string {
  const { group } = result;
  const parts: string[] = [];
  const add = (value: string | null | undefined, name: (v: string) => string | undefined) => {
    if (value) parts.push(name(value) ?? value);
  };
  switch (filters.by) {
    case 'region':
      add(group.region, (v) => names.regions[v]);
      break;
    case 'learner-group':
      add(group.learnerGroup, (v) => names.learnerGroups.get(v));
      break;
    case 'profession':
      add(group.profession, (v) => names.professions.get(v));
      break;
    case 'organisation':
      add(group.organisationId, (v) => {
        const organisation = names.organisations.get(v);
        return organisation && `${organisation.name} (${organisation.odsCode})`;
      });
      break;
    case 'site':
      add(group.siteId, (v) => {
        const site = names.sites.get(v);
        return site && `${site.name} (${site.code})`;
      });
      break;
  }
  if (parts.length === 0) parts.push('England');
  return parts.join(', ');
}

const FILTER_WORDS = (filters: ExplorerFilters, names: ExplorerNames): string[] =>
  [
    filters.region && names.regions[filters.region],
    filters.organisationId && names.organisations.get(filters.organisationId)?.name,
    filters.learnerGroup && names.learnerGroups.get(filters.learnerGroup),
    filters.profession && names.professions.get(filters.profession),
  ].filter((word): word is string => Boolean(word));

/**
 * The explorer's table and chart from the graph's cells: every cell a row, withheld ones as withheld with the
 * reason (never as zero, never left out), intervals and flags drawn; the chart draws only published cells.
 */
export function measureExplorerView(
  results: readonly ResultCell[],
  filters: ExplorerFilters,
  names: ExplorerNames,
): MeasureExplorerView {
  const labelled = results
    .map((result) => ({ result, label: groupLabel(result, filters, names) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const rows: TableRow[] = labelled.map(({ result, label }) => ({
    group: { text: label },
    percent: percentCell(result),
    interval: intervalCell(result),
    respondents: respondentsCell(result),
    benchmark: benchmarkCell(result),
    flag: flagCell(result),
  }));
  const withheldCount = results.filter((r) => r.suppressed).length;
  const scope = FILTER_WORDS(filters, names);
  const caption = `${names.measureTitle} by ${BREAKDOWN_LABELS[filters.by].toLowerCase()}, ${filters.year}${scope.length ? ` (${scope.join(', ')})` : ''}`;
  const id = `explorer-${filters.measure}-${filters.by}-${filters.year}`;
  const table: TableModel = {
    id,
    caption,
    columns: [
      { key: 'group', header: BREAKDOWN_LABELS[filters.by] },
      { key: 'percent', header: 'Percent positive (%)', numeric: true },
      { key: 'interval', header: '95% interval (%)' },
      { key: 'respondents', header: 'Respondents', numeric: true },
      { key: 'benchmark', header: 'Benchmark (%)', numeric: true },
      { key: 'flag', header: 'Flag' },
    ],
    rows,
    emptyText: 'There are no results for these filters.',
  };
  const drawn = labelled.filter(
    ({ result }) => !result.suppressed && result.percentPositive !== null && result.interval !== null,
  );
  const benchmark = results.find((r) => r.benchmark.national !== null)?.benchmark.national ?? null;
  const flagged = drawn.filter(({ result }) => result.flag === 'RED' || result.flag === 'GREEN');
  const summaryParts = [
    `${drawn.length} of ${results.length} results are shown${withheldCount ? `; ${withheldCount} are withheld to protect confidentiality` : ''}.`,
    flagged.length
      ? `${flagged
          .map(
            ({ result, label }) =>
              `${label} is flagged ${FLAG_DISPLAY[result.flag ?? 'NONE'].label.toLowerCase()}`,
          )
          .slice(0, 5)
          .join('; ')}.`
      : 'No result is flagged red or green.',
  ];
  return {
    withheldCount,
    figure: {
      id,
      title: caption,
      summary: summaryParts.join(' '),
      spec: intervalChartSpec(
        drawn.map(({ result, label }) => ({
          label,
          percent: result.percentPositive ?? 0,
          lower: (result.interval?.lower ?? 0) * 100,
          upper: (result.interval?.upper ?? 0) * 100,
          flag: FLAG_DISPLAY[result.flag ?? 'NONE'].label,
        })),
        { title: caption, benchmark },
      ),
      table,
    },
  };
}
