// Prints the SQL a service's entities need beyond what its migrations create: paste it into a new
// migration. Usage: npm run db:diff -- <service>
import { randomBytes } from 'node:crypto';
import {
  createServiceDataSource,
  databaseConfigSchema,
  dropDatabase,
  migrateDatabase,
  pendingSchemaChanges,
} from '@nets/shared/data-access-typeorm';
import { SERVICE_DATABASES } from './service-databases';

async function main(): Promise<void> {
  const service = process.argv[2];
  const definition = SERVICE_DATABASES.find((candidate) => candidate.service === service);
  if (!definition) {
    throw new Error(
      `Usage: db:diff <service>; services: ${SERVICE_DATABASES.map((s) => s.service).join(', ')}`,
    );
  }
  const url = `${process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432'}/nets_diff_${randomBytes(4).toString('hex')}`;
  const dataSource = createServiceDataSource({
    service: `${service}-diff`,
    config: databaseConfigSchema('unused').parse({ DATABASE_URL: url }),
    entities: definition.entities,
    migrations: definition.migrations,
  });
  try {
    await migrateDatabase(dataSource);
    await dataSource.initialize();
    const queries = await pendingSchemaChanges(dataSource);
    process.stdout.write(queries.length ? `${queries.join(';\n')};\n` : '-- entities and migrations agree\n');
    await dataSource.destroy();
  } finally {
    await dropDatabase(url);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
