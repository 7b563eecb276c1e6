import { Partitioners, type Kafka, type Producer } from 'kafkajs';

/**
 * An idempotent producer (acks=all, retries without duplicates within a session). KafkaJS marks this
 * experimental: correctness comes from the outbox and idempotent consumers, this only reduces duplicates.
 */
export function createIdempotentProducer(kafka: Kafka): Producer {
  return kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    // murmur2, as the Java client: consumers in any language agree on which partition a key lands in.
    createPartitioner: Partitioners.DefaultPartitioner,
  });
}
