export * from './lib/graph-client';
