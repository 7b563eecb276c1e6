import fastifyCookie from '@fastify/cookie';
import Fastify from 'fastify';
import { createMemorySessionStore } from '../session/learner-session';
import { SESSION_COOKIE, sessionOf, type JourneyDependencies } from './journey-context';

describe('the learner session cookie', () => {
  it('is sent again with every page, the same session with a fresh expiry, so an active learner keeps it', async () => {
    const deps = {
      sessions: createMemorySessionStore({ ttlMs: 60_000, max: 10 }),
      secureCookies: false,
      sessionTtlMs: 60_000,
    } as JourneyDependencies;
    const app = Fastify();
    await app.register(fastifyCookie);
    app.get('/', async (request, reply) => ({ id: sessionOf(deps, request, reply).id }));
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    const get = async (cookie?: string) => {
      const response = await fetch(url, { headers: cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {} });
      return {
        id: ((await response.json()) as { id: string }).id,
        setCookies: response.headers.getSetCookie(),
      };
    };

    const first = await get();
    const id = first.id;
    expect(first.setCookies).toEqual([`${SESSION_COOKIE}=${id}; Max-Age=60; Path=/; HttpOnly; SameSite=Lax`]);

    const again = await get(id);
    expect(again.id).toBe(id);
    expect(again.setCookies).toEqual([`${SESSION_COOKIE}=${id}; Max-Age=60; Path=/; HttpOnly; SameSite=Lax`]);

    const unknown = await get('expired');
    expect(unknown.id).not.toBe('expired');
    expect(unknown.setCookies[0]).toContain(`${SESSION_COOKIE}=${unknown.id};`);
    await app.close();
  });
});
