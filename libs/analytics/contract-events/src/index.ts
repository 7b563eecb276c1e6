export * from './lib/analytics-flags.topic';
export * from './lib/results.topic';
