export * from './lib/entities';
export * from './lib/migrations';
export * from './lib/repositories';
