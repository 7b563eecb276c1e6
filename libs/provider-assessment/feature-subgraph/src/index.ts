export * from './lib/provider-assessment-service';
export * from './lib/provider-assessment-context';
