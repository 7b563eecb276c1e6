export * from './lib/test-database';
export * from './lib/test-kafka';
export * from './lib/wait-for';
export * from './lib/graphql-client';
export * from './lib/test-logger';
export * from './lib/test-platform';
export * from './lib/process-platform';
export * from './lib/platform-steps';
