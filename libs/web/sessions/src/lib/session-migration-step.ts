import type { MigrationReport } from '@nets/shared/data-access-typeorm';

interface StepLogger {
  info(details: object | string, message?: string): void;
  fatal(details: object, message: string): void;
}

/**
 * A web app's explicit migration step (`apps/<app>/src/migrate.ts`, run before its replicas, never at boot):
 * nothing to do when its sessions live in memory (`setting` unset), else migrate and exit 1 on failure.
 */
export function runSessionMigrationStep(options: {
  app: string;
  setting: string;
  url: string | undefined;
  migrate: (url: string) => Promise<MigrationReport>;
  logger: StepLogger;
}): void {
  const { app, setting, url, migrate, logger } = options;
  if (!url) {
    logger.info(`sessions are kept in memory (${setting} unset): nothing to migrate`);
    return;
  }
  migrate(url).then(
    (report) => logger.info(report, `${app} session database migrated`),
    (error: unknown) => {
      logger.fatal({ err: error }, `${app} session database migration failed`);
      process.exit(1);
    },
  );
}
