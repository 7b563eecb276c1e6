export * from './lib/models';
export * from './lib/reference-data';
export * from './lib/ods-code.rules';
export * from './lib/organisation-csv.rules';
export * from './lib/organisation-cursor.rules';
export * from './lib/organisation.rules';
export * from './lib/self-assessment.rules';
export * from './lib/self-assessment-summary.rules';
