import type { ResponseSubmitted } from '@nets/response/contract-events';

/** One response's contribution to a fine counter, or a sum of them. */
export interface CounterDelta {
  year: number;
  series: string;
  organisationId: string;
  /** '' when the learner left the site out. */
  siteId: string;
  /** '' when the learner named no education provider. */
  educationProviderId: string;
  profession: string;
  region: string;
  learnerGroup: string;
  respondents: number;
  positive: number;
}

/**
 * One fine cell's contributions from a batch: `[respondents, positive]` per slot key, a slot being a series
 * (measure key, `reason:<question>`, `responses`) or a reason option (`optionSlotKey`), whose respondents
 * are the respondents who chose it.
 */
export interface FineCellDelta {
  year: number;
  organisationId: string;
  /** '' when the learner left the site out. */
  siteId: string;
  /** '' when the learner named no education provider. */
  educationProviderId: string;
  profession: string;
  region: string;
  learnerGroup: string;
  slots: Map<string, [number, number]>;
}

const OPTION_SLOT_PREFIX = 'option:';

/** The slot key of one option of a reason question. */
export const optionSlotKey = (questionCode: string, optionCode: string) =>
  `${OPTION_SLOT_PREFIX}${questionCode}:${optionCode}`;

/** Whether a slot counts the choosers of a reason option rather than a series. */
export const isOptionSlotKey = (key: string) => key.startsWith(OPTION_SLOT_PREFIX);

export interface ReasonDelta {
  year: number;
  questionCode: string;
  organisationId: string;
  siteId: string;
  educationProviderId: string;
  profession: string;
  region: string;
  learnerGroup: string;
  optionCode: string;
  chosen: number;
}

export interface SeriesVersion {
  year: number;
  series: string;
  version: number;
  publishedVersion: number;
}

/** A response waiting for its questionnaire or organisation; the repository parses its payload when read. */
export interface PendingResponseRecord {
  responseId: string;
  questionnaireId: string;
  organisationId: string;
  payload: ResponseSubmitted;
}

export interface UnitFlagRecord {
  year: number;
  measureKey: string;
  unitKey: string;
  flag: string;
  consecutiveRed: number;
}
