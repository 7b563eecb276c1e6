import { REGION_NAMES } from '@nets/shared/auth';
import type { PageError } from '@nets/web/ui-nhsuk';
import type { NhsRegion, OutlierFlag } from '../../__generated__/graphql';
import { FLAG_DISPLAY } from '../../results/result-cells';
import { queryText } from '../provider-dashboard/dashboard-address';
import { isRegion } from './region-names';

/** The colours a unit can be flagged with; withheld units and units without data are never flagged. */
export const FLAG_COLOURS = ['RED', 'PINK', 'LIGHT_GREEN', 'GREEN'] as const satisfies readonly OutlierFlag[];
export type FlagColour = (typeof FLAG_COLOURS)[number];
const isFlagColour = (value: string): value is FlagColour =>
  (FLAG_COLOURS as readonly string[]).includes(value);

/** The list's filters as they stand in the URL, so a filtered list can be bookmarked and shared. */
export interface QualityFlagFilters {
  year: number;
  region: NhsRegion | null;
  measure: string | null;
  colour: FlagColour | null;
  persistent: boolean;
}

type Query = Readonly<Record<string, unknown>>;

/**
 * Reads the filters from the query string. A value the page does not offer is an error the page names next to
 * its field, and nothing is filtered by it: the graph is never asked a question the reader did not mean.
 */
export function parseQualityFlagFilters(
  query: Query,
  releasedYears: readonly number[],
  measureKeys: readonly string[],
): { filters: QualityFlagFilters | null; errors: PageError[] } {
  const errors: PageError[] = [];
  const latest = releasedYears.length > 0 ? Math.max(...releasedYears) : null;
  const yearText = queryText(query, 'year');
  let year = latest;
  if (yearText) {
    const asked = Number(yearText);
    if (Number.isInteger(asked) && releasedYears.includes(asked)) year = asked;
    else errors.push({ field: 'year', message: 'Choose a year whose results are released' });
  }
  const regionText = queryText(query, 'region');
  const region = isRegion(regionText) ? regionText : null;
  if (regionText && !region) errors.push({ field: 'region', message: 'Choose a region from the list' });
  const measureText = queryText(query, 'measure');
  const measure = measureKeys.includes(measureText) ? measureText : null;
  if (measureText && !measure) errors.push({ field: 'measure', message: 'Choose a measure from the list' });
  const colourText = queryText(query, 'colour');
  const colour = isFlagColour(colourText) ? colourText : null;
  if (colourText && !colour) errors.push({ field: 'colour', message: 'Choose a flag colour from the list' });
  const persistentText = queryText(query, 'persistent');
  if (persistentText && persistentText !== 'yes')
    errors.push({ field: 'persistent', message: 'Tick the box to see persistent red flags only' });
  if (year === null) return { filters: null, errors };
  return { filters: { year, region, measure, colour, persistent: persistentText === 'yes' }, errors };
}

/** The graph's variables for the filters; persistence is a field of each flag, so it is selected from the answer. */
export function qualityFlagVariables(filters: QualityFlagFilters): {
  year: number;
  regions: NhsRegion[] | null;
  measures: string[] | null;
  flags: FlagColour[];
} {
  return {
    year: filters.year,
    regions: filters.region ? [filters.region] : null,
    measures: filters.measure ? [filters.measure] : null,
    flags: filters.persistent ? ['RED'] : filters.colour ? [filters.colour] : [...FLAG_COLOURS],
  };
}

/** The filters in words: the page's caption and the export's title. */
export function describeFilters(filters: QualityFlagFilters, measureTitle: string | null): string {
  const what = filters.persistent
    ? 'persistent red flags'
    : filters.colour
      ? `${FLAG_DISPLAY[filters.colour].label.toLowerCase()} flags`
      : 'flags';
  const parts = [
    what,
    filters.region ? `in ${REGION_NAMES[filters.region]}` : null,
    measureTitle ? `on ${measureTitle}` : null,
    `in NETS ${filters.year}`,
  ];
  const text = parts.filter((p): p is string => p !== null).join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The form's choices, each marked selected as the URL has it. */
export function filterOptions(
  filters: QualityFlagFilters | null,
  releasedYears: readonly number[],
  measures: ReadonlyArray<{ key: string; title: string }>,
  regions: readonly NhsRegion[],
) {
  const option = (value: string, text: string, selected: boolean) => ({ value, text, selected });
  return {
    years: [...releasedYears]
      .sort((a, b) => b - a)
      .map((y) => option(String(y), String(y), y === filters?.year)),
    regions: [
      option('', 'All regions you can see', !filters?.region),
      ...regions.map((r) => option(r, REGION_NAMES[r], r === filters?.region)),
    ],
    measures: [
      option('', 'All measures', !filters?.measure),
      ...measures.map((m) => option(m.key, m.title, m.key === filters?.measure)),
    ],
    colours: [
      option('', 'Every colour', !filters?.colour),
      ...FLAG_COLOURS.map((c) =>
        option(c, `${FLAG_DISPLAY[c].label} ${FLAG_DISPLAY[c].shape}`, c === filters?.colour),
      ),
    ],
  };
}
