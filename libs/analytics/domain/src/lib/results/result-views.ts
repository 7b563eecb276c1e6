import type { CanonicalTableId } from '../disclosure/canonical-tables';
import type { SuppressionReason } from '../disclosure/suppression-pattern';
import type { Flag } from '../statistics/outlier-flags';

export interface ResultsFilterInput {
  regions?: readonly string[] | null;
  learnerGroups?: readonly string[] | null;
  professions?: readonly string[] | null;
  organisationIds?: readonly string[] | null;
  siteIds?: readonly string[] | null;
  educationProviderIds?: readonly string[] | null;
}

export interface ResultGroupView {
  table: CanonicalTableId;
  region: string | null;
  organisationId: string | null;
  siteId: string | null;
  learnerGroup: string | null;
  profession: string | null;
  educationProviderId: string | null;
}

/** One row as a reader may see it: a withheld row carries its group and reason, never a number. */
export interface MeasureResultView {
  year: number;
  measureKey: string;
  measureTitle: string;
  group: ResultGroupView;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
  noData: boolean;
  respondents: number | null;
  positive: number | null;
  percentPositive: number | null;
  interval: { lower: number; upper: number } | null;
  flag: Flag | null;
  benchmark: { national: number | null; learnerGroup: number | null };
}

export interface QualityFlagView extends MeasureResultView {
  persistent: boolean;
  consecutiveRedYears: number;
}

export interface ReasonShareView {
  optionCode: string;
  label: string;
  chosen: number;
  percent: number;
  rank: number;
}

export interface ReasonRankingView {
  year: number;
  questionCode: string;
  questionText: string;
  group: ResultGroupView;
  suppressed: boolean;
  suppressionReason: SuppressionReason | null;
  noData: boolean;
  respondents: number | null;
  reasons: ReasonShareView[];
}

export interface NationalSummaryView {
  year: number;
  released: boolean;
  respondents: number | null;
  measures: MeasureResultView[];
  reasons: ReasonRankingView[];
}

export interface OrganisationRef {
  id: string;
}
export interface SurveyCycleRef {
  year: number;
}
export interface MeasureRef {
  key: string;
}

export interface ResultsReleaseView {
  year: number;
  status: 'NOT_RELEASED' | 'RELEASED';
  releasedAt: Date | null;
  respondents: number | null;
  lateResponses: number;
}
