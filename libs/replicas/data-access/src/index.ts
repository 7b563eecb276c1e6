export * from './lib/replica.entities';
export * from './lib/replica-handlers';
export * from './lib/replica.repository';
export * from './lib/migrations';
