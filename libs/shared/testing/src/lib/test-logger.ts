import { createLogger, type Logger } from '@nets/shared/util-logger';

/** Silent unless TEST_LOG_LEVEL is set, so failing tests can be rerun with logs. */
export function testLogger(name = 'test'): Logger {
  const level = (process.env['TEST_LOG_LEVEL'] ?? 'silent') as 'silent';
  return createLogger(name, level);
}
