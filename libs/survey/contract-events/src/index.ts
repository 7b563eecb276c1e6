export * from './lib/questionnaire.schema';
export * from './lib/survey.topic';
