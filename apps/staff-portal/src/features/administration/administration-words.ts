import { REGION_NAMES, REGIONS, type Region } from '@nets/shared/auth';
import type {
  OrganisationKind,
  OrganisationRole,
  OrganisationStatus,
  QuestionType,
  SurveyCycleStatus,
} from '../../__generated__/graphql';

export { dayOf, dateTimeOf } from '../../views/london-dates';

export const CYCLE_STATUS_WORDS: Readonly<Record<SurveyCycleStatus, string>> = {
  DRAFT: 'Draft: not open yet',
  OPEN: 'Open for responses',
  CLOSED: 'Closed',
};

export const ORGANISATION_KINDS: ReadonlyArray<{ value: OrganisationKind; text: string }> = [
  { value: 'NHS_TRUST', text: 'NHS trust' },
  { value: 'FOUNDATION_TRUST', text: 'NHS foundation trust' },
  { value: 'GP_PRACTICE', text: 'GP practice' },
  { value: 'DENTAL_PRACTICE', text: 'Dental practice' },
  { value: 'COMMUNITY_PHARMACY', text: 'Community pharmacy' },
  { value: 'INDEPENDENT_SECTOR', text: 'Independent sector' },
  { value: 'HOSPICE', text: 'Hospice' },
  { value: 'LOCAL_AUTHORITY', text: 'Local authority' },
  { value: 'UNIVERSITY', text: 'University' },
  { value: 'FURTHER_EDUCATION_COLLEGE', text: 'Further education college' },
  { value: 'OTHER', text: 'Other' },
];

export const ORGANISATION_ROLE_OPTIONS: ReadonlyArray<{ value: OrganisationRole; text: string }> = [
  { value: 'PLACEMENT_PROVIDER', text: 'Placement provider' },
  { value: 'EDUCATION_PROVIDER', text: 'Education provider' },
];

export const ORGANISATION_STATUS_WORDS: Readonly<Record<OrganisationStatus, string>> = {
  ACTIVE: 'Active',
  CLOSED: 'Closed',
};

export const QUESTION_TYPE_WORDS: Readonly<Record<QuestionType, string>> = {
  AGREEMENT_SCALE: 'Agreement scale',
  YES_NO: 'Yes or no',
  YES_NO_NA: 'Yes, no or not applicable',
  SINGLE_CHOICE: 'One choice',
  MULTIPLE_CHOICE: 'Several choices',
  FREE_TEXT: 'Free text',
};

export const REGION_OPTIONS = REGIONS.map((value) => ({ value, text: REGION_NAMES[value] }));

export const kindWords = (kind: string): string =>
  ORGANISATION_KINDS.find((k) => k.value === kind)?.text ?? kind;
export const roleWords = (role: string): string =>
  ORGANISATION_ROLE_OPTIONS.find((r) => r.value === role)?.text ?? role;
export const regionWords = (region: string): string => REGION_NAMES[region as Region] ?? region;

export const isKind = (value: string): value is OrganisationKind =>
  ORGANISATION_KINDS.some((k) => k.value === value);
export const isOrganisationRole = (value: string): value is OrganisationRole =>
  ORGANISATION_ROLE_OPTIONS.some((r) => r.value === value);
export const isRegion = (value: string): value is Region => (REGIONS as readonly string[]).includes(value);
