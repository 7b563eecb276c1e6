import type { ConcernCategory, ConcernSource } from '@nets/concerns/contract-events';
import type { RiskInput } from '../rules/risk-matrix.rules';
import type { ConcernActionKind } from '../rules/concern-actions.rules';
import type { IsfLevelRecord } from './concern.models';

/** What people ask of the concerns service, as plain inputs (GraphQL's optional fields may be null). */
type Maybe<T> = T | null | undefined;

export interface RaiseConcernInput {
  organisationId: string;
  siteId?: Maybe<string>;
  programme?: Maybe<string>;
  educationProviderId?: Maybe<string>;
  learnerGroups?: Maybe<readonly string[]>;
  source?: Maybe<ConcernSource>;
  category: ConcernCategory;
  standardsAtRisk?: Maybe<readonly string[]>;
  description: string;
  risk?: Maybe<RiskInput>;
}

export interface TriageInput {
  category?: Maybe<ConcernCategory>;
  standardsAtRisk?: Maybe<readonly string[]>;
  risk?: Maybe<RiskInput>;
  summary?: Maybe<string>;
  reason: string;
}

export interface AddActionInput {
  kind: ConcernActionKind;
  description: string;
  dueAt?: Maybe<Date>;
  workingDays?: Maybe<number>;
}

export interface PostUpdateInput {
  text: string;
  actionId?: Maybe<string>;
  completesAction?: Maybe<boolean>;
}

export type IsfLevelInput = Omit<IsfLevelRecord, 'version'>;
