export * from './lib/response-service';
export * from './lib/response-context';
