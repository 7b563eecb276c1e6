export * from './lib/concerns-service';
export * from './lib/concerns-context';
