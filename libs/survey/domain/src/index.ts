export * from './lib/models';
export * from './lib/reference-data';
export * from './lib/questionnaire-validation.rules';
export * from './lib/survey-cycle.rules';
