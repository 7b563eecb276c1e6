import {
  canonicalTable,
  impliedDimensions,
  tableDimensions,
  type CanonicalTableId,
} from './canonical-tables';
import { DIMENSIONS, type CellCoordinates, type Dimension } from './cell-coordinates';
import { NonCanonicalQueryError } from './disclosure-errors';
import type { SuppressionPattern } from './suppression-pattern';

export type CellFilter = Partial<Record<Dimension, string | readonly string[]>>;

/**
 * A question to the results: "the cells of this canonical table, restricted to these values". Filters
 * only select existing cells; they never add cells up. A filter on a dimension the table does not carry
 * (organisations filtered by learner group) would need a new aggregate, so it is refused: the caller asks
 * the table that carries both dimensions instead.
 */
export interface CanonicalQuery {
  readonly table: CanonicalTableId;
  readonly where?: CellFilter;
}

export interface SelectedCell {
  readonly key: string;
  readonly coordinates: CellCoordinates;
}

type ScopeIndex = Map<string, Map<Dimension, Map<string, string[]>>>;

// Patterns are immutable and cached by the service, so the index is built once per pattern.
const indexes = new WeakMap<SuppressionPattern, ScopeIndex>();

function scopeIndex(pattern: SuppressionPattern): ScopeIndex {
  const cached = indexes.get(pattern);
  if (cached) return cached;
  const index: ScopeIndex = new Map();
  for (const [key, entry] of pattern.entries) {
    const byDimension = index.get(entry.table) ?? new Map<Dimension, Map<string, string[]>>();
    index.set(entry.table, byDimension);
    for (const dimension of DIMENSIONS) {
      const value = entry.scope[dimension];
      if (value === undefined) continue;
      const byValue = byDimension.get(dimension) ?? new Map<string, string[]>();
      byDimension.set(dimension, byValue);
      const keys = byValue.get(value) ?? [];
      keys.push(key);
      byValue.set(value, keys);
    }
  }
  indexes.set(pattern, index);
  return index;
}

/**
 * The pattern cells a query selects, in key order. Cells absent from the pattern have no respondents;
 * the caller shows them as no data, or not at all.
 */
export function selectCells(pattern: SuppressionPattern, query: CanonicalQuery): SelectedCell[] {
  const table = canonicalTable(query.table);
  const allowed = new Set<Dimension>([...impliedDimensions(table), ...tableDimensions(table)]);
  const filters = Object.entries(query.where ?? {}).flatMap(([dimension, value]) => {
    if (value === undefined) return [];
    const d = dimension as Dimension;
    if (!allowed.has(d)) {
      throw new NonCanonicalQueryError(
        `table ${table.id} cannot be filtered by ${d}: that needs an aggregate that is not a canonical table`,
      );
    }
    const values = new Set<string>(typeof value === 'string' ? [value] : value);
    return [{ d, values }];
  });

  let candidates: readonly string[] = pattern.keysByTable.get(table.id) ?? [];
  if (filters.length > 0) {
    const byDimension = scopeIndex(pattern).get(table.id);
    const first = filters[0];
    candidates = [...first.values].flatMap((v) => byDimension?.get(first.d)?.get(v) ?? []);
  }
  const selected: SelectedCell[] = [];
  for (const key of candidates) {
    const entry = pattern.entries.get(key);
    if (!entry) continue;
    const scope = entry.scope;
    if (
      filters.every(({ d, values }) => {
        const value = scope[d];
        return value !== undefined && values.has(value);
      })
    ) {
      selected.push({ key, coordinates: entry.coordinates });
    }
  }
  return selected.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
