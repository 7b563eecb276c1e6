import type {
  ConcernCategory,
  ConcernSource,
  ConcernStatus,
  Regulator,
} from '@nets/concerns/contract-events';

/** What the concerns repositories return: plain records, never TypeORM entities. */

export interface LearnerContactDetails {
  name: string | null;
  email: string | null;
  phone: string | null;
}

export interface ConcernRecord {
  id: string;
  reference: string;
  source: ConcernSource;
  status: ConcernStatus;
  organisationId: string;
  originalOrganisationId: string;
  region: string | null;
  siteId: string | null;
  programme: string | null;
  learnerGroups: string[];
  educationProviderId: string | null;
  category: ConcernCategory;
  standardsAtRisk: string[];
  description: string;
  learnerText: string | null;
  contactDetails: LearnerContactDetails | null;
  followUpCodeHash: string | null;
  /** The learner agreed to be identified to the provider (site and learner group shown). */
  learnerIdentifiable: boolean;
  intakeKey: string | null;
  likelihood: number | null;
  consequence: number | null;
  controls: string | null;
  isfLevel: number | null;
  isfConfigVersion: number | null;
  isfRationale: string | null;
  isfReviewProposed: boolean;
  escalationStep: number;
  nextUpdateDue: Date | null;
  raisedBy: string;
  raisedByRole: string;
  raisedAt: Date;
  updatedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  version: number;
}

export type NewConcernRecord = Omit<ConcernRecord, 'reference' | 'version'>;

export type ConcernChanges = Partial<
  Omit<ConcernRecord, 'id' | 'reference' | 'version' | 'raisedAt' | 'raisedBy' | 'raisedByRole'>
>;

export interface TimelineEntryRecord {
  id: string;
  concernId: string;
  at: Date;
  actor: string;
  actorRole: string;
  kind: string;
  what: string;
  why: string | null;
  restrictedDetail: string | null;
  actionId: string | null;
}

export type NewTimelineEntry = Omit<TimelineEntryRecord, 'id'>;

export type ConcernActionStatus = 'OPEN' | 'COMPLETED';

export interface ConcernActionRecord {
  id: string;
  concernId: string;
  kind: string;
  description: string;
  dueAt: Date | null;
  status: ConcernActionStatus;
  createdBy: string;
  createdAt: Date;
  completedAt: Date | null;
}

export interface RegulatorShareRecord {
  id: string;
  concernId: string;
  regulators: Regulator[];
  summary: string;
  sharedBy: string;
  sharedByRole: string;
  sharedAt: Date;
}

export interface IsfLevelRecord {
  version: number;
  level: number;
  name: string;
  description: string;
  reviewIntervalDays: number;
}

/** Which concerns a reader may see, decided by the service from the caller's identity. */
export type ConcernScope =
  | { kind: 'all' }
  | { kind: 'region'; region: string }
  | { kind: 'organisation'; organisationId: string }
  | { kind: 'education-provider'; organisationId: string };

export interface ConcernListFilter {
  organisationId?: string;
  region?: string;
  status?: ConcernStatus;
  isfLevel?: number;
  category?: ConcernCategory;
  overdue?: boolean;
}

/** Where a page of concerns ends: the UTC day (`YYYY-MM-DD`) it was raised and its id. */
export type ConcernCursor = readonly [day: string, id: string];

export interface ConcernPage {
  items: ConcernRecord[];
  endCursor: ConcernCursor | null;
  hasNextPage: boolean;
  totalCount: number;
}

export interface CountRow {
  key: string;
  count: number;
}

export interface ConcernDashboardRecord {
  total: number;
  byStatus: CountRow[];
  byIsfLevel: CountRow[];
  byCategory: CountRow[];
  byRegion: CountRow[];
  overdueConcerns: number;
  overdueActions: number;
  medianDaysToResolution: number | null;
}
