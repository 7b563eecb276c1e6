export * from './lib/replica.models';
export * from './lib/successor.rules';
