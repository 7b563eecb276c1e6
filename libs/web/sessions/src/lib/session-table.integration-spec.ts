import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { dropDatabase } from '@nets/shared/data-access-typeorm';
import { newSessionId, sessionCookieOptions } from './session-cookie';
import {
  createSessionDataSource,
  migrateSessionDatabase,
  SessionTable,
  sessionTableMigration,
  sessionTableStatements,
} from './session-table';

const SERVER_URL = process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
const TABLE = 'test_session';

interface Data {
  user: string;
}

describe('a web app sessions table in PostgreSQL, read by two replicas', () => {
  const database = {
    url: `${SERVER_URL}/nets_test_web_session_table_${randomBytes(4).toString('hex')}`,
    applicationName: 'web-sessions-test',
    migrations: [sessionTableMigration('TestSessions1767200000000', TABLE)],
  };
  const dataSources: DataSource[] = [];
  let first: SessionTable<Data>;
  let second: SessionTable<Data>;

  beforeAll(async () => {
    await migrateSessionDatabase(database);
    for (const _replica of [0, 1]) dataSources.push(await createSessionDataSource(database).initialize());
    first = new SessionTable<Data>(dataSources[0], TABLE);
    second = new SessionTable<Data>(dataSources[1], TABLE);
  });

  afterAll(async () => {
    for (const dataSource of dataSources) await dataSource.destroy();
    await dropDatabase(database.url);
  });

  const expiryOf = async (id: string): Promise<number> => {
    const [row] = await dataSources[0].query<Array<{ seconds: number }>>(
      `SELECT extract(epoch FROM expires_at - now())::float AS seconds FROM ${TABLE} WHERE id = $1`,
      [id],
    );
    return row?.seconds ?? Number.NaN;
  };

  it('gives one replica what the other wrote, changes included, and forgets what either removed', async () => {
    const id = newSessionId();
    await first.write([{ id, data: { user: 'a' } }], 60_000);
    expect(await second.read(id)).toEqual({ user: 'a' });
    await second.write([{ id, data: { user: 'b' } }], 60_000);
    expect(await first.read(id)).toEqual({ user: 'b' });
    await first.remove([id]);
    expect(await second.read(id)).toBeUndefined();
  });

  it('slides the expiry on a touching read and never returns an expired session', async () => {
    const id = newSessionId();
    await first.write([{ id, data: { user: 'c' } }], 60_000);
    expect(await expiryOf(id)).toBeLessThanOrEqual(60);
    expect(await second.readAndTouch(id, 3_600_000)).toEqual({ user: 'c' });
    expect(await expiryOf(id)).toBeGreaterThan(3_000);

    const expired = newSessionId();
    await first.write([{ id: expired, data: { user: 'd' } }], -1_000);
    expect(await second.read(expired)).toBeUndefined();
    expect(await second.readAndTouch(expired, 60_000)).toBeUndefined();
    expect(await first.sweep()).toBeGreaterThanOrEqual(1);
    expect(await expiryOf(expired)).toBeNaN();
    expect(await first.read(id)).toEqual({ user: 'c' });
  });

  it('refuses a table name it could not put in SQL safely', () => {
    expect(() => sessionTableStatements('x"; DROP TABLE y; --')).toThrow('Not a session table name');
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, Secure over https, and lives as long as the session', () => {
    expect(sessionCookieOptions({ secure: true, ttlMs: 90_500 })).toEqual({
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: true,
      maxAge: 90,
    });
    expect(sessionCookieOptions({ secure: false })).not.toHaveProperty('maxAge');
    expect(newSessionId()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(newSessionId()).not.toBe(newSessionId());
  });
});
