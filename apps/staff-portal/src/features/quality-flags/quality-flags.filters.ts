import {
  FLAG_CODES,
  FLAGS,
  REGION_NAMES,
  isFlagCode,
  type OutlierFlagCode,
} from '../provider-dashboard/result-cell.view';

/** The list's filters as they stand in the URL, so a filtered list can be bookmarked and shared. */
export interface QualityFlagFilters {
  year: number;
  region: string | null;
  measure: string | null;
  colour: OutlierFlagCode | null;
  persistent: boolean;
}

export interface FilterError {
  field: string;
  message: string;
}

type Query = Readonly<Record<string, string | string[] | undefined>>;

const single = (query: Query, name: string): string => {
  const value = query[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
};

/**
 * Reads the filters from the query string. A value the page does not offer is an error the page names, and no
 * filter is applied from it: the graph is never asked a question the reader did not mean.
 */
export function parseQualityFlagFilters(
  query: Query,
  releasedYears: readonly number[],
  measureKeys: readonly string[] | null,
): { filters: QualityFlagFilters; errors: FilterError[] } {
  const errors: FilterError[] = [];
  const latest = releasedYears.length > 0 ? Math.max(...releasedYears) : new Date().getUTCFullYear();
  const yearText = single(query, 'year');
  let year = latest;
  if (yearText) {
    const asked = Number(yearText);
    if (Number.isInteger(asked) && releasedYears.includes(asked)) year = asked;
    else errors.push({ field: 'year', message: 'Choose a year whose results are released' });
  }
  const regionText = single(query, 'region').toUpperCase();
  const region = regionText && REGION_NAMES[regionText] ? regionText : null;
  if (regionText && !region) errors.push({ field: 'region', message: 'Choose a region from the list' });
  const measureText = single(query, 'measure');
  const measure =
    measureText && (measureKeys === null || measureKeys.includes(measureText)) ? measureText : null;
  if (measureText && !measure) errors.push({ field: 'measure', message: 'Choose a measure from the list' });
  const colourText = single(query, 'colour').toUpperCase();
  const colour = isFlagCode(colourText) ? colourText : null;
  if (colourText && !colour) errors.push({ field: 'colour', message: 'Choose a flag colour from the list' });
  const persistentText = single(query, 'persistent');
  if (persistentText && persistentText !== 'yes')
    errors.push({ field: 'persistent', message: 'Tick the box to see persistent red flags only' });
  return { filters: { year, region, measure, colour, persistent: persistentText === 'yes' }, errors };
}

/** The graph's variables for the filters; persistence is a field of each flag, so it is selected from the answer. */
export function qualityFlagVariables(filters: QualityFlagFilters): {
  year: number;
  regions: string[] | null;
  measures: string[] | null;
  flags: OutlierFlagCode[];
} {
  return {
    year: filters.year,
    regions: filters.region ? [filters.region] : null,
    measures: filters.measure ? [filters.measure] : null,
    flags: filters.persistent ? ['RED'] : filters.colour ? [filters.colour] : FLAG_CODES,
  };
}

/** The query string of the filters, for links back to the list and for export links. */
export function qualityFlagQueryString(filters: QualityFlagFilters): string {
  const params = new URLSearchParams({ year: String(filters.year) });
  if (filters.region) params.set('region', filters.region);
  if (filters.measure) params.set('measure', filters.measure);
  if (filters.colour) params.set('colour', filters.colour);
  if (filters.persistent) params.set('persistent', 'yes');
  return params.toString();
}

/** The filters in words, for the page's caption and the export's title. */
export function describeFilters(filters: QualityFlagFilters, measureTitle: string | null): string {
  const parts = [
    filters.persistent
      ? 'persistent red flags'
      : filters.colour
        ? `${FLAGS[filters.colour].label.toLowerCase()} flags`
        : 'flags',
    filters.region ? `in ${REGION_NAMES[filters.region]}` : null,
    measureTitle ? `on ${measureTitle}` : null,
    `in NETS ${filters.year}`,
  ];
  const text = parts.filter((p): p is string => p !== null).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
