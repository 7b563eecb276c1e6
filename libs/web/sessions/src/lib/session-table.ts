import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { migrateDatabase, type MigrationReport } from '@nets/shared/data-access-typeorm';

/** A table name safe to put in SQL (sessions tables are named by code, never by input). */
const SAFE_NAME = /^[a-z_][a-z0-9_]*$/;

function checkedName(table: string): string {
  if (!SAFE_NAME.test(table)) throw new Error(`Not a session table name: ${table}`);
  return table;
}

/** The statements of a sessions table: an app's migration runs them (its class name stays its own). */
export function sessionTableStatements(table: string): { up: string[]; down: string[] } {
  const name = checkedName(table);
  return {
    up: [
      `CREATE TABLE "${name}" ("id" text PRIMARY KEY, "data" jsonb NOT NULL, "expires_at" timestamptz NOT NULL)`,
      `CREATE INDEX "IDX_${name}_expires_at" ON "${name}" ("expires_at")`,
    ],
    down: [`DROP TABLE "${name}"`],
  };
}

export interface SessionRow<T> {
  id: string;
  data: T;
}

/**
 * One web app's sessions in PostgreSQL, shared by all its replicas: each row is a session's JSON and its
 * expiry. What a session holds, and when the app reads and writes it, is the app's business.
 */
export class SessionTable<T extends object> {
  private readonly name: string;

  constructor(
    private readonly dataSource: DataSource,
    table: string,
  ) {
    this.name = checkedName(table);
  }

  /** The session, if it has not expired. */
  async read(id: string): Promise<T | undefined> {
    const [row] = await this.dataSource.query<Array<{ data: T }>>(
      `SELECT data FROM "${this.name}" WHERE id = $1 AND expires_at > now()`,
      [id],
    );
    return row?.data;
  }

  /** The session, if it has not expired, its expiry moved to `ttlMs` from now (a sliding expiry). */
  async readAndTouch(id: string, ttlMs: number): Promise<T | undefined> {
    const [rows] = await this.dataSource.query<[Array<{ data: T }>, number]>(
      `UPDATE "${this.name}" SET expires_at = now() + make_interval(secs => $2)
       WHERE id = $1 AND expires_at > now() RETURNING data`,
      [id, ttlMs / 1000],
    );
    return rows[0]?.data;
  }

  /** Writes the sessions (new or changed) with a fresh expiry, in one statement. */
  async write(sessions: ReadonlyArray<SessionRow<T>>, ttlMs: number): Promise<void> {
    if (sessions.length === 0) return;
    await this.dataSource.query(
      `INSERT INTO "${this.name}" (id, data, expires_at)
       SELECT s.id, s.data, now() + make_interval(secs => $2)
       FROM jsonb_to_recordset($1::jsonb) AS s(id text, data jsonb)
       ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data, expires_at = EXCLUDED.expires_at`,
      [JSON.stringify(sessions), ttlMs / 1000],
    );
  }

  async remove(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query(`DELETE FROM "${this.name}" WHERE id = ANY($1::text[])`, [ids]);
  }

  /** Deletes expired rows; returns how many. */
  async sweep(): Promise<number> {
    const [, count] = await this.dataSource.query<[unknown[], number]>(
      `DELETE FROM "${this.name}" WHERE expires_at < now()`,
    );
    return count;
  }

  /** Sweeps every `intervalMs` (never keeping the process alive); call the result to stop. */
  sweepEvery(intervalMs: number): () => void {
    const timer = setInterval(() => void this.sweep().catch(() => undefined), intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }
}

export interface SessionDatabaseOptions {
  url: string;
  /** Shown in pg_stat_activity. */
  applicationName: string;
  /** The app's migrations (each creating its table with `sessionTableStatements`). */
  migrations: Array<new () => MigrationInterface>;
  poolSize?: number;
}

/** A web app's own sessions database: sessions only, never a service's data; `synchronize` off. */
export function createSessionDataSource(options: SessionDatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    applicationName: options.applicationName,
    entities: [],
    migrations: options.migrations,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    poolSize: options.poolSize ?? 5,
  });
}

/** The explicit migration step of a web app's sessions database (never run by the web server at boot). */
export const migrateSessionDatabase = (options: SessionDatabaseOptions): Promise<MigrationReport> =>
  migrateDatabase(createSessionDataSource({ ...options, poolSize: 1 }));

/** A migration class creating a sessions table, under the app's own migration name (recorded once run). */
export function sessionTableMigration(migrationName: string, table: string): new () => MigrationInterface {
  const statements = sessionTableStatements(table);
  return class SessionTableMigration implements MigrationInterface {
    name = migrationName;

    async up(queryRunner: QueryRunner): Promise<void> {
      for (const statement of statements.up) await queryRunner.query(statement);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      for (const statement of statements.down) await queryRunner.query(statement);
    }
  };
}

/** A web app's sessions database: its data source (for the server) and its explicit migration step. */
export function sessionDatabase(options: { applicationName: string; table: string; migrationName: string }): {
  dataSource: (url: string, poolSize?: number) => DataSource;
  migrate: (url: string) => Promise<MigrationReport>;
} {
  const migrations = [sessionTableMigration(options.migrationName, options.table)];
  const database = (url: string, poolSize?: number): SessionDatabaseOptions => ({
    url,
    applicationName: options.applicationName,
    migrations,
    poolSize,
  });
  return {
    dataSource: (url, poolSize) => createSessionDataSource(database(url, poolSize)),
    migrate: (url) => migrateSessionDatabase(database(url)),
  };
}
