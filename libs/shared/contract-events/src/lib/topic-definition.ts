import { z } from 'zod';
import { EVENT_TYPE_PATTERN, TOPIC_NAME_PATTERN, type CloudEvent } from './cloud-event';

/**
 * Public topics may be read by any internal data consumer and are documented in AsyncAPI; restricted
 * topics carry learner-level data and are for the named consumer services only.
 */
export type TopicVisibility = 'public' | 'restricted';

export type EventSchemas = Record<string, z.ZodType>;

export interface TopicDefinition<TEvents extends EventSchemas = EventSchemas> {
  name: string;
  visibility: TopicVisibility;
  /** The service that writes to the topic (through its outbox). */
  producer: string;
  /** Services allowed to read a restricted topic. */
  consumers?: readonly string[];
  description: string;
  /** What the message key is, for partitioning and per-key order. */
  key: string;
  /** Compacted topics keep the latest message per key (the organisation registry). */
  compacted?: boolean;
  events: TEvents;
  /** One line per event type, for the AsyncAPI document. */
  eventDescriptions: { [K in keyof TEvents]: string };
}

export function defineTopic<const TEvents extends EventSchemas>(
  definition: TopicDefinition<TEvents>,
): TopicDefinition<TEvents> {
  if (!TOPIC_NAME_PATTERN.test(definition.name)) {
    throw new Error(`Topic name ${definition.name} does not follow nets.<stream>.v<major>`);
  }
  for (const type of Object.keys(definition.events)) {
    if (!EVENT_TYPE_PATTERN.test(type)) {
      throw new Error(
        `Event type ${type} on ${definition.name} does not follow nets.<domain>.<event>.v<major>`,
      );
    }
  }
  return definition;
}

export type EventTypeOf<T extends TopicDefinition> = Extract<keyof T['events'], string>;

export type PayloadOf<T extends TopicDefinition, K extends EventTypeOf<T>> = z.output<T['events'][K]>;

/** The discriminated union of every event a topic carries, as a consumer receives it. */
export type TopicEvent<T extends TopicDefinition> = {
  [K in EventTypeOf<T>]: CloudEvent<K, PayloadOf<T, K>>;
}[EventTypeOf<T>];
