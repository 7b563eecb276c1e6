import { Kafka, logLevel, type KafkaConfig as KafkaJsConfig, type LogEntry } from 'kafkajs';
import type { Logger } from '@nets/shared/util-logger';
import type { KafkaConfig } from './kafka-config';

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
        // Services provisioning the same topics at once race; a real creation failure still throws from provisionTopics.
        if (extra['error'] === 'Topic creation errors') return child.debug(message);
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
