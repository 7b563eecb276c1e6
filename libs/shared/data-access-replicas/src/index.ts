export * from './lib/organisation-replica.entity';
export * from './lib/replica-handlers';
export * from './lib/replica.repository';
export * from './lib/migrations/1732250000000-replica-tables';
