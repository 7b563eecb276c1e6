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
]);

function restrict(values: CellFilter[keyof CellFilter], own: string, what: string): string {
  const asked = values === undefined ? [] : typeof values === 'string' ? [values] : values;
  if (asked.some((value) => value !== own)) throw new ForbiddenError(`You may only see your own ${what}.`);
  return own;
}

/**
 * The filter narrowed to what the reader may see: a provider user its own organisation, a quality team
 * its region, national roles everything; national benchmarks for all. Applied to every query path.
 */
export function scopeFilter(identity: Identity, table: CanonicalTableId, where: CellFilter): CellFilter {
  const user = requireSignedIn(identity);
  if (NATIONAL_TABLES.has(table)) return where;
  switch (user.role) {
    case 'ADMIN':
    case 'NATIONAL_ANALYST':
      return where;
    case 'QUALITY_TEAM':
      if (!user.region) throw new ForbiddenError('Your account has no region.');
      return { ...where, region: restrict(where.region, user.region, 'region') };
    case 'PROVIDER_USER':
    case 'EDUCATION_PROVIDER_USER':
      if (!user.organisationId) throw new ForbiddenError('Your account has no organisation.');
      if (!ORGANISATION_TABLES.has(table)) {
        throw new ForbiddenError('Provider users see their own organisation and the national benchmarks.');
      }
      return {
        ...where,
        organisationId: restrict(where.organisationId, user.organisationId, 'organisation'),
      };
  }
}
