import { z } from 'zod';
import { defineTopic } from '@nets/shared/contract-events';

const day = z.iso.date();

export const codedAnswerSchema = z.object({
  questionCode: z.string().min(1),
  /** The chosen option codes (one for single-answer questions). Free text never travels on a topic. */
  optionCodes: z.array(z.string().min(1)).min(1).readonly(),
});

export const responseSubmittedSchema = z.object({
  /** A random id for this record; not the learner's receipt code. */
  responseId: z.uuid(),
  cycleYear: z.number().int(),
  questionnaireId: z.uuid(),
  questionnaireVersion: z.number().int().positive(),
  /** The day only: finer timing could identify a learner. */
  submittedOn: day,
  profile: z.object({
    learnerGroup: z.string().min(1),
    profession: z.string().min(1),
    programme: z.string().nullable(),
    yearOfTraining: z.number().int().min(1).max(10).nullable(),
  }),
  placement: z.object({
    organisationId: z.uuid(),
    siteId: z.uuid().nullable(),
  }),
  /**
   * The learner's education provider (a registry organisation of kind EDUCATION_PROVIDER) and the code of
   * their programme from the maintained list. Absent or null when the learner did not say (older clients).
   */
  education: z
    .object({
      organisationId: z.uuid(),
      programme: z.string().min(1),
    })
    .nullable()
    .optional(),
  answers: z.array(codedAnswerSchema).readonly(),
  /** Past cycles loaded through the administrator back-fill path. */
  imported: z.boolean(),
});

export const seriousConcernRaisedSchema = z.object({
  concernId: z.uuid(),
  /** SHA-256 (hex) of the follow-up code the learner was given; the code itself is known only to the learner. */
  followUpCodeHash: z.string().regex(/^[0-9a-f]{64}$/),
  cycleYear: z.number().int(),
  raisedOn: day,
  placement: z.object({ organisationId: z.uuid(), siteId: z.uuid().nullable() }),
  learnerGroup: z.string().min(1),
  profession: z.string().min(1),
  /** Unredacted: restricted topic, for the concerns service only. */
  text: z.string().min(1),
  contactDetails: z
    .object({
      name: z.string().nullable(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    })
    .nullable(),
});

/**
 * Restricted: one learner's coded answers per message would let any reader compute cells of fewer than
 * three respondents. For the analytics service only; never in the public AsyncAPI document.
 */
export const responsesTopic = defineTopic({
  name: 'nets.responses.v1',
  visibility: 'restricted',
  producer: 'response',
  consumers: ['analytics'],
  description:
    'Submitted learner responses: coded answers only, no free text, no contact details, no receipt code.',
  key: 'The placement organisation id (UUID).',
  events: { 'nets.response.submitted.v1': responseSubmittedSchema },
  eventDescriptions: { 'nets.response.submitted.v1': 'A learner submitted a response for one placement.' },
});

/** Restricted: unredacted serious concerns and optional contact details, for the concerns service only. */
export const seriousConcernsTopic = defineTopic({
  name: 'nets.serious-concerns.v1',
  visibility: 'restricted',
  producer: 'response',
  consumers: ['concerns'],
  description:
    'Serious or patient-safety concerns learners raised in the survey, with optional contact details.',
  key: 'The placement organisation id (UUID).',
  events: { 'nets.response.serious-concern-raised.v1': seriousConcernRaisedSchema },
  eventDescriptions: {
    'nets.response.serious-concern-raised.v1': 'A learner raised a serious concern about a placement.',
  },
});

export type ResponseSubmitted = z.infer<typeof responseSubmittedSchema>;
export type SeriousConcernRaised = z.infer<typeof seriousConcernRaisedSchema>;
