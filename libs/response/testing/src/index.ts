export * from './lib/learner-groups.fixture';
