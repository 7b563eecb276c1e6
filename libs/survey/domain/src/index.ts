export * from './lib/models';
export * from './lib/reference-data';
export * from './lib/questionnaire-validation';
export * from './lib/survey-cycle.rules';
