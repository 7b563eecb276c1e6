import {
  byEducationProvider,
  keyInTable,
  tableOf,
  TABLE_RELATIONS,
  type CanonicalTable,
  type CanonicalTableId,
} from './canonical-tables';
import type { CellCoordinates, CellScope, CounterCell } from './cell-coordinates';
import { assertConsistent, resolveScope, type Hierarchy } from './hierarchy';

export interface ModelNode {
  readonly key: string;
  readonly table: CanonicalTable;
  readonly coordinates: CellCoordinates;
  readonly scope: CellScope;
  readonly respondents: number;
  readonly positive: number;
  /**
   * The responses of one organisation that named no site (a site remainder), or no education provider
   * (an education remainder): a cell that always exists, is never published and is unknown to every
   * reader. Only created when it is non-empty (see the README).
   */
  readonly hidden: boolean;
}

/** `total = Σ parts` over one parent cell; parts with no respondents are left out (they are published zeros). */
export interface ModelRelation {
  readonly total: number;
  readonly parts: readonly number[];
  /** Derived from a covering pair of tables; the covering relations alone span all the others. */
  readonly covering: boolean;
}

export interface DisclosureModel {
  readonly nodes: readonly ModelNode[];
  readonly indexByKey: ReadonlyMap<string, number>;
  readonly relations: readonly ModelRelation[];
  /** Relations each node takes part in, as total or part. */
  readonly relationsOfNode: readonly (readonly number[])[];
}

export const SITE_REMAINDER_PREFIX = 'siteRemainder:';
export const EDUCATION_REMAINDER_PREFIX = 'educationRemainder:';

function checkCounts(cell: CounterCell, key: string, problems: string[]): void {
  const { respondents: n, positive: k } = cell;
  if (!Number.isSafeInteger(n) || n < 0) problems.push(`${key}: respondents must be a non-negative integer`);
  else if (!Number.isSafeInteger(k) || k < 0 || k > n)
    problems.push(`${key}: positive must be an integer in 0..respondents`);
}

/**
 * The additive structure a reader can exploit: one node per canonical cell (plus each organisation's
 * no-site remainder) and every relation `parent = Σ children` between tables where one refines the other.
 * The counters must satisfy every relation; otherwise the audit would be auditing a different system.
 */
