export * from './lib/request-context';
export * from './lib/resolver-policy';
export * from './lib/error-formatting';
export * from './lib/gateway-proof';
export * from './lib/http-server';
export * from './lib/request-guard';
export * from './lib/subgraph-server';
export * from './lib/load-schema';
