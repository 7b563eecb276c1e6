export * from './lib/browser-checks';
