import type { PageError } from '@nets/web/ui-nhsuk';

/** Organisation and concern ids are UUIDs: anything else names nothing, and the graph is not asked. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

type Query = Readonly<Record<string, unknown>>;

export const queryText = (query: Query, name: string): string => {
  const value = query[name];
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof first === 'string' ? first.trim() : '';
};

/**
 * The cycle a page shows: the one the address names if its results are released, else the latest released
 * one, with an error naming the field when the address asked for another.
 */
export function chosenYear(
  query: Query,
  releasedYears: readonly number[],
): { year: number | null; errors: PageError[] } {
  const latest = releasedYears.length > 0 ? Math.max(...releasedYears) : null;
  const asked = queryText(query, 'year');
  if (!asked) return { year: latest, errors: [] };
  const year = Number(asked);
  if (Number.isInteger(year) && releasedYears.includes(year)) return { year, errors: [] };
  return { year: latest, errors: [{ field: 'year', message: 'Choose a year whose results are released' }] };
}

export const yearOptions = (releasedYears: readonly number[], year: number | null) =>
  [...releasedYears]
    .sort((a, b) => b - a)
    .map((y) => ({ value: String(y), text: String(y), selected: y === year }));

/** A dashboard's address, with the filters that make it the same view again. */
export function dashboardHref(
  organisationId: string,
  options: { year?: number | null; measure?: string | null; print?: boolean } = {},
): string {
  const params = new URLSearchParams();
  if (options.year) params.set('year', String(options.year));
  if (options.measure) params.set('measure', options.measure);
  const query = params.toString();
  return `/provider-dashboard/${encodeURIComponent(organisationId)}${options.print ? '/print' : ''}${query ? `?${query}` : ''}`;
}