export function buildDisclosureModel(cells: readonly CounterCell[], hierarchy: Hierarchy): DisclosureModel {
  const problems: string[] = [];
  const nodes: ModelNode[] = [];
  const indexByKey = new Map<string, number>();
  for (const cell of cells) {
    const table = tableOf(cell.coordinates);
    const key = keyInTable(cell.coordinates, table);
    if (indexByKey.has(key)) {
      problems.push(`duplicate cell ${key}`);
      continue;
    }
    checkCounts(cell, key, problems);
    const scope = resolveScope(cell.coordinates, hierarchy, problems);
    indexByKey.set(key, nodes.length);
    nodes.push({
      key,
      table,
      coordinates: cell.coordinates,
      scope,
      respondents: cell.respondents,
      positive: cell.positive,
      hidden: false,
    });
  }
  assertConsistent(problems);

  const byTable = new Map<CanonicalTableId, number[]>();
  nodes.forEach((node, i) => {
    const list = byTable.get(node.table.id) ?? [];
    list.push(i);
    byTable.set(node.table.id, list);
  });

  const siteRemainders = addRemainders(nodes, byTable, indexByKey, problems, {
    parts: 'SITE',
    prefix: SITE_REMAINDER_PREFIX,
    what: 'its sites',
  });
  const educationRemainders = addRemainders(nodes, byTable, indexByKey, problems, {
    parts: 'EDUCATION_PROVIDER_BY_ORGANISATION',
    prefix: EDUCATION_REMAINDER_PREFIX,
    what: 'its education providers',
  });
  assertConsistent(problems);

  const relations: ModelRelation[] = [];
  for (const pair of TABLE_RELATIONS) {
    // An organisation = Σ its sites + its site remainder; any total without education providers =
    // Σ its education providers' cells + the education remainders of its organisations.
    const remainders =
      pair.child.id === 'SITE'
        ? siteRemainders
        : byEducationProvider(pair.child) && !byEducationProvider(pair.parent)
          ? educationRemainders
          : [];
    const children = [...(byTable.get(pair.child.id) ?? []), ...remainders];
    const groups = new Map<string, number[]>();
    for (const child of children) {
      if (nodes[child].respondents === 0) continue;
      const parentKey = keyInTable(nodes[child].scope, pair.parent);
      const group = groups.get(parentKey);
      if (group) group.push(child);
      else groups.set(parentKey, [child]);
    }
    for (const parent of byTable.get(pair.parent.id) ?? []) {
      const total = nodes[parent];
      const parts = groups.get(total.key) ?? [];
      groups.delete(total.key);
      const n = parts.reduce((s, p) => s + nodes[p].respondents, 0);
      const k = parts.reduce((s, p) => s + nodes[p].positive, 0);
      if (n !== total.respondents || k !== total.positive) {
        problems.push(
          `${total.key} (${total.respondents}, ${total.positive}) is not the sum of its ${pair.child.id} cells (${n}, ${k})`,
        );
      }
      if (total.respondents > 0) relations.push({ total: parent, parts, covering: pair.covering });
    }
    for (const [parentKey, parts] of groups) {
      problems.push(
        `${parts.length} ${pair.child.id} cells lie in ${parentKey}, which has no ${pair.parent.id} cell`,
      );
    }
  }
  assertConsistent(problems);

  const relationsOfNode: number[][] = nodes.map(() => []);
  relations.forEach((relation, r) => {
    relationsOfNode[relation.total].push(r);
    for (const p of relation.parts) relationsOfNode[p].push(r);
  });
  return { nodes, indexByKey, relations, relationsOfNode };
}

/**
 * One hidden node per organisation whose respondents exceed the sum of its cells in `parts` (its sites,
 * or its education providers): the learners who named none.
 */
function addRemainders(
  nodes: ModelNode[],
  byTable: ReadonlyMap<CanonicalTableId, number[]>,
  indexByKey: Map<string, number>,
  problems: string[],
  of: { parts: CanonicalTableId; prefix: string; what: string },
): number[] {
  const partSums = new Map<string, { n: number; k: number }>();
  for (const s of byTable.get(of.parts) ?? []) {
    const organisationId = nodes[s].scope.organisationId as string;
    const sum = partSums.get(organisationId) ?? { n: 0, k: 0 };
    sum.n += nodes[s].respondents;
    sum.k += nodes[s].positive;
    partSums.set(organisationId, sum);
  }
  const remainders: number[] = [];
  for (const o of byTable.get('ORGANISATION') ?? []) {
    const organisation = nodes[o];
    const organisationId = organisation.coordinates.organisationId as string;
    const parts = partSums.get(organisationId) ?? { n: 0, k: 0 };
    partSums.delete(organisationId);
    const n = organisation.respondents - parts.n;
    const k = organisation.positive - parts.k;
    if (n < 0 || k < 0 || k > n) {
      problems.push(
        `organisation ${organisationId}: ${of.what} hold more respondents or positives than it does`,
      );
      continue;
    }
    if (n === 0) continue;
    const key = `${of.prefix}${organisation.key}`;
    indexByKey.set(key, nodes.length);
    remainders.push(nodes.length);
    nodes.push({
      key,
      table: organisation.table,
      coordinates: organisation.coordinates,
      scope: organisation.scope,
      respondents: n,
      positive: k,
      hidden: true,
    });
  }
  for (const [organisationId, sum] of partSums) {
    if (sum.n > 0)
      problems.push(
        `${of.parts} cells of organisation ${organisationId} have respondents but the organisation has no cell`,
      );
  }
  return remainders;
}
