import { randomBytes } from 'node:crypto';
import { dropDatabase, ensureDatabase } from '@nets/shared/data-access-typeorm';

export const TEST_POSTGRES_URL =
  process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh database on the real PostgreSQL (or `serverUrl`) for one test file; drop it in afterAll. */
export async function createTestDatabase(
  label: string,
  serverUrl = TEST_POSTGRES_URL,
): Promise<TestDatabase> {
  const name = `nets_test_${label.replace(/[^a-z0-9]/g, '_')}_${randomBytes(4).toString('hex')}`;
  const url = `${serverUrl}/${name}`;
  await ensureDatabase(url);
  return { url, drop: () => dropDatabase(url) };
}
