import { z } from 'zod';
import { REGIONS } from '@nets/shared/auth';
import { defineTopic } from '@nets/shared/contract-events';

export const ORGANISATION_KINDS = [
  'NHS_TRUST',
  'FOUNDATION_TRUST',
  'GP_PRACTICE',
  'DENTAL_PRACTICE',
  'COMMUNITY_PHARMACY',
  'INDEPENDENT_SECTOR',
  'HOSPICE',
  'LOCAL_AUTHORITY',
  'UNIVERSITY',
  'FURTHER_EDUCATION_COLLEGE',
  'OTHER',
] as const;
export const ORGANISATION_ROLES = ['PLACEMENT_PROVIDER', 'EDUCATION_PROVIDER'] as const;
/** The seven NHS England regions, as identities carry them. */
export const NHS_REGIONS = REGIONS;
export const ORGANISATION_STATUSES = ['ACTIVE', 'CLOSED'] as const;

export const siteSnapshotSchema = z.object({
  id: z.uuid(),
  code: z.string().min(1),
  name: z.string().min(1),
});

/** The whole organisation as it is now: every event carries it, so the compacted topic is the registry. */
export const organisationSnapshotSchema = z.object({
  id: z.uuid(),
  odsCode: z.string().min(3),
  name: z.string().min(1),
  kind: z.enum(ORGANISATION_KINDS),
  roles: z.array(z.enum(ORGANISATION_ROLES)).min(1).readonly(),
  region: z.enum(NHS_REGIONS),
  sites: z.array(siteSnapshotSchema).readonly(),
  status: z.enum(ORGANISATION_STATUSES),
  /** Set when the organisation merged into another: results and concerns follow the successor. */
  successorId: z.uuid().nullable(),
});

export const organisationChangedSchema = z.object({ organisation: organisationSnapshotSchema });
export const organisationMergedSchema = z.object({
  organisation: organisationSnapshotSchema,
  successor: organisationSnapshotSchema,
});

/** Public, compacted, keyed by organisation id: the latest message per key is the organisation's current state. */
export const organisationsTopic = defineTopic({
  name: 'nets.organisations.v1',
  visibility: 'public',
  producer: 'provider-assessment',
  description:
    'The organisation registry: placement and education providers with their NHS ODS code, kind, region and sites. Compacted: every message carries the full organisation, so reading the topic from the beginning gives the current registry.',
  key: 'The organisation id (UUID).',
  compacted: true,
  events: {
    'nets.organisation.registered.v1': organisationChangedSchema,
    'nets.organisation.updated.v1': organisationChangedSchema,
    'nets.organisation.merged.v1': organisationMergedSchema,
    'nets.organisation.closed.v1': organisationChangedSchema,
  },
  eventDescriptions: {
    'nets.organisation.registered.v1': 'An organisation joined the registry.',
    'nets.organisation.updated.v1': 'An organisation or its sites changed.',
    'nets.organisation.merged.v1':
      'An organisation closed by merging into its successor; results and concerns follow the successor.',
    'nets.organisation.closed.v1': 'An organisation closed.',
  },
});

export type OrganisationSnapshot = z.infer<typeof organisationSnapshotSchema>;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type OrganisationRole = (typeof ORGANISATION_ROLES)[number];
export type NhsRegion = (typeof NHS_REGIONS)[number];
