import { z } from 'zod';
import { defineTopic } from '@nets/shared/contract-events';

export const OUTLIER_FLAGS = [
  'RED',
  'PINK',
  'NONE',
  'LIGHT_GREEN',
  'GREEN',
  'SUPPRESSED',
  'NO_DATA',
] as const;

export const flagChangedSchema = z.object({
  year: z.number().int(),
  measureKey: z.string().min(1),
  /** The unit flagged: an organisation, optionally narrowed to one learner group. */
  organisationId: z.uuid(),
  learnerGroup: z.string().nullable(),
  flag: z.enum(['RED', 'GREEN']),
  previousFlag: z.enum(OUTLIER_FLAGS).nullable(),
  /** RED in this and the previous cycle (or more). */
  persistent: z.boolean(),
  consecutiveRedYears: z.number().int().min(0),
  respondents: z.number().int().min(3),
  percentPositive: z.number(),
  intervalLower: z.number(),
  intervalUpper: z.number(),
  benchmark: z.number(),
});

/** Public: outlier flags for units with at least 3 respondents, keyed by organisation id. */
export const analyticsFlagsTopic = defineTopic({
  name: 'nets.analytics-flags.v1',
  visibility: 'public',
  producer: 'analytics',
  description:
    'A unit became RED (risk) or GREEN (good practice) on a measure, or a RED became persistent. Only units with at least 3 respondents are ever flagged.',
  key: 'The organisation id (UUID).',
  events: { 'nets.analytics.flag-changed.v1': flagChangedSchema },
  eventDescriptions: {
    'nets.analytics.flag-changed.v1': "A unit's outlier flag changed to RED or GREEN, or became persistent.",
  },
});

export type FlagChanged = z.infer<typeof flagChangedSchema>;
