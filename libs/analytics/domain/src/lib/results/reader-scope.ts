import { ForbiddenError } from '@nets/shared/util-errors';
import { requireSignedIn, type Identity } from '@nets/shared/auth';
import type { CanonicalTableId } from '../disclosure/canonical-tables';
import type { CellFilter } from '../disclosure/select-cells';

/** Benchmarks every signed-in reader may see: they describe no single organisation or region. */
const NATIONAL_TABLES: ReadonlySet<CanonicalTableId> = new Set(['NATIONAL', 'LEARNER_GROUP', 'PROFESSION']);
const ORGANISATION_TABLES: ReadonlySet<CanonicalTableId> = new Set([
  'ORGANISATION',
  'SITE',
  'ORGANISATION_BY_LEARNER_GROUP',
  // A placement provider's learners by the education provider that runs their programme.
  'EDUCATION_PROVIDER_BY_ORGANISATION',
]);
/** The tables split by education provider. */
export const EDUCATION_PROVIDER_TABLES: ReadonlySet<CanonicalTableId> = new Set([
  'EDUCATION_PROVIDER',
  'EDUCATION_PROVIDER_BY_ORGANISATION',
]);

type FilterValue = CellFilter[keyof CellFilter];

const valuesOf = (values: FilterValue): readonly string[] =>
  values === undefined ? [] : typeof values === 'string' ? [values] : values;

function restrict(values: FilterValue, own: string, what: string): string {
  if (valuesOf(values).some((value) => value !== own))
    throw new ForbiddenError(`You may only see your own ${what}.`);
  return own;
}

function restrictToAny(values: FilterValue, own: readonly string[], what: string): readonly string[] {
  const allowed = new Set(own);
  if (valuesOf(values).some((value) => !allowed.has(value)))
    throw new ForbiddenError(`You may only see ${what}.`);
  return values === undefined ? own : valuesOf(values);
}

/**
 * The region whose education providers the caller must look up before `scopeFilter` (a quality team reading
 * a table split by education provider sees its region's universities and colleges); undefined otherwise.
 */
export function educationProviderRegionFor(identity: Identity, table: CanonicalTableId): string | undefined {
  if (identity.kind !== 'user' || identity.role !== 'QUALITY_TEAM') return undefined;
  return EDUCATION_PROVIDER_TABLES.has(table) ? identity.region : undefined;
}

/**
 * The filter narrowed to what the reader may see: a placement provider user its own organisation (and its
 * learners by education provider), an education provider user its own learners wherever they were placed,
 * a quality team its region (for tables by education provider: the education providers of its region,
 * `educationProvidersOfRegion`), national roles everything; national benchmarks for all. Applied to every
 * query path.
 */
export function scopeFilter(
  identity: Identity,
  table: CanonicalTableId,
  where: CellFilter,
  educationProvidersOfRegion?: readonly string[],
): CellFilter {
  const user = requireSignedIn(identity);
  if (NATIONAL_TABLES.has(table)) return where;
  switch (user.role) {
    case 'ADMIN':
    case 'NATIONAL_ANALYST':
      return where;
    case 'QUALITY_TEAM':
      if (!user.region) throw new ForbiddenError('Your account has no region.');
      if (EDUCATION_PROVIDER_TABLES.has(table)) {
        return {
          ...where,
          educationProviderId: restrictToAny(
            where.educationProviderId,
            educationProvidersOfRegion ?? [],
            "your region's education providers",
          ),
        };
      }
      return { ...where, region: restrict(where.region, user.region, 'region') };
    case 'PROVIDER_USER':
      if (!user.organisationId) throw new ForbiddenError('Your account has no organisation.');
      if (!ORGANISATION_TABLES.has(table)) {
        throw new ForbiddenError('Provider users see their own organisation and the national benchmarks.');
      }
      return {
        ...where,
        organisationId: restrict(where.organisationId, user.organisationId, 'organisation'),
      };
    case 'EDUCATION_PROVIDER_USER':
      if (!user.organisationId) throw new ForbiddenError('Your account has no organisation.');
      if (EDUCATION_PROVIDER_TABLES.has(table)) {
        return {
          ...where,
          educationProviderId: restrict(where.educationProviderId, user.organisationId, 'learners'),
        };
      }
      // An education provider that also hosts placements (a trust that teaches) reads them as a provider does.
      if (!ORGANISATION_TABLES.has(table)) {
        throw new ForbiddenError(
          'Education provider users see their own learners, their own organisation and the national benchmarks.',
        );
      }
      return {
        ...where,
        organisationId: restrict(where.organisationId, user.organisationId, 'organisation'),
      };
  }
}

/**
 * The tables whose units are listed as flagged for a reader: education providers (and their learners at each
 * placement) for an education provider user or a filter by education provider; organisations otherwise.
 */
export function flaggedTablesFor(identity: Identity, where: CellFilter): CanonicalTableId[] {
  const byEducation =
    where.educationProviderId !== undefined ||
    (identity.kind === 'user' && identity.role === 'EDUCATION_PROVIDER_USER');
  if (byEducation) return ['EDUCATION_PROVIDER', 'EDUCATION_PROVIDER_BY_ORGANISATION'];
  const byLearnerGroup = where.learnerGroup !== undefined || where.profession !== undefined;
  return byLearnerGroup
    ? ['ORGANISATION_BY_LEARNER_GROUP']
    : ['ORGANISATION', 'ORGANISATION_BY_LEARNER_GROUP'];
}
