import { randomUUID } from 'node:crypto';
import { cloudEventEnvelopeSchema, type CloudEvent } from './cloud-event';
import type { EventTypeOf, PayloadOf, TopicDefinition, TopicEvent } from './topic-definition';

/** A message that breaks its contract. Never retried: consumers park it on the dead-letter topic. */
export class EventContractError extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(issues.length > 0 ? `${message}: ${issues.join('; ')}` : message);
    this.name = 'EventContractError';
  }
}

export interface CreateEventOptions {
  source: string;
  subject?: string;
  id?: string;
  time?: Date;
}

/** Builds a CloudEvent for a topic, validating the payload against its schema (produce-side check). */
export function createEvent<T extends TopicDefinition, K extends EventTypeOf<T>>(
  topic: T,
  type: K,
  data: PayloadOf<T, K>,
  options: CreateEventOptions,
): CloudEvent<K, PayloadOf<T, K>> {
  const schema = topic.events[type];
  if (!schema) {
    throw new EventContractError(`Event type ${type} is not declared on ${topic.name}`);
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new EventContractError(
      `Payload of ${type} breaks its schema`,
      parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return {
    specversion: '1.0',
    id: options.id ?? randomUUID(),
    source: options.source,
    type,
    time: (options.time ?? new Date()).toISOString(),
    ...(options.subject === undefined ? {} : { subject: options.subject }),
    datacontenttype: 'application/json',
    data: parsed.data as PayloadOf<T, K>,
  };
}

/** Parses and validates a message read from a topic (consume-side check). */
export function parseEvent<T extends TopicDefinition>(topic: T, raw: unknown): TopicEvent<T> {
  const envelope = cloudEventEnvelopeSchema.safeParse(raw);
  if (!envelope.success) {
    throw new EventContractError(
      `Message on ${topic.name} is not a CloudEvents 1.0 envelope`,
      envelope.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  const schema = topic.events[envelope.data.type];
  if (!schema) {
    throw new EventContractError(`Event type ${envelope.data.type} is not declared on ${topic.name}`);
  }
  const data = schema.safeParse(envelope.data.data);
  if (!data.success) {
    throw new EventContractError(
      `Payload of ${envelope.data.type} breaks its schema`,
      data.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    );
  }
  return { ...envelope.data, data: data.data } as TopicEvent<T>;
}

export function decodeEventJson<T extends TopicDefinition>(
  topic: T,
  value: Buffer | string | null,
): TopicEvent<T> {
  if (value === null) {
    throw new EventContractError(`Empty message on ${topic.name}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(value.toString());
  } catch {
    throw new EventContractError(`Message on ${topic.name} is not JSON`);
  }
  return parseEvent(topic, raw);
}
