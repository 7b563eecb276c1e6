import { Kafka, logLevel, type KafkaConfig as KafkaJsConfig, type LogEntry } from 'kafkajs';
import type { Logger } from '@nets/shared/util-logger';
import type { KafkaConfig } from './kafka-config';

const BENIGN_ERRORS = [
  'Topic creation errors',
  'The group is rebalancing',
  'The coordinator is loading',
  'The coordinator is not available',
];

/** A KafkaJS client whose own logs go through the service's structured logger. */
export function createKafkaClient(config: KafkaConfig, clientId: string, logger: Logger): Kafka {
  const options: KafkaJsConfig = {
    clientId,
    brokers: config.KAFKA_BROKERS,
    ssl: config.KAFKA_SSL,
    connectionTimeout: 5000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 200, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        const child = logger.child({ component: 'kafkajs', ...extra });
        // Expected with bounded retries: correctness rests on the outbox and idempotent consumers.
        if (message.startsWith('Limiting retries for the idempotent producer')) return;
        // Expected while services start together (topic provisioning races, group rebalances, a fresh
        // coordinator); KafkaJS retries them, and a real failure still surfaces as an exception.
        if (
          typeof extra['error'] === 'string' &&
          BENIGN_ERRORS.some((text) => (extra['error'] as string).includes(text))
        ) {
          return child.debug(message);
        }
        if (level <= logLevel.ERROR) child.error(message);
        else if (level === logLevel.WARN) child.warn(message);
        else child.debug(message);
      },
  };
  if (config.KAFKA_SASL_MECHANISM) {
    if (!config.KAFKA_SASL_USERNAME || !config.KAFKA_SASL_PASSWORD) {
      throw new Error('KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are required with KAFKA_SASL_MECHANISM');
    }
    options.sasl = {
      mechanism: config.KAFKA_SASL_MECHANISM,
      username: config.KAFKA_SASL_USERNAME,
      password: config.KAFKA_SASL_PASSWORD,
    } as KafkaJsConfig['sasl'];
  }
  return new Kafka(options);
}
