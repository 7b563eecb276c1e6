import pino, { type Logger, type LevelWithSilent } from 'pino';
import { activeTraceIds } from '@nets/shared/observability';

export type { Logger } from 'pino';

/**
 * JSON logs to stdout, one line per event, with the service name on every line, and the trace and span ids of
 * the active trace (if any) so a log line leads to its trace. Request loggers add `reqId` (the `x-request-id`).
 */
export function createLogger(service: string, level: LevelWithSilent = 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: activeTraceIds,
    formatters: { level: (label) => ({ level: label }) },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers["x-gateway-secret"]',
        '*.contactDetails',
        '*.password',
      ],
      censor: '[redacted]',
    },
  });
}
