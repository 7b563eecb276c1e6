export * from './lib/create-logger';
