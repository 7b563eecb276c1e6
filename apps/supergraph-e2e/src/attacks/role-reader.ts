// Reads everything one role may read of a released cycle, through the gateway (every canonical table of
// measureResults, nationalSummary, qualityFlags, organisation netsResults, organisationFeedback counts) and,
// for the national analyst, the public topic nets.results.v1; and turns it into the attacker's knowledge.
// The attacker knows the labels' meaning and the public hierarchy, nothing of the suppression engine.
import type { Region } from '@nets/shared/auth';
import type { RecordedMessage } from '@nets/shared/testing';
import { placeKey, type Knowledge, type Place, type Seen, type Table } from '@nets/tools/attacks';
import type { GatewayClient } from '@nets/shared/testing';

export type LiveRole =
  | { readonly kind: 'NATIONAL_ANALYST' }
  | { readonly kind: 'QUALITY_TEAM'; readonly region: Region }
  | { readonly kind: 'PROVIDER'; readonly organisationId: string };

/** The groupings of measureResults, one per canonical table, and the dimensions each table's cells carry. */
export const TABLES: ReadonlyArray<{ table: Table; groupBy: string[]; dims: (keyof Place)[] }> = [
  { table: 'NATIONAL', groupBy: [], dims: [] },
  { table: 'REGION', groupBy: ['REGION'], dims: ['region'] },
  { table: 'LEARNER_GROUP', groupBy: ['LEARNER_GROUP'], dims: ['learnerGroup'] },
  { table: 'PROFESSION', groupBy: ['PROFESSION'], dims: ['profession'] },
  { table: 'ORGANISATION', groupBy: ['ORGANISATION'], dims: ['organisationId'] },
  { table: 'SITE', groupBy: ['SITE'], dims: ['siteId'] },
  {
    table: 'ORGANISATION_BY_LEARNER_GROUP',
    groupBy: ['ORGANISATION', 'LEARNER_GROUP'],
    dims: ['organisationId', 'learnerGroup'],
  },
  {
    table: 'REGION_BY_LEARNER_GROUP',
    groupBy: ['REGION', 'LEARNER_GROUP'],
    dims: ['region', 'learnerGroup'],
  },
  { table: 'REGION_BY_PROFESSION', groupBy: ['REGION', 'PROFESSION'], dims: ['region', 'profession'] },
];
const NATIONAL_TABLES: ReadonlySet<Table> = new Set(['NATIONAL', 'LEARNER_GROUP', 'PROFESSION']);
const ORGANISATION_TABLES: ReadonlySet<Table> = new Set([
  'ORGANISATION',
  'SITE',
  'ORGANISATION_BY_LEARNER_GROUP',
]);

interface Row {
  measureKey: string;
  group: {
    table: Table;
    region: string | null;
    organisationId: string | null;
    siteId: string | null;
    learnerGroup: string | null;
    profession: string | null;
  };
  suppressed: boolean;
  noData: boolean;
  respondents: number | null;
  positive: number | null;
}

const ROW = `measureKey group { table region organisationId siteId learnerGroup profession } suppressed noData respondents positive`;
const FULL_RESULTS = `query($year: Int!, $measures: [String!], $groupBy: [ResultsGroupBy!]) {
  measureResults(year: $year, measures: $measures, groupBy: $groupBy) { ${ROW} }
}`;
const NATIONAL_SUMMARY = `query($year: Int!) { nationalSummary(year: $year) { measures { ${ROW} } } }`;
const FLAGS = `query($year: Int!, $measures: [String!]) { qualityFlags(year: $year, measures: $measures) { result { ${ROW} } } }`;
const NETS_RESULTS = `query($id: ID!, $year: Int!, $measures: [String!]) { organisation(id: $id) { netsResults(year: $year, measures: $measures) { ${ROW} } } }`;
const FEEDBACK = `query($id: ID!, $year: Int!) { organisationFeedback(organisationId: $id, year: $year) { responseCount } }`;

export interface Hierarchy {
  readonly regionOf: ReadonlyMap<string, string>;
  readonly organisationOfSite: ReadonlyMap<string, string>;
  readonly learnerGroupOf: ReadonlyMap<string, string>;
}

/** What one role read of one measure: its cells, the tables it could read, and feedback counts. */
export interface RoleReading {
  readonly seen: Map<string, Seen>;
  readonly tablesRead: Set<Table>;
  readonly counts: { place: Place; n: number }[];
  /** Cells read on more than one path that disagree (none expected). */
  readonly conflicts: string[];
  readonly paths: Set<string>;
}

function placeOf(table: Table, cell: Partial<Record<keyof Place, string | null | undefined>>): Place {
  const dims = TABLES.find((t) => t.table === table)?.dims ?? [];
  return Object.fromEntries(dims.map((d) => [d, cell[d] ?? undefined])) as Place;
}

function add(reading: RoleReading, seen: Seen, path: string): void {
  reading.paths.add(path);
  const key = placeKey(seen.place);
  const before = reading.seen.get(key);
  if (before && JSON.stringify(before) !== JSON.stringify(seen)) reading.conflicts.push(`${key} (${path})`);
  if (!before) reading.seen.set(key, seen);
}

