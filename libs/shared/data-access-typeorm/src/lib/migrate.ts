import type { DataSource } from 'typeorm';
import { ensureDatabase } from './ensure-database';

export interface MigrationReport {
  createdDatabase: boolean;
  applied: string[];
}

/**
 * The explicit migration step: creates the database if missing and applies pending migrations in one
 * transaction each. Run by `npm start` before the services and by a job in production, never at boot.
 */
export async function migrateDatabase(dataSource: DataSource): Promise<MigrationReport> {
  const url = (dataSource.options as { url?: string }).url;
  const createdDatabase = url ? await ensureDatabase(url) : false;
  const initialised = dataSource.isInitialized;
  if (!initialised) await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return { createdDatabase, applied: applied.map((migration) => migration.name) };
  } finally {
    if (!initialised) await dataSource.destroy();
  }
}

/**
 * SQL that would be needed to make the database match the entities. Empty when migrations and
 * entities agree; the drift test of each service asserts exactly that.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}
