export * from './reference-data.repository';
export * from './survey-cycle.repository';
export * from './questionnaire.repository';
