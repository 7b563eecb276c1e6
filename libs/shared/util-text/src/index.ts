export * from './lib/text.rules';
