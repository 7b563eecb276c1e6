export * from './lib/responses.topic';
