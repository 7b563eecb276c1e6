import { parse } from 'graphql';
import { z } from 'zod';
import { ConfigError } from '@nets/shared/util-config';
import { createLogger } from '@nets/shared/util-logger';
import { startService, type ServiceDefinition } from './run-service';
import { serviceConfigSchema } from './service-config';

describe('startService: a service’s own settings', () => {
  const ENV = 'PROBE_DAILY_LIMIT';
  afterEach(() => {
    delete process.env[ENV];
  });

  it('refuses a bad value before connecting to anything, naming the variable', async () => {
    process.env[ENV] = 'many';
    const createModule = jest.fn();
    const probe: ServiceDefinition<never, { PROBE_DAILY_LIMIT: number }> = {
      name: 'probe',
      typeDefs: parse('type Query { ping: String }'),
      entities: [],
      migrations: [],
      topics: [],
      settingsSchema: z.object({ [ENV]: z.coerce.number().int() }) as z.ZodType<{
        PROBE_DAILY_LIMIT: number;
      }>,
      createModule,
    };
    // A database nobody listens on: reaching it would fail differently (and slowly).
    const config = serviceConfigSchema({ port: 0, database: 'unused' }).parse({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:1/unused',
    });
    const started = startService(probe, config, createLogger('probe', 'silent'));
    await expect(started).rejects.toBeInstanceOf(ConfigError);
    await expect(started).rejects.toThrow(ENV);
    expect(createModule).not.toHaveBeenCalled();
  });
});
