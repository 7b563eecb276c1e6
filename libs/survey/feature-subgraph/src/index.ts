export * from './lib/survey-service';
export * from './lib/survey-context';
export * from './lib/domain/questionnaire-validation';
export * from './lib/domain/survey-cycle.rules';
