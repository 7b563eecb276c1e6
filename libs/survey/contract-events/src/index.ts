export * from './lib/questionnaire.schema';
export * from './lib/reference-codes';
export * from './lib/survey.topic';
