export * from './lib/kafka-config';
export * from './lib/kafka-client';
export * from './lib/topics';
export * from './lib/producer';
export * from './lib/outbox-relay';
export * from './lib/consumer-runner';
