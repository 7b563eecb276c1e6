import type { Logger } from '@nets/shared/util-logger';

/**
 * The entry point of a process: starts it, stops it cleanly on SIGINT/SIGTERM (twice forces), and
 * exits non-zero when start-up fails.
 */
export function runMain(name: string, logger: Logger, start: () => Promise<{ stop(): Promise<void> }>): void {
  let stopping = false;
  start()
    .then((running) => {
      const shutdown = (signal: NodeJS.Signals) => {
        if (stopping) {
          logger.warn({ signal }, 'forced exit');
          process.exit(1);
        }
        stopping = true;
        logger.info({ signal }, `${name} shutting down`);
        running.stop().then(
          () => process.exit(0),
          (error: unknown) => {
            logger.error({ err: error }, 'shutdown failed');
            process.exit(1);
          },
        );
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    })
    .catch((error: unknown) => {
      logger.fatal({ err: error }, `${name} failed to start`);
      process.exit(1);
    });
}
