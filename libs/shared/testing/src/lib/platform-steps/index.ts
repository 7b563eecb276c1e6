export * from './gateway-client';
export * from './registry.steps';
export * from './survey-cycle.steps';
export * from './learner.steps';
export * from './results-release.steps';
