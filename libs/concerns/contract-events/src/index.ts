export * from './lib/concerns.topic';
