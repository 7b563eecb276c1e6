export * from './lib/nhsuk-views';
