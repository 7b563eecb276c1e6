import { cellId, TABLES, type Coordinates, type TableId } from './attack-population';
import type { ResultRow } from './result-rows';

const CELL_DIMENSIONS = [
  'region',
  'organisationId',
  'siteId',
  'learnerGroup',
  'profession',
  'educationProviderId',
] as const;
const WITHHELD_KEYS = new Set(['suppressed', 'reason', ...CELL_DIMENSIONS]);

interface RawCell {
  suppressed: boolean;
  reason?: string;
  respondents?: number;
  positive?: number;
  percentPositive?: number;
  intervalLower?: number;
  intervalUpper?: number;
  flag?: string | null;
  [dimension: string]: unknown;
}

/** The cells of a `nets.results.v1` message as sent (before any schema strips a field). */
export function rawCellsOf(envelope: unknown): RawCell[] {
  return ((envelope as { data: { cells: RawCell[] } }).data.cells ?? []).map((cell) => cell);
}

/** Fields a withheld cell on the topic carries beyond its coordinates and reason: must be none. */
export function withheldExtras(cells: readonly RawCell[]): string[] {
  return cells
    .filter((cell) => cell.suppressed)
    .flatMap((cell) => Object.keys(cell).filter((key) => !WITHHELD_KEYS.has(key)));
}

/** Cell id → what the topic says of it, in the same terms as `graphFacts`. */
export function eventFacts(table: TableId, cells: readonly RawCell[]): Record<string, string> {
  return Object.fromEntries(
    cells.map((cell) => {
      const coordinates: Coordinates = {};
      for (const d of TABLES[table]) coordinates[d] = cell[d] as string | undefined;
      const facts = cell.suppressed
        ? { reason: cell.reason }
        : {
            respondents: cell.respondents,
            positive: cell.positive,
            percentPositive: cell.percentPositive,
            interval: [cell.intervalLower, cell.intervalUpper],
            flag: cell.flag ?? null,
          };
      return [cellId(table, coordinates), JSON.stringify(facts)];
    }),
  );
}

/** Cell id → what the graph says of it, for the cells the topic carries (empty cells are left out there). */
export function graphFacts(rows: readonly ResultRow[]): Record<string, string> {
  return Object.fromEntries(
    rows
      .filter((row) => !row.noData)
      .map((row) => {
        const coordinates: Coordinates = {};
        for (const d of TABLES[row.group.table]) coordinates[d] = row.group[d] ?? undefined;
        const facts = row.suppressed
          ? { reason: row.suppressionReason }
          : {
              respondents: row.respondents,
              positive: row.positive,
              percentPositive: row.percentPositive,
              interval: [row.interval?.lower, row.interval?.upper],
              flag: row.flag,
            };
        return [cellId(row.group.table, coordinates), JSON.stringify(facts)];
      }),
  );
}
