export * from './lib/database-config';
export * from './lib/platform-entities';
export * from './lib/create-data-source';
export * from './lib/ensure-database';
export * from './lib/migrate';
export * from './lib/transaction';
export * from './lib/outbox';
export * from './lib/transient-error';
export { PlatformTables1732233600000 } from './lib/migrations/1732233600000-platform-tables';
