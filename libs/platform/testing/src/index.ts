export * from './lib/published-learner-groups';
export * from './lib/questionnaire.builders';
export * from './lib/published-events';
export * from './lib/learner-level-topics';
