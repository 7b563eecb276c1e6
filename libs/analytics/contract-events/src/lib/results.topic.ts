import { z } from 'zod';
import { defineTopic } from '@nets/shared/contract-events';

export const RESULT_TABLES = [
  'NATIONAL',
  'REGION',
  'LEARNER_GROUP',
  'PROFESSION',
  'ORGANISATION',
  'SITE',
  'ORGANISATION_BY_LEARNER_GROUP',
  'REGION_BY_LEARNER_GROUP',
  'REGION_BY_PROFESSION',
] as const;

/** A published cell carries numbers; a withheld one says only that it is withheld and why. */
export const resultCellSchema = z.discriminatedUnion('suppressed', [
  z.object({
    suppressed: z.literal(false),
    region: z.string().optional(),
    organisationId: z.string().optional(),
    siteId: z.string().optional(),
    learnerGroup: z.string().optional(),
    profession: z.string().optional(),
    respondents: z.number().int().min(3),
    positive: z.number().int().min(0),
    percentPositive: z.number(),
    intervalLower: z.number(),
    intervalUpper: z.number(),
    flag: z.enum(['RED', 'PINK', 'NONE', 'LIGHT_GREEN', 'GREEN']).nullable(),
  }),
  z.object({
    suppressed: z.literal(true),
    region: z.string().optional(),
    organisationId: z.string().optional(),
    siteId: z.string().optional(),
    learnerGroup: z.string().optional(),
    profession: z.string().optional(),
    /** Always COMPLEMENTARY: one reason for every withheld cell, so it tells nothing of its size. BELOW_MINIMUM is never published. */
    reason: z.enum(['BELOW_MINIMUM', 'COMPLEMENTARY']),
  }),
]);

export const resultsPublishedSchema = z.object({
  year: z.number().int(),
  measureKey: z.string().min(1),
  table: z.enum(RESULT_TABLES),
  /** CLOSED once the cycle has closed: these are then the final results of the year. */
  cycleStatus: z.enum(['OPEN', 'CLOSED', 'UNKNOWN']),
  minCellSize: z.number().int().min(1),
  /** Every cell of the table the graph would show a national analyst, under the same suppression pattern. */
  cells: z.array(resultCellSchema).readonly(),
});

/** Public: suppressed results per (cycle, measure, canonical table), published once when a cycle is released. */
export const resultsTopic = defineTopic({
  name: 'nets.results.v1',
  visibility: 'public',
  producer: 'analytics',
  description:
    'NETS results for data consumers: one message per cycle year, measure and canonical table, carrying only what a national analyst may see (cells of fewer than 3 respondents and their complements withheld, every withheld cell with the one reason COMPLEMENTARY, so the reason says nothing of its size). Published once, when the results of a closed cycle are released; released results never change, so each key has one message (a later one would only be a redelivery of the same cells).',
  key: '`${year}:${measureKey}:${table}`, e.g. "2024:induction:REGION".',
  events: { 'nets.analytics.results-published.v1': resultsPublishedSchema },
  eventDescriptions: {
    'nets.analytics.results-published.v1':
      'The released suppressed results of one canonical table of a measure in a cycle.',
  },
});

export type ResultCell = z.infer<typeof resultCellSchema>;
export type ResultsPublished = z.infer<typeof resultsPublishedSchema>;
export type ResultTable = (typeof RESULT_TABLES)[number];
