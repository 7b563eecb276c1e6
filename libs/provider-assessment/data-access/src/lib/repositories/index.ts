export * from './organisation.repository';
export * from './self-assessment.repository';
