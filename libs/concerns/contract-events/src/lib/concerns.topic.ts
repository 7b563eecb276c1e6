import { z } from 'zod';
import { defineTopic } from '@nets/shared/contract-events';

export const CONCERN_STATUSES = [
  'RAISED',
  'TRIAGED',
  'ACTION_PLAN_AGREED',
  'MONITORING',
  'RESOLUTION_PROPOSED',
  'RESOLVED',
  'CLOSED',
  'ESCALATED',
  'WITHDRAWN',
] as const;

export const CONCERN_SOURCES = [
  'LEARNER_SERIOUS_CONCERN',
  'ANALYTICS_RED_FLAG',
  'ANALYTICS_PERSISTENT_RED_FLAG',
  'PROVIDER_SELF_ASSESSMENT',
  'PROVIDER_SELF_REPORT',
  'EDUCATION_PROVIDER',
  'QUALITY_TEAM',
  'REGULATOR',
] as const;

export const CONCERN_CATEGORIES = [
  'PATIENT_SAFETY',
  'LEARNER_SAFETY',
  'SUPERVISION',
  'BULLYING_AND_HARASSMENT',
  'DISCRIMINATION',
  'SEXUAL_SAFETY',
  'WORKLOAD_AND_ROTA',
  'EDUCATION_DELIVERY',
  'FACILITIES',
  'WELLBEING',
  'GOVERNANCE',
  'OTHER',
] as const;

export const RISK_BANDS = ['LOW', 'MODERATE', 'HIGH', 'EXTREME'] as const;

/** Signatories of the Emerging Concerns Protocol that a concern may be shared with. */
export const REGULATORS = [
  'CQC',
  'GMC',
  'NMC',
  'HCPC',
  'GPHC',
  'GDC',
  'GOC',
  'GOSC',
  'GCC',
  'HSSIB',
  'SOCIAL_WORK_ENGLAND',
  'PSA',
  'NHS_ENGLAND',
  'OFSTED',
  'PHSO',
] as const;

/** Every event names the concern, its readable reference and its organisation; never learner text or identity. */
const concernRef = {
  concernId: z.uuid(),
  reference: z.string().regex(/^C-\d{4}-\d{6}$/),
  organisationId: z.uuid(),
  status: z.enum(CONCERN_STATUSES),
  occurredAt: z.iso.datetime(),
  actorRole: z.string().min(1),
};

export const concernRaisedSchema = z.object({
  ...concernRef,
  source: z.enum(CONCERN_SOURCES),
  category: z.enum(CONCERN_CATEGORIES),
  standardsAtRisk: z.array(z.string()).readonly(),
  riskBand: z.enum(RISK_BANDS).nullable(),
});

export const concernTriagedSchema = z.object({
  ...concernRef,
  category: z.enum(CONCERN_CATEGORIES),
  riskBand: z.enum(RISK_BANDS).nullable(),
});

export const concernEscalatedSchema = z.object({
  ...concernRef,
  fromStep: z.number().int().min(1).max(3),
  toStep: z.number().int().min(1).max(3),
});

export const concernLevelChangedSchema = z.object({
  ...concernRef,
  fromLevel: z.number().int().positive().nullable(),
  toLevel: z.number().int().positive(),
  configVersion: z.number().int().positive(),
});

export const concernUpdatePostedSchema = z.object({ ...concernRef, actionId: z.uuid().nullable() });
export const concernStatusChangedSchema = z.object({ ...concernRef });
export const concernSharedWithRegulatorSchema = z.object({
  ...concernRef,
  regulators: z.array(z.enum(REGULATORS)).min(1).readonly(),
});

/**
 * Public: the life of quality concerns, for any internal consumer. Keyed by concern id, so one concern's
 * events stay in order. Payloads carry codes and ids only: no learner text, contact details or identity.
 */
export const concernsTopic = defineTopic({
  name: 'nets.concerns.v1',
  visibility: 'public',
  producer: 'concerns',
  description:
    'Quality concerns about learning environments: raised, triaged, graded, escalated, updated, resolved, closed, withdrawn and shared with regulators. No learner text or identity.',
  key: 'The concern id (UUID).',
  events: {
    'nets.concern.raised.v1': concernRaisedSchema,
    'nets.concern.triaged.v1': concernTriagedSchema,
    'nets.concern.escalated.v1': concernEscalatedSchema,
    'nets.concern.level-changed.v1': concernLevelChangedSchema,
    'nets.concern.update-posted.v1': concernUpdatePostedSchema,
    'nets.concern.resolution-proposed.v1': concernStatusChangedSchema,
    'nets.concern.resolved.v1': concernStatusChangedSchema,
    'nets.concern.closed.v1': concernStatusChangedSchema,
    'nets.concern.withdrawn.v1': concernStatusChangedSchema,
    'nets.concern.shared-with-regulator.v1': concernSharedWithRegulatorSchema,
  },
  eventDescriptions: {
    'nets.concern.raised.v1': 'A concern was raised, by a person or from an automatic source.',
    'nets.concern.triaged.v1': 'The regional quality team triaged a concern.',
    'nets.concern.escalated.v1': 'A concern moved up the escalation pathway (steps 1 to 3).',
    'nets.concern.level-changed.v1': 'The Intensive Support Framework level of a concern changed.',
    'nets.concern.update-posted.v1': 'A progress update was posted on a concern.',
    'nets.concern.resolution-proposed.v1':
      'The provider proposed that the concern is resolved, with evidence.',
    'nets.concern.resolved.v1': 'The quality team confirmed the resolution.',
    'nets.concern.closed.v1': 'A resolved concern was closed.',
    'nets.concern.withdrawn.v1': 'A concern was withdrawn.',
    'nets.concern.shared-with-regulator.v1':
      'A concern was shared with one or more regulators under the Emerging Concerns Protocol.',
  },
});

export type ConcernStatus = (typeof CONCERN_STATUSES)[number];
export type ConcernSource = (typeof CONCERN_SOURCES)[number];
export type ConcernCategory = (typeof CONCERN_CATEGORIES)[number];
export type RiskBand = (typeof RISK_BANDS)[number];
export type Regulator = (typeof REGULATORS)[number];
export type ConcernRaised = z.infer<typeof concernRaisedSchema>;
