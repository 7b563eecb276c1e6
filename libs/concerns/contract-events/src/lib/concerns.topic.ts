import { z } from 'zod';
import { defineTopic } from '@nets/shared/contract-events';

/** Example payload: replace it with the concerns service's first real event. */
export const exampleRecordedSchema = z.object({
  id: z.uuid(),
  createdAt: z.iso.datetime(),
});

/**
 * Public: documented in AsyncAPI for any internal consumer. Make it `restricted` (and list its consumers)
 * before it carries learner-level data. Keyed by record id, so one record's events stay in order.
 */
export const concernsTopic = defineTopic({
  name: 'nets.concerns.v1',
  visibility: 'public',
  producer: 'concerns',
  description: 'Changes made by the concerns service.',
  key: 'The id of the record the event is about.',
  events: {
    'nets.concerns.example-recorded.v1': exampleRecordedSchema,
  },
  eventDescriptions: {
    'nets.concerns.example-recorded.v1': 'Example event, to be replaced by the first real one.',
  },
});

export type ExampleRecorded = z.infer<typeof exampleRecordedSchema>;
