import type {
  NhsRegion,
  OrganisationKind,
  OrganisationRole,
  SelfRating,
} from '@nets/provider-assessment/contract-events';
import type { PsaIndicatorKey } from './reference-data/psa-indicators';

/** What the provider-assessment repositories return: plain records, never TypeORM entities. */

export type OrganisationStatus = 'ACTIVE' | 'CLOSED';

export interface SiteRecord {
  id: string;
  code: string;
  name: string;
}

export interface OrganisationRecord {
  id: string;
  odsCode: string;
  name: string;
  kind: OrganisationKind;
  roles: OrganisationRole[];
  region: NhsRegion;
  status: OrganisationStatus;
  successorId: string | null;
  sites: SiteRecord[];
}

export interface OrganisationSearch {
  region?: NhsRegion;
  kind?: OrganisationKind;
  role?: OrganisationRole;
  status?: OrganisationStatus;
  /** Matches the name, the ODS code, or a site's code or name. */
  search?: string;
}

/** Keyset position in the registry's order (name, then id). */
export interface OrganisationCursor {
  name: string;
  id: string;
}

export interface SelfAssessmentCycleRecord {
  year: number;
  opensAt: Date;
  dueAt: Date;
}

export type SelfAssessmentStatus = 'DRAFT' | 'SUBMITTED' | 'UNDER_REVIEW' | 'ACCEPTED' | 'RETURNED';

export interface SelfAssessmentActionRecord {
  description: string;
  owner: string;
  /** ISO date (YYYY-MM-DD). */
  dueDate: string;
}

export interface StandardAnswerRecord {
  code: string;
  rating: SelfRating | null;
  evidence: string | null;
  action: SelfAssessmentActionRecord | null;
}

export interface IndicatorAnswerRecord {
  key: PsaIndicatorKey;
  answer: boolean | null;
}

export interface SignOffRecord {
  name: string;
  jobTitle: string;
  signedAt: string;
  signedBy: string;
}

export interface ReviewRecord {
  decision: 'START_REVIEW' | 'ACCEPT' | 'RETURN';
  comments: string | null;
  reviewer: string;
  at: string;
}

export interface SelfAssessmentRecord {
  id: string;
  organisationId: string;
  /** The organisation's region when the assessment was created: the reviewing team's scope. */
  region: NhsRegion;
  year: number;
  status: SelfAssessmentStatus;
  standards: StandardAnswerRecord[];
  indicators: IndicatorAnswerRecord[];
  signOff: SignOffRecord | null;
  firstSubmittedAt: Date | null;
  submittedAt: Date | null;
  late: boolean;
  submissionCount: number;
  reviews: ReviewRecord[];
  /** Loaded by the back-fill import (historical or demo returns), not through the workflow. */
  imported: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** Moves on with every change; a save naming an older one is refused (optimistic locking). */
  version: number;
}

/** Statuses a summary counts: submitted at least once and not sent back for changes. */
export const COUNTED_STATUSES: readonly SelfAssessmentStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED'];

export interface IndicatorTally {
  year: number;
  key: PsaIndicatorKey;
  yes: number;
  answered: number;
}

export interface RatingTally {
  code: string;
  rating: SelfRating;
  count: number;
}
