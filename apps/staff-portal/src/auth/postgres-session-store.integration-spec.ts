import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DataSource } from 'typeorm';
import { dropDatabase } from '@nets/shared/data-access-typeorm';
import { cookieOf, failingGraph, fakeIdentityProvider, portal, signIn } from './__fixtures__/sign-in.fixture';
import { createPostgresSessionStore } from './postgres-session-store';
import { createSessionDataSource, migrateSessionDatabase, STAFF_SESSION_TABLE } from './session-database';
import type { SessionStore } from './staff-session';

const SERVER_URL = process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
const ANALYST = { sub: 'national.analyst', role: 'NATIONAL_ANALYST', name: 'Nat Analyst' };

describe('staff sessions in PostgreSQL, shared by portal replicas', () => {
  const url = `${SERVER_URL}/nets_test_staff_sessions_${randomBytes(4).toString('hex')}`;
  let dataSource: DataSource;

  beforeAll(async () => {
    await migrateSessionDatabase(url);
    dataSource = await createSessionDataSource(url).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropDatabase(url);
  });

  it('keeps a session one replica saved for the other, tokens and all, until either deletes it', async () => {
    const stores: SessionStore[] = [];
    for (const _replica of [0, 1])
      stores.push(
        createPostgresSessionStore({
          dataSource: await createSessionDataSource(url).initialize(),
          ttlMs: 60_000,
        }),
      );
    const [first, second] = stores as [SessionStore, SessionStore];
    const session = await first.create();
    // Created, not yet saved: nobody finds it.
    expect(await second.get(session.id)).toBeUndefined();
    session.user = { subject: 'u-1', name: 'Nat Analyst', role: 'NATIONAL_ANALYST' };
    session.tokens = { accessToken: 'access-1', expiresAt: 1_900_000_000_000, refreshToken: 'refresh-1' };
    await first.save(session);
    expect(await second.get(session.id)).toEqual(session);
    await second.delete(session.id);
    expect(await first.get(session.id)).toBeUndefined();
    expect(await second.get(undefined)).toBeUndefined();
    for (const store of stores) await store.close();
  });

  it('signs in on one replica, serves the next page on another, and signs out everywhere', async () => {
    const env = { STAFF_PORTAL_SESSION_DATABASE_URL: url };
    const replicas: FastifyInstance[] = [];
    for (const _replica of [0, 1])
      replicas.push(await portal(failingGraph('FORBIDDEN'), fakeIdentityProvider(ANALYST), env));
    const [first, second] = replicas as [FastifyInstance, FastifyInstance];

    const { callback, cookie } = await signIn(first, '/overview');
    expect(callback.statusCode).toBe(303);
    const [row] = await dataSource.query<Array<{ count: number }>>(
      `SELECT count(*)::int AS count FROM ${STAFF_SESSION_TABLE} WHERE id = $1`,
      [cookie.split('=')[1]],
    );
    expect(row?.count).toBe(1);
    const home = await second.inject({ method: 'GET', url: '/', headers: { cookie } });
    expect(home.body).toContain('You are signed in as Nat Analyst');

    const signOut = await second.inject({ method: 'POST', url: '/sign-out', headers: { cookie } });
    expect(signOut.statusCode).toBe(303);
    expect(cookieOf(signOut.headers['set-cookie'])).toBe('nets_staff_session=');
    const again = await first.inject({ method: 'GET', url: '/overview', headers: { cookie } });
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/sign-in?returnTo=%2Foverview');
    for (const replica of replicas) await replica.close();
  });
});
