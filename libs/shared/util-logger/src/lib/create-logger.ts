import pino, { type Logger, type LevelWithSilent } from 'pino';

export type { Logger } from 'pino';

/** JSON logs to stdout, one line per event, with the service name on every line. */
export function createLogger(service: string, level: LevelWithSilent = 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
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
