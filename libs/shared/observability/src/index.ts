export * from './lib/metrics';
export * from './lib/metrics-server';
export * from './lib/observability-config';
export * from './lib/tracing';
export * from './lib/recording';
export * from './lib/process-observability';
