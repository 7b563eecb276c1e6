export * from './lib/cloud-event';
export * from './lib/topic-definition';
export * from './lib/event-codec';
