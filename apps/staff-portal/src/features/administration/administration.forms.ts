import type { PageError } from '@nets/web/ui-nhsuk';
import type { GraphClientError } from '@nets/web/graph-client';
import type {
  CreateSurveyCycleInput,
  OrganisationRole,
  RegisterOrganisationInput,
  UpdateOrganisationInput,
} from '../../__generated__/graphql';
import { isKind, isOrganisationRole, isRegion } from './administration-words';

/** A posted form as @fastify/formbody reads it: one value, or several for a repeated name. */
export type FormValues = Record<string, string | string[] | undefined>;

export const one = (form: FormValues, name: string): string => {
  const value = form[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
};

export const all = (form: FormValues, name: string): string[] => {
  const value = form[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

type Parsed<T> = { input: T; errors: [] } | { input: null; errors: PageError[] };
const result = <T>(input: T, errors: PageError[]): Parsed<T> =>
  errors.length > 0 ? { input: null, errors } : { input, errors: [] };

/**
 * A date typed as day, month and year (fields `<name>-day`…): midnight UTC at its start, or at its end with
 * `endOfDay`. Only whether it is a real date is checked here; the graph decides whether it suits the cycle.
 */
export function readDate(
  form: FormValues,
  name: string,
  label: string,
  endOfDay = false,
): { at: string | null; error?: PageError } {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => one(form, `${name}-${part}`));
  const field = `${name}-day`;
  if (!day && !month && !year) return { at: null, error: { field, message: `Enter the ${label}` } };
  if (![day, month, year].every((part) => /^\d{1,4}$/.test(part)))
    return { at: null, error: { field, message: `Enter the ${label} as a day, month and year in numbers` } };
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  const date = endOfDay ? new Date(Date.UTC(y, m - 1, d, 23, 59, 59)) : new Date(Date.UTC(y, m - 1, d));
  if (y < 1000 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1)
    return { at: null, error: { field, message: `The ${label} must be a real date` } };
  return { at: date.toISOString() };
}

/** The new cycle's form: the year, name and dates, each mistake named next to its field. */
export function parseNewCycle(form: FormValues): Parsed<CreateSurveyCycleInput> {
  const errors: PageError[] = [];
  const yearText = one(form, 'year');
  if (!/^\d{4}$/.test(yearText))
    errors.push({ field: 'year', message: 'Enter the cycle year as 4 digits, like 2027' });
  const name = one(form, 'name');
  if (!name) errors.push({ field: 'name', message: 'Enter the cycle name' });
  const opens = readDate(form, 'opensAt', 'opening date');
  const closes = readDate(form, 'closesAt', 'closing date', true);
  for (const problem of [opens.error, closes.error]) if (problem) errors.push(problem);
  return result({ year: Number(yearText), name, opensAt: opens.at ?? '', closesAt: closes.at ?? '' }, errors);
}

/** Expected respondents: empty (release whatever analytics counts) or a whole number. */
export function parseExpectedRespondents(form: FormValues): Parsed<number | null> {
  const text = one(form, 'expectedRespondents').replace(/,/g, '');
  if (!text) return result(null, []);
  if (!/^\d{1,9}$/.test(text))
    return result(null, [
      {
        field: 'expectedRespondents',
        message: 'Enter the expected respondents as a whole number, like 1250',
      },
    ]);
  return result(Number(text), []);
}

/** Sites typed one a line as `code, name`. */
export function parseSites(text: string): {
  sites: Array<{ code: string; name: string }>;
  error?: PageError;
} {
  const sites: Array<{ code: string; name: string }> = [];
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  for (const [index, line] of lines.entries()) {
    const comma = line.indexOf(',');
    const code = comma < 0 ? '' : line.slice(0, comma).trim();
    const name = comma < 0 ? '' : line.slice(comma + 1).trim();
    if (!code || !name)
      return {
        sites,
        error: { field: 'sites', message: `Write site ${index + 1} as its code, a comma, then its name` },
      };
    sites.push({ code, name });
  }
  return { sites };
}

function readOrganisationFields(form: FormValues, errors: PageError[]) {
  const name = one(form, 'name');
  if (!name) errors.push({ field: 'name', message: 'Enter the organisation’s name' });
  const roles = all(form, 'roles').filter((role): role is OrganisationRole => isOrganisationRole(role));
  if (roles.length === 0)
    errors.push({ field: 'roles', message: 'Choose whether it provides placements, education or both' });
  const region = one(form, 'region');
  if (!isRegion(region)) errors.push({ field: 'region', message: 'Choose the organisation’s region' });
  const sites = parseSites(one(form, 'sites'));
  if (sites.error) errors.push(sites.error);
  return { name, roles, region: isRegion(region) ? region : 'LONDON', sites: sites.sites };
}

export function parseRegistration(form: FormValues): Parsed<RegisterOrganisationInput> {
  const errors: PageError[] = [];
  const odsCode = one(form, 'odsCode').toUpperCase();
  if (!odsCode) errors.push({ field: 'odsCode', message: 'Enter the ODS code (the UKPRN for a university)' });
  const kind = one(form, 'kind');
  if (!isKind(kind)) errors.push({ field: 'kind', message: 'Choose the kind of organisation' });
  const fields = readOrganisationFields(form, errors);
  return result({ odsCode, kind: isKind(kind) ? kind : 'OTHER', ...fields }, errors);
}

export function parseUpdate(form: FormValues): Parsed<UpdateOrganisationInput> {
  const errors: PageError[] = [];
  const fields = readOrganisationFields(form, errors);
  return result(fields, errors);
}

/**
 * The graph's refusal, in its own words, next to the form's field it names where it names one (the path's
 * last part, mapped by `fields`), else on `fallback`.
 */
export function refusalOf(
  error: GraphClientError,
  fallback: string,
  fields: Readonly<Record<string, string>> = {},
): PageError[] {
  const first = error.errors[0];
  const message = first?.message ?? 'The graph refused this';
  const details = first?.details ?? [];
  const named = details
    .map(
      (detail) =>
        String(detail.path ?? '')
          .split('.')
          .pop() ?? '',
    )
    .map((key) => fields[key])
    .filter((field): field is string => Boolean(field));
  return [{ field: named[0] ?? fallback, message }];
}
