import { z } from 'zod';
import { ConfigError, baseConfigSchema, envBoolean, envList, envPort, loadConfig } from './load-config';

describe('loadConfig', () => {
  const schema = baseConfigSchema.extend({
    PORT: envPort(4001),
    FLAG: envBoolean(false),
    BROKERS: envList('127.0.0.1:9092'),
  });

  it('applies safe local defaults', () => {
    expect(loadConfig(schema, {})).toEqual({
      NETS_ENV: 'development',
      LOG_LEVEL: 'info',
      PORT: 4001,
      FLAG: false,
      BROKERS: ['127.0.0.1:9092'],
    });
  });

  it('parses values from the environment', () => {
    const config = loadConfig(schema, {
      PORT: '5000',
      FLAG: '1',
      BROKERS: 'a:1, b:2',
      NETS_ENV: 'production',
    });
    expect(config.PORT).toBe(5000);
    expect(config.FLAG).toBe(true);
    expect(config.BROKERS).toEqual(['a:1', 'b:2']);
    expect(config.NETS_ENV).toBe('production');
  });

  it('fails fast naming every bad variable', () => {
    expect(() => loadConfig(schema, { PORT: 'abc', NETS_ENV: 'staging' })).toThrow(ConfigError);
    try {
      loadConfig(schema, { PORT: 'abc', NETS_ENV: 'staging' });
    } catch (error) {
      expect((error as Error).message).toContain('PORT');
      expect((error as Error).message).toContain('NETS_ENV');
    }
  });

  it('supports refinements across variables', () => {
    const strict = z
      .object({ SECRET: z.string().optional(), NETS_ENV: z.string() })
      .refine((c) => c.NETS_ENV !== 'production' || c.SECRET !== undefined, {
        message: 'SECRET is required in production',
        path: ['SECRET'],
      });
    expect(() => loadConfig(strict, { NETS_ENV: 'production' })).toThrow(/SECRET is required/);
  });
});
