export * from './lib/graph-client';
export * from './lib/gateway-readiness';
