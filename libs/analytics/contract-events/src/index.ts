export * from './lib/analytics-flags.topic';
