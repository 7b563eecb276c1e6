export * from './quality-framework-2021';
export * from './measures';
export * from './learner-groups';
export * from './default-questionnaire';
