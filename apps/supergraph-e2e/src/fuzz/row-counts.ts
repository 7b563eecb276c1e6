import { Client } from 'pg';
import { TEST_POSTGRES_URL } from '@nets/shared/testing';

export type RowCounts = Record<string, number>;

/**
 * Counts the rows of every table of a platform's databases (found by their name prefix), for checking that
 * refused requests stored nothing. One connection per database, one query per snapshot.
 */
export class PlatformRowCounter {
  private constructor(
    private readonly databases: ReadonlyArray<{ name: string; client: Client; sql: string }>,
  ) {}

  static async open(databasePrefix: string): Promise<PlatformRowCounter> {
    const admin = new Client({ connectionString: `${TEST_POSTGRES_URL}/postgres` });
    await admin.connect();
    let names: string[];
    try {
      const result = await admin.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname',
        [databasePrefix],
      );
      names = result.rows.map((row) => row.datname);
    } finally {
      await admin.end();
    }
    if (names.length === 0) throw new Error(`No databases named ${databasePrefix}…`);
    const databases = await Promise.all(
      names.map(async (name) => {
        const client = new Client({ connectionString: `${TEST_POSTGRES_URL}/${name}` });
        await client.connect();
        const tables = await client.query<{ schema: string; table: string }>(
          `SELECT table_schema AS schema, table_name AS table FROM information_schema.tables
           WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
           ORDER BY 1, 2`,
        );
        const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;
        const sql = `SELECT json_build_object(${tables.rows
          .map(
            ({ schema, table }) =>
              `'${schema}.${table}', (SELECT count(*) FROM ${quote(schema)}.${quote(table)})`,
          )
          .join(', ')}) AS counts`;
        return { name, client, sql };
      }),
    );
    return new PlatformRowCounter(databases);
  }

  async snapshot(): Promise<RowCounts> {
    const counts: RowCounts = {};
    for (const { name, client, sql } of this.databases) {
      const result = await client.query<{ counts: Record<string, string | number> }>(sql);
      for (const [table, count] of Object.entries(result.rows[0]?.counts ?? {})) {
        counts[`${name.replace(/_[0-9a-f]{8}$/, '')}:${table}`] = Number(count);
      }
    }
    return counts;
  }

  async close(): Promise<void> {
    await Promise.all(this.databases.map(({ client }) => client.end()));
  }
}

/** Tables whose counts differ, as `table: before → after`. */
export function changedTables(before: RowCounts, after: RowCounts): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((table) => before[table] !== after[table])
    .map((table) => `${table}: ${before[table] ?? 0} → ${after[table] ?? 0}`);
}
