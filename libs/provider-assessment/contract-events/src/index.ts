export * from './lib/organisations.topic';
export * from './lib/assessments.topic';
