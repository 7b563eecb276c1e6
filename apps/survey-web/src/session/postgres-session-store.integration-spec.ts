import { randomBytes } from 'node:crypto';
import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import type { DataSource } from 'typeorm';
import { dropDatabase } from '@nets/shared/data-access-typeorm';
import { SESSION_COOKIE, sessionOf, type JourneyDependencies } from '../journey/journey-context';
import type { SessionStore } from './learner-session';
import { createPostgresSessionStore } from './postgres-session-store';
import { createSessionDataSource, migrateSessionDatabase } from './session-database';
import { keepSessionsIn } from './session-hooks';

const SERVER_URL = process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432';
const TTL_MS = 60_000;

describe('learner sessions shared by two survey-web replicas', () => {
  const url = `${SERVER_URL}/nets_test_web_sessions_${randomBytes(4).toString('hex')}`;
  const dataSources: DataSource[] = [];
  const stores: SessionStore[] = [];

  beforeAll(async () => {
    await migrateSessionDatabase(url);
    for (const _replica of [0, 1]) {
      const dataSource = await createSessionDataSource(url).initialize();
      dataSources.push(dataSource);
      stores.push(createPostgresSessionStore({ dataSource, ttlMs: TTL_MS, max: 100 }));
    }
  });

  afterAll(async () => {
    for (const store of stores) await store.close();
    for (const dataSource of dataSources) await dataSource.destroy();
    await dropDatabase(url);
  });

  it('gives one replica the session another replica started and changed, and back', async () => {
    const [first, second] = stores;
    const session = first.create();
    session.answers = { Q_SCALE: { optionCodes: ['AGREE'] } };
    session.idempotencyKey = 'key-1';
    await first.flush();

    expect(second.get(session.id)).toBeUndefined();
    await second.load(session.id);
    const seen = second.get(session.id);
    expect(seen).toMatchObject({
      id: session.id,
      answers: { Q_SCALE: { optionCodes: ['AGREE'] } },
      idempotencyKey: 'key-1',
    });

    // Changed in place by a page on the second replica, as pages do, then an answer changes.
    if (!seen) throw new Error('session expected');
    seen.resumeToken = 'token';
    seen.answers = { Q_SCALE: { optionCodes: ['DISAGREE'] } };
    second.touch(seen);
    await second.flush();

    await first.load(session.id);
    const back = first.get(session.id);
    expect(back).toMatchObject({ answers: { Q_SCALE: { optionCodes: ['DISAGREE'] } }, resumeToken: 'token' });
    expect(back?.idempotencyKey).toBeUndefined();
  });

  it('forgets a session deleted or expired on any replica', async () => {
    const [first, second] = stores;
    const deleted = first.create();
    const expired = first.create();
    await first.flush();
    second.delete(deleted.id);
    await second.flush();
    await dataSources[0].query(
      `UPDATE learner_session SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [expired.id],
    );
    for (const id of [deleted.id, expired.id]) {
      await first.load(id);
      expect(first.get(id)).toBeUndefined();
    }
  });

  it('serves one learner from two web servers: each page sees what the last page stored', async () => {
    const servers = await Promise.all(
      stores.map(async (sessions, replica) => {
        const deps = { sessions, secureCookies: false, sessionTtlMs: TTL_MS } as JourneyDependencies;
        const app = Fastify();
        await app.register(fastifyCookie);
        await app.register(async (journey) => {
          keepSessionsIn(journey, sessions);
          // A page that counts the learner's visits, served by whichever replica.
          journey.post('/visit', async (request, reply) => {
            const session = sessionOf(deps, request, reply);
            const visits = Number(session.details.programme ?? 0) + 1;
            session.details = { ...session.details, programme: String(visits) };
            return { replica, visits };
          });
        });
        return { app, url: await app.listen({ host: '127.0.0.1', port: 0 }) };
      }),
    );
    try {
      let cookie = '';
      const visits: Array<{ replica: number; visits: number }> = [];
      for (let page = 0; page < 6; page += 1) {
        const response = await fetch(`${servers[page % 2].url}/visit`, {
          method: 'POST',
          headers: cookie ? { cookie } : {},
        });
        cookie = response.headers.getSetCookie()[0].split(';')[0];
        visits.push((await response.json()) as { replica: number; visits: number });
      }
      expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
      expect(visits).toEqual([0, 1, 0, 1, 0, 1].map((replica, page) => ({ replica, visits: page + 1 })));
    } finally {
      for (const server of servers) await server.app.close();
    }
  });
});
