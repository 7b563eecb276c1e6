// Random thin populations for the attacker, and what each role reads of them. The publication side uses
// the analytics domain's public API only (the system under attack); the attacker side is ./lp-attacker.
import fc from 'fast-check';
import {
  canonicalCellsOf,
  computeSuppression,
  publishCell,
  type FineCounter,
  type SuppressionPattern,
} from '@nets/analytics/domain';
import type { AttackHierarchy, Knowledge, Place, Seen, Table } from './lp-attacker';
import { placeKey, tableOfPlace } from './lp-attacker';

export interface Learner {
  readonly organisationId: string;
  readonly siteId?: string;
  readonly profession: string;
  readonly positive: boolean;
}

export interface ThinPopulation {
  readonly hierarchy: AttackHierarchy;
  readonly learners: readonly Learner[];
}

export function thinPopulation(maxLearners = 40): fc.Arbitrary<ThinPopulation> {
  return fc
    .record({
      regions: fc.integer({ min: 1, max: 3 }),
      organisations: fc.array(fc.record({ region: fc.nat(5), sites: fc.integer({ min: 0, max: 3 }) }), {
        minLength: 1,
        maxLength: 6,
      }),
      groups: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 3 }),
      learners: fc.array(
        fc.record({ org: fc.nat(50), site: fc.nat(50), profession: fc.nat(50), positive: fc.boolean() }),
        { minLength: 3, maxLength: maxLearners },
      ),
    })
    .map(({ regions, organisations, groups, learners }) => {
      const regionOf = new Map<string, string>();
      const organisationOfSite = new Map<string, string>();
      const learnerGroupOf = new Map<string, string>();
      const sites: string[][] = organisations.map((o, i) => {
        regionOf.set(`O${i}`, `R${o.region % regions}`);
        const list = Array.from({ length: o.sites }, (_, s) => `O${i}S${s}`);
        for (const s of list) organisationOfSite.set(s, `O${i}`);
        return list;
      });
      const professions: string[] = [];
      groups.forEach((count, g) => {
        for (let p = 0; p < count; p++) {
          professions.push(`G${g}P${p}`);
          learnerGroupOf.set(`G${g}P${p}`, `G${g}`);
        }
      });
      return {
        hierarchy: { regionOf, organisationOfSite, learnerGroupOf },
        learners: learners.map((l) => {
          const org = l.org % organisations.length;
          const site = l.site % (sites[org].length + 1);
          return {
            organisationId: `O${org}`,
            siteId: site < sites[org].length ? sites[org][site] : undefined,
            profession: professions[l.profession % professions.length],
            positive: l.positive,
          };
        }),
      };
    });
}

function fineOf(population: ThinPopulation): FineCounter[] {
  const cells = new Map<
    string,
    { organisationId: string; siteId?: string; profession: string; respondents: number; positive: number }
  >();
  for (const l of population.learners) {
    const key = `${l.organisationId}|${l.siteId ?? ''}|${l.profession}`;
    const cell = cells.get(key) ?? {
      organisationId: l.organisationId,
      siteId: l.siteId,
      profession: l.profession,
      respondents: 0,
      positive: 0,
    };
    cell.respondents += 1;
    if (l.positive) cell.positive += 1;
    cells.set(key, cell);
  }
  return [...cells.values()];
}

function domainHierarchy(h: AttackHierarchy) {
  return {
    regionOfOrganisation: h.regionOf,
    organisationOfSite: h.organisationOfSite,
    learnerGroupOfProfession: h.learnerGroupOf,
  };
}

export interface Publication {
  /** Every non-empty cell as published: numbers, or withheld. */
  readonly cells: readonly Seen[];
  readonly pattern: SuppressionPattern;
  /** Keys (the attacker's) of the cells with 1 or 2 respondents: the truth, for judging the report. */
  readonly small: ReadonlySet<string>;
}

/** What the service would publish for the population (the system under attack). */
export function publish(population: ThinPopulation): Publication {
  const fine = fineOf(population);
  const hierarchy = domainHierarchy(population.hierarchy);
  const cells = canonicalCellsOf(fine, hierarchy);
  const pattern = computeSuppression(cells, hierarchy, { fine });
  return {
    pattern,
    small: new Set(cells.filter((c) => c.respondents < 3).map((c) => placeKey(c.coordinates as Place))),
    cells: cells.map((cell) => {
      const view = publishCell(cell, pattern);
      const place = view.coordinates as Place;
      if (view.suppressed) return { kind: 'WITHHELD', place };
      if (view.noData) throw new Error('non-empty cells have data');
      return { kind: 'PUBLISHED', place, n: view.respondents, k: view.positive };
    }),
  };
}

/** The published cells with only the cells below the minimum withheld: a planted leak (the control). */
export function primaryOnly(population: ThinPopulation, minCellSize = 3): Seen[] {
  const fine = fineOf(population);
  const cells = canonicalCellsOf(fine, domainHierarchy(population.hierarchy));
  return cells.map((cell) => {
    const place = cell.coordinates as Place;
    return cell.respondents < minCellSize
      ? { kind: 'WITHHELD', place }
      : { kind: 'PUBLISHED', place, n: cell.respondents, k: cell.positive };
  });
}

/** Every non-empty cell withheld except the national one: what no pattern can do better than. */
export function everythingWithheld(cells: readonly Seen[]): Seen[] {
  return cells.map((s) => (tableOfPlace(s.place) === 'NATIONAL' ? s : { kind: 'WITHHELD', place: s.place }));
}

const NATIONAL_TABLES: ReadonlySet<Table> = new Set(['NATIONAL', 'LEARNER_GROUP', 'PROFESSION']);
const ORGANISATION_TABLES: ReadonlySet<Table> = new Set([
  'ORGANISATION',
  'SITE',
  'ORGANISATION_BY_LEARNER_GROUP',
]);

export type Role =
  | { readonly kind: 'NATIONAL_ANALYST' }
  | { readonly kind: 'QUALITY_TEAM'; readonly region: string }
  | { readonly kind: 'PROVIDER'; readonly organisationId: string };

/** What a role reads (as the gateway scopes it: national benchmarks for all, then its region or organisation). */
export function knowledgeOf(role: Role, cells: readonly Seen[], hierarchy: AttackHierarchy): Knowledge {
  const regionOfPlace = (p: Place): string | undefined => {
    const organisationId =
      p.organisationId ?? (p.siteId ? hierarchy.organisationOfSite.get(p.siteId) : undefined);
    return p.region ?? (organisationId ? hierarchy.regionOf.get(organisationId) : undefined);
  };
  const organisationOfPlace = (p: Place): string | undefined =>
    p.organisationId ?? (p.siteId ? hierarchy.organisationOfSite.get(p.siteId) : undefined);
  const wouldSee = (p: Place): boolean => {
    const table = tableOfPlace(p);
    if (NATIONAL_TABLES.has(table) || role.kind === 'NATIONAL_ANALYST') return true;
    if (role.kind === 'QUALITY_TEAM') return regionOfPlace(p) === role.region;
    return ORGANISATION_TABLES.has(table) && organisationOfPlace(p) === role.organisationId;
  };
  return { seen: cells.filter((s) => wouldSee(s.place)), wouldSee };
}
