export * from './lib/entities';
export * from './lib/migrations';
export * from './lib/models';
export * from './lib/reference-data';
export * from './lib/repositories';
export * from './lib/demo';
