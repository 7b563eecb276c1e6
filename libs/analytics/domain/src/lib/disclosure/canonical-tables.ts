import { NonCanonicalCellError } from './disclosure-errors';
import { DIMENSIONS, type CellCoordinates, type CellScope, type Dimension } from './cell-coordinates';

export type GeographyLevel = 'NATIONAL' | 'REGION' | 'ORGANISATION' | 'SITE';
export type LearnerLevel = 'ALL_LEARNERS' | 'LEARNER_GROUP' | 'PROFESSION';
export type EducationLevel = 'ALL_EDUCATION_PROVIDERS' | 'EDUCATION_PROVIDER';

export type CanonicalTableId =
  | 'NATIONAL'
  | 'REGION'
  | 'LEARNER_GROUP'
  | 'PROFESSION'
  | 'ORGANISATION'
  | 'SITE'
  | 'ORGANISATION_BY_LEARNER_GROUP'
  | 'REGION_BY_LEARNER_GROUP'
  | 'REGION_BY_PROFESSION'
  | 'EDUCATION_PROVIDER'
  | 'EDUCATION_PROVIDER_BY_ORGANISATION';

export interface CanonicalTable {
  readonly id: CanonicalTableId;
  readonly geography: GeographyLevel;
  readonly learners: LearnerLevel;
  readonly education: EducationLevel;
}

/** The only tables the service may answer from. Any other aggregate could difference suppressed cells. */
export const CANONICAL_TABLES: readonly CanonicalTable[] = [
  ...(
    [
      ['NATIONAL', 'NATIONAL', 'ALL_LEARNERS'],
      ['REGION', 'REGION', 'ALL_LEARNERS'],
      ['LEARNER_GROUP', 'NATIONAL', 'LEARNER_GROUP'],
      ['PROFESSION', 'NATIONAL', 'PROFESSION'],
      ['ORGANISATION', 'ORGANISATION', 'ALL_LEARNERS'],
      ['SITE', 'SITE', 'ALL_LEARNERS'],
      ['ORGANISATION_BY_LEARNER_GROUP', 'ORGANISATION', 'LEARNER_GROUP'],
      ['REGION_BY_LEARNER_GROUP', 'REGION', 'LEARNER_GROUP'],
      ['REGION_BY_PROFESSION', 'REGION', 'PROFESSION'],
    ] as const
  ).map(([id, geography, learners]) => ({
    id,
    geography,
    learners,
    education: 'ALL_EDUCATION_PROVIDERS' as const,
  })),
  // Learners by the education provider that runs their programme, nationally and at each placement
  // organisation. Learners who named none are in neither (see the education remainder in the README).
  {
    id: 'EDUCATION_PROVIDER',
    geography: 'NATIONAL',
    learners: 'ALL_LEARNERS',
    education: 'EDUCATION_PROVIDER',
  },
  {
    id: 'EDUCATION_PROVIDER_BY_ORGANISATION',
    geography: 'ORGANISATION',
    learners: 'ALL_LEARNERS',
    education: 'EDUCATION_PROVIDER',
  },
];

const TABLE_BY_ID = new Map(CANONICAL_TABLES.map((t) => [t.id, t]));

export function canonicalTable(id: CanonicalTableId): CanonicalTable {
  const table = TABLE_BY_ID.get(id);
  if (!table) throw new NonCanonicalCellError(`unknown table ${id}`);
  return table;
}

/** Each hierarchy as a chain from coarse to fine; a level's field is the dimension its cells carry. */
const GEOGRAPHY_CHAIN: readonly GeographyLevel[] = ['NATIONAL', 'REGION', 'ORGANISATION', 'SITE'];
const LEARNER_CHAIN: readonly LearnerLevel[] = ['ALL_LEARNERS', 'LEARNER_GROUP', 'PROFESSION'];
const GEOGRAPHY_FIELDS: readonly Dimension[] = ['region', 'organisationId', 'siteId'];
const LEARNER_FIELDS: readonly Dimension[] = ['learnerGroup', 'profession'];
const EDUCATION_CHAIN: readonly EducationLevel[] = ['ALL_EDUCATION_PROVIDERS', 'EDUCATION_PROVIDER'];
const EDUCATION_FIELDS: readonly Dimension[] = ['educationProviderId'];

