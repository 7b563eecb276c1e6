// Events straight onto a topic, byte for byte as the outbox relay sends them: for benchmarks that load a
// service through Kafka faster than the public API could (the analytics replay, the portal's dataset).
import type { Message, Producer } from 'kafkajs';

/**
 * Kafka refuses a record batch over 1 MB per partition and a response event is about 2 KB, so messages go
 * 300 to a request, a few requests in flight.
 */
const SEND_BATCH = 300;

/** Sends in requests of SEND_BATCH messages, `inFlight` at a time, acknowledged by the broker (acks -1). */
export async function sendAll(
  producer: Producer,
  topic: string,
  messages: Message[],
  inFlight = 3,
): Promise<void> {
  const requests: Message[][] = [];
  for (let i = 0; i < messages.length; i += SEND_BATCH) requests.push(messages.slice(i, i + SEND_BATCH));
  for (let i = 0; i < requests.length; i += inFlight) {
    await Promise.all(
      requests
        .slice(i, i + inFlight)
        .map((batch) => producer.sendBatch({ acks: -1, topicMessages: [{ topic, messages: batch }] })),
    );
  }
}
