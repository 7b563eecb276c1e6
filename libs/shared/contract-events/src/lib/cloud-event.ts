import { z } from 'zod';

/** Event types name their domain, event and major version: `nets.response.submitted.v1`. */
export const EVENT_TYPE_PATTERN = /^nets(\.[a-z][a-z0-9-]*)+\.v[0-9]+$/;
/** Topics name their stream and major version: `nets.responses.v1`. */
export const TOPIC_NAME_PATTERN = /^nets\.[a-z][a-z0-9-]*\.v[0-9]+$/;

/** The CloudEvents 1.0 envelope (structured mode, JSON) every message on every topic carries. */
export const cloudEventEnvelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.uuid(),
  source: z.string().min(1),
  type: z.string().regex(EVENT_TYPE_PATTERN),
  time: z.iso.datetime({ offset: true }),
  subject: z.string().min(1).optional(),
  datacontenttype: z.literal('application/json'),
  data: z.unknown(),
});

export type CloudEventEnvelope = z.infer<typeof cloudEventEnvelopeSchema>;

export interface CloudEvent<TType extends string = string, TData = unknown> extends CloudEventEnvelope {
  type: TType;
  data: TData;
}