export function geographyRank(level: GeographyLevel): number {
  return GEOGRAPHY_CHAIN.indexOf(level);
}

export function learnerRank(level: LearnerLevel): number {
  return LEARNER_CHAIN.indexOf(level);
}

export function educationRank(level: EducationLevel): number {
  return EDUCATION_CHAIN.indexOf(level);
}

/** True when the table's cells are split by education provider. */
export function byEducationProvider(table: CanonicalTable): boolean {
  return educationRank(table.education) > 0;
}

/** The dimensions a cell of the table carries, plus the coarser ones it implies. */
export function impliedDimensions(table: CanonicalTable): readonly Dimension[] {
  return [
    ...GEOGRAPHY_FIELDS.slice(0, geographyRank(table.geography)),
    ...LEARNER_FIELDS.slice(0, learnerRank(table.learners)),
    ...EDUCATION_FIELDS.slice(0, educationRank(table.education)),
  ];
}

/** The dimensions that name a cell of the table (its finest level on each hierarchy). */
export function tableDimensions(table: CanonicalTable): readonly Dimension[] {
  const g = geographyRank(table.geography);
  const l = learnerRank(table.learners);
  const e = educationRank(table.education);
  return [
    ...(g > 0 ? [GEOGRAPHY_FIELDS[g - 1]] : []),
    ...(l > 0 ? [LEARNER_FIELDS[l - 1]] : []),
    ...(e > 0 ? [EDUCATION_FIELDS[e - 1]] : []),
  ];
}

/** True when every cell of `child` lies in exactly one cell of `parent` (child is at least as fine on every axis). */
export function refines(child: CanonicalTable, parent: CanonicalTable): boolean {
  return (
    geographyRank(child.geography) >= geographyRank(parent.geography) &&
    learnerRank(child.learners) >= learnerRank(parent.learners) &&
    educationRank(child.education) >= educationRank(parent.education)
  );
}

export interface TableRelation {
  readonly parent: CanonicalTable;
  readonly child: CanonicalTable;
  /** No canonical table lies strictly between: these alone span every additive relation. */
  readonly covering: boolean;
}

/**
 * Every pair of canonical tables where one refines the other: each parent cell is the sum of the child
 * cells inside it. Derived from the lattice, so adding a canonical table adds its relations.
 */
export const TABLE_RELATIONS: readonly TableRelation[] = CANONICAL_TABLES.flatMap((parent) =>
  CANONICAL_TABLES.filter((child) => child !== parent && refines(child, parent)).map((child) => ({
    parent,
    child,
    covering: !CANONICAL_TABLES.some(
      (middle) => middle !== parent && middle !== child && refines(middle, parent) && refines(child, middle),
    ),
  })),
);

/** The canonical table the coordinates name, or a NonCanonicalCellError. */
export function tableOf(coordinates: CellCoordinates): CanonicalTable {
  const present = DIMENSIONS.filter((d) => coordinates[d] !== undefined);
  for (const d of present) {
    const value = coordinates[d];
    if (typeof value !== 'string' || value.length === 0) {
      throw new NonCanonicalCellError(`${d} must be a non-empty string`);
    }
  }
  const table = CANONICAL_TABLES.find((t) => {
    const dims = tableDimensions(t);
    return dims.length === present.length && dims.every((d) => present.includes(d));
  });
  if (!table) {
    throw new NonCanonicalCellError(
      `{${present.join(', ')}} is not a canonical table; use one of ${CANONICAL_TABLES.map((t) => `{${tableDimensions(t).join(', ')}}`).join(' ')}`,
    );
  }
  return table;
}

/** Key of the cell of `table` that contains a cell with this scope (the scope must resolve the table's dimensions). */
export function keyInTable(scope: CellScope, table: CanonicalTable): string {
  const parts: string[] = [];
  for (const d of tableDimensions(table)) {
    const value = scope[d];
    if (value === undefined) throw new NonCanonicalCellError(`scope lacks ${d} for table ${table.id}`);
    parts.push(`${d}=${encodeURIComponent(value)}`);
  }
  return parts.length === 0 ? 'national' : parts.join('&');
}

/** Stable key of a canonical cell, e.g. `organisationId=RX1&learnerGroup=NURSING`; the national cell is `national`. */
export function cellKey(coordinates: CellCoordinates): string {
  return keyInTable(coordinates, tableOf(coordinates));
}