function addRow(reading: RoleReading, row: Row, path: string): void {
  if (row.noData) return;
  const place = placeOf(row.group.table, row.group);
  add(
    reading,
    row.suppressed
      ? { kind: 'WITHHELD', place }
      : { kind: 'PUBLISHED', place, n: row.respondents as number, k: row.positive as number },
    path,
  );
}

export async function readAsRole(
  gateway: GatewayClient,
  token: string,
  year: number,
  measureKey: string,
  options: {
    organisationIds: readonly string[];
    countsAreRespondents: boolean;
    topic?: readonly RecordedMessage[];
  },
): Promise<RoleReading> {
  const reading: RoleReading = {
    seen: new Map(),
    tablesRead: new Set(),
    counts: [],
    conflicts: [],
    paths: new Set(),
  };
  for (const { table, groupBy } of TABLES) {
    const answer = await gateway.request<{ measureResults: Row[] }>(
      FULL_RESULTS,
      { year, measures: [measureKey], groupBy },
      token,
    );
    if (answer.errors?.length || !answer.data) continue;
    reading.tablesRead.add(table);
    for (const row of answer.data.measureResults) addRow(reading, row, `measureResults ${table}`);
  }
  const summary = await gateway.request<{ nationalSummary: { measures: Row[] } }>(
    NATIONAL_SUMMARY,
    { year },
    token,
  );
  for (const row of summary.data?.nationalSummary.measures ?? [])
    if (row.measureKey === measureKey) addRow(reading, row, 'nationalSummary');
  const flags = await gateway.request<{ qualityFlags: { result: Row }[] }>(
    FLAGS,
    { year, measures: [measureKey] },
    token,
  );
  for (const flag of flags.data?.qualityFlags ?? []) addRow(reading, flag.result, 'qualityFlags');
  for (const id of options.organisationIds) {
    const nets = await gateway.request<{ organisation: { netsResults: Row[] } | null }>(
      NETS_RESULTS,
      { id, year, measures: [measureKey] },
      token,
    );
    for (const row of nets.data?.organisation?.netsResults ?? []) addRow(reading, row, 'netsResults');
    const feedback = await gateway.request<{ organisationFeedback: { responseCount: number | null } }>(
      FEEDBACK,
      { id, year },
      token,
    );
    const count = feedback.data?.organisationFeedback.responseCount;
    if (typeof count === 'number') {
      reading.paths.add('organisationFeedback');
      // Every respondent answers a required question without a "not applicable": the count is its respondents.
      if (options.countsAreRespondents) reading.counts.push({ place: { organisationId: id }, n: count });
    }
  }
  for (const message of options.topic ?? []) {
    const event = (message.value as { data: TopicMessage }).data;
    if (event.year !== year || event.measureKey !== measureKey) continue;
    reading.tablesRead.add(event.table);
    for (const cell of event.cells) {
      const place = placeOf(event.table, cell);
      add(
        reading,
        cell.suppressed
          ? { kind: 'WITHHELD', place }
          : { kind: 'PUBLISHED', place, n: cell.respondents as number, k: cell.positive as number },
        'nets.results.v1',
      );
    }
  }
  return reading;
}

interface TopicMessage {
  year: number;
  measureKey: string;
  table: Table;
  cells: Array<
    Partial<Record<keyof Place, string>> & { suppressed: boolean; respondents?: number; positive?: number }
  >;
}

/** The attacker's knowledge: what was read, and which unlisted cells are known to be empty. */
export function knowledgeOf(reading: RoleReading, role: LiveRole, hierarchy: Hierarchy): Knowledge {
  const organisationOf = (p: Place) =>
    p.organisationId ?? (p.siteId ? hierarchy.organisationOfSite.get(p.siteId) : undefined);
  const regionOf = (p: Place) => {
    const organisationId = organisationOf(p);
    return p.region ?? (organisationId ? hierarchy.regionOf.get(organisationId) : undefined);
  };
  const tableOf = (p: Place): Table => {
    const dims = (Object.keys(p) as (keyof Place)[])
      .filter((d) => p[d] !== undefined)
      .sort()
      .join(',');
    return (TABLES.find((t) => [...t.dims].sort().join(',') === dims) as (typeof TABLES)[number]).table;
  };
  // An unlisted cell is empty only in a table the role read, and within what the role may see of it.
  const wouldSee = (p: Place): boolean => {
    const table = tableOf(p);
    if (!reading.tablesRead.has(table)) return false;
    if (NATIONAL_TABLES.has(table) || role.kind === 'NATIONAL_ANALYST') return true;
    if (role.kind === 'QUALITY_TEAM') return regionOf(p) === role.region;
    return ORGANISATION_TABLES.has(table) && organisationOf(p) === role.organisationId;
  };
  return { seen: [...reading.seen.values()], wouldSee, counts: reading.counts };
}
