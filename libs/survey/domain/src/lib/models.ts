import type { MeasureDefinition, QuestionnaireContent } from '@nets/survey/contract-events';
import type { CycleStatus } from './survey-cycle.rules';

/** What the survey repositories return: plain records, never TypeORM entities. */

export interface QualityStandardRecord {
  edition: string;
  code: string;
  domainNumber: number;
  statement: string;
  descriptors: string[];
}

export interface QualityDomainRecord {
  edition: string;
  number: number;
  title: string;
  overview: string;
  standards: QualityStandardRecord[];
}

export interface QualityFrameworkRecord {
  edition: string;
  title: string;
  publishedYear: number;
  isCurrent: boolean;
  domains: QualityDomainRecord[];
}

export type MeasureRecord = MeasureDefinition;

export interface ProfessionRecord {
  code: string;
  name: string;
  learnerGroupCode: string;
}

export interface LearnerGroupRecord {
  code: string;
  name: string;
  professions: ProfessionRecord[];
}

export interface SurveyCycleRecord {
  year: number;
  name: string;
  opensAt: Date;
  closesAt: Date;
  status: CycleStatus;
  questionnaireId: string | null;
  openedAt: Date | null;
  closedAt: Date | null;
  imported: boolean;
}

export type QuestionnaireStatus = 'DRAFT' | 'PUBLISHED';

export interface QuestionnaireRecord {
  id: string;
  year: number;
  version: number | null;
  status: QuestionnaireStatus;
  content: QuestionnaireContent;
  createdAt: Date;
  updatedAt: Date;
  publishedAt: Date | null;
  publishedBy: string | null;
}
