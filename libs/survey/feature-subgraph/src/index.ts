export * from './lib/survey-service';
export * from './lib/survey-context';
