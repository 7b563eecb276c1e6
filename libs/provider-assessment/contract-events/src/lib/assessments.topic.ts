import { z } from 'zod';
import { defineTopic } from '@nets/shared/contract-events';

export const SELF_RATINGS = ['MET', 'PARTLY_MET', 'NOT_MET'] as const;

const assessmentRef = {
  assessmentId: z.uuid(),
  organisationId: z.uuid(),
  year: z.number().int().min(2019).max(2100),
};

export const selfAssessmentSubmittedSchema = z.object({
  ...assessmentRef,
  submittedAt: z.iso.datetime(),
  late: z.boolean(),
  /** Standards (Quality Framework codes) the provider rated itself NOT_MET: each opens a candidate concern. */
  standardsNotMet: z.array(z.string()).readonly(),
  standardsPartlyMet: z.array(z.string()).readonly(),
  resubmission: z.boolean(),
});

export const selfAssessmentAcceptedSchema = z.object({ ...assessmentRef, reviewedAt: z.iso.datetime() });

export const selfAssessmentReturnedSchema = z.object({
  ...assessmentRef,
  reviewedAt: z.iso.datetime(),
  comments: z.string(),
});

/** Public, keyed by organisation id. */
export const assessmentsTopic = defineTopic({
  name: 'nets.assessments.v1',
  visibility: 'public',
  producer: 'provider-assessment',
  description:
    "Providers' yearly self-assessments against the Quality Framework: submitted, accepted, returned.",
  key: 'The organisation id (UUID).',
  events: {
    'nets.assessment.submitted.v1': selfAssessmentSubmittedSchema,
    'nets.assessment.accepted.v1': selfAssessmentAcceptedSchema,
    'nets.assessment.returned.v1': selfAssessmentReturnedSchema,
  },
  eventDescriptions: {
    'nets.assessment.submitted.v1': 'A provider submitted (or resubmitted) its self-assessment, signed off.',
    'nets.assessment.accepted.v1': 'The regional quality team accepted a self-assessment; it is now locked.',
    'nets.assessment.returned.v1': 'The regional quality team returned a self-assessment with comments.',
  },
});

export type SelfRating = (typeof SELF_RATINGS)[number];
