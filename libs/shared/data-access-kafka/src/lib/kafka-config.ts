import { z } from 'zod';
import { envBoolean, envList } from '@nets/shared/util-config';

export const kafkaConfigSchema = z.object({
  KAFKA_BROKERS: envList('127.0.0.1:9092'),
  KAFKA_SSL: envBoolean(false),
  KAFKA_SASL_MECHANISM: z.enum(['plain', 'scram-sha-256', 'scram-sha-512']).optional(),
  KAFKA_SASL_USERNAME: z.string().optional(),
  KAFKA_SASL_PASSWORD: z.string().optional(),
  /** Prepended to every topic name: lets tests and shared clusters keep topics apart. */
  KAFKA_TOPIC_PREFIX: z.string().default(''),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).default(3),
  KAFKA_REPLICATION_FACTOR: z.coerce.number().int().min(1).default(1),
});

export type KafkaConfig = z.output<typeof kafkaConfigSchema>;
