export * from './lib/analytics-service';
export * from './lib/analytics-context';
