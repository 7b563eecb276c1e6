export * from './demo-registry';
export * from './demo-self-assessments';
