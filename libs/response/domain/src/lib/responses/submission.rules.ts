import type { ErrorDetail } from '@nets/shared/util-errors';
import { hasUnstorableCharacters } from '@nets/shared/util-text';
import type { OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import type { LearnerGroupDefinition } from '@nets/survey/contract-events';
import { programmeFor } from './programmes';

export interface ProfileInput {
  learnerGroup: string;
  profession: string;
  programme?: string | null;
  yearOfTraining?: number | null;
}

export interface PlacementInput {
  organisationId: string;
  siteId?: string | null;
  specialty?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

/** The learner's education provider (university, college) and the programme it runs for them. */
export interface EducationInput {
  organisationId: string;
  programme: string;
}

export interface ContactInput {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

/** Specialty, contact name and other short fields. */
export const MAX_SHORT_TEXT = 200;
/** Codes (learner group, profession, question and option codes). */
export const MAX_CODE_LENGTH = 100;
export const MAX_EMAIL_LENGTH = 254;
/** The most answers one response or draft may carry (the questionnaire has far fewer questions). */
export const MAX_ANSWERS = 300;
const PROGRAMME = /^[\p{L}\p{N} .,&()'/-]{1,100}$/u;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{7,20}$/;

/** Every string of a value (nested objects and arrays), with its path, for a blanket check of an input. */
export function checkStrings(value: unknown, path: string): ErrorDetail[] {
  if (typeof value === 'string') {
    return hasUnstorableCharacters(value)
      ? [{ path, message: 'Contains control characters or invalid Unicode.' }]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => checkStrings(item, `${path}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      checkStrings(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}

/**
 * Placement dates a response may give for a cycle: from 1 January of the year before the cycle's year (a
 * placement that began before the survey opened) to the day the cycle closes (31 December of its year
 * when the closing date is not known).
 */
export interface PlacementWindow {
  from: string;
  to: string;
}

export function placementWindow(year: number, closesAt: Date | null | undefined): PlacementWindow {
  return {
    from: `${String(year - 1).padStart(4, '0')}-01-01`,
    to: closesAt ? closesAt.toISOString().slice(0, 10) : `${year}-12-31`,
  };
}

/**
 * The learner group must be one the questionnaire version offers (the survey publishes them with it), and the
 * profession, when given, one of that group's.
 */
export function checkLearnerGroup(
  learnerGroup: string,
  profession: string | null | undefined,
  learnerGroups: readonly LearnerGroupDefinition[],
): ErrorDetail[] {
  const group = learnerGroups.find((candidate) => candidate.code === learnerGroup);
  if (!group) {
    return [
      {
        path: 'profile.learnerGroup',
        message: `Unknown learner group ${learnerGroup.slice(0, MAX_CODE_LENGTH)}.`,
      },
    ];
  }
  if (profession != null && !group.professions.some((candidate) => candidate.code === profession)) {
    return [
      {
        path: 'profile.profession',
        message: `${profession.slice(0, MAX_CODE_LENGTH)} is not a profession of the ${learnerGroup} learner group.`,
      },
    ];
  }
  return [];
}

export function checkProfile(
  profile: ProfileInput,
  learnerGroups: readonly LearnerGroupDefinition[],
): ErrorDetail[] {
  const details = checkLearnerGroup(profile.learnerGroup, profile.profession, learnerGroups);
  // The programme travels on the (restricted) responses topic, so it must be a short label, not free text.
  if (profile.programme != null && !PROGRAMME.test(profile.programme.trim())) {
    details.push({
      path: 'profile.programme',
      message:
        "Programme must be a short course name (up to 100 letters, digits, spaces and . , & ( ) / ' -).",
    });
  }

  const year = profile.yearOfTraining;
  if (year != null && (!Number.isInteger(year) || year < 1 || year > 10)) {
    details.push({ path: 'profile.yearOfTraining', message: 'Year of training must be between 1 and 10.' });
  }
  return details;
}

/** The placement must be at an active placement provider in the registry, at one of its own sites. */
export function checkPlacement(
  placement: PlacementInput,
  organisation: OrganisationSnapshot | undefined,
  window?: PlacementWindow,
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (!organisation) {
    details.push({
      path: 'placement.organisationId',
      message: 'No organisation with this id in the registry.',
    });
  } else {
    if (organisation.status !== 'ACTIVE') {
      details.push({ path: 'placement.organisationId', message: `${organisation.name} is closed.` });
    }
    if (!organisation.roles.includes('PLACEMENT_PROVIDER')) {
      details.push({
        path: 'placement.organisationId',
        message: `${organisation.name} is not a placement provider.`,
      });
    }
    if (placement.siteId != null && !organisation.sites.some((site) => site.id === placement.siteId)) {
      details.push({
        path: 'placement.siteId',
        message: `The site is not one of ${organisation.name}'s sites.`,
      });
    }
  }
  if (
    placement.specialty != null &&
    (placement.specialty.trim() === '' || placement.specialty.length > MAX_SHORT_TEXT)
  ) {
    details.push({
      path: 'placement.specialty',
      message: `Specialty must be 1 to ${MAX_SHORT_TEXT} characters.`,
    });
  }
  details.push(...checkPlacementDates(placement, window));
  return details;
}

/**
 * The education provider must be an active organisation of that kind in the registry (a placement provider
 * that is not also an education provider is refused), and the programme one of the maintained list, for the
 * learner's group.
 */
export function checkEducation(
  education: EducationInput,
  organisation: OrganisationSnapshot | undefined,
  learnerGroup: string,
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (!organisation) {
    details.push({
      path: 'education.organisationId',
      message: 'No organisation with this id in the registry.',
    });
  } else {
    if (organisation.status !== 'ACTIVE') {
      details.push({ path: 'education.organisationId', message: `${organisation.name} is closed.` });
    }
    if (!organisation.roles.includes('EDUCATION_PROVIDER')) {
      details.push({
        path: 'education.organisationId',
        message: `${organisation.name} is not an education provider.`,
      });
    }
  }
  const programme = programmeFor(education.programme);
  if (!programme) {
    details.push({
      path: 'education.programme',
      message: `Unknown programme ${education.programme.slice(0, MAX_CODE_LENGTH)}.`,
    });
  } else if (programme.learnerGroups.length > 0 && !programme.learnerGroups.includes(learnerGroup)) {
    details.push({
      path: 'education.programme',
      message: `${programme.name} is not a programme of the ${learnerGroup.slice(0, MAX_CODE_LENGTH)} learner group.`,
    });
  }
  return details;
}

/** ISO days, start before end, both within the cycle's window. Used for drafts too. */
export function checkPlacementDates(
  placement: Pick<PlacementInput, 'startDate' | 'endDate'>,
  window?: PlacementWindow,
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const start = checkDay(placement.startDate, 'placement.startDate', details, window);
  const end = checkDay(placement.endDate, 'placement.endDate', details, window);
  if (start && end && start > end) {
    details.push({ path: 'placement.endDate', message: 'The placement cannot end before it starts.' });
  }
  return details;
}

export function checkContact(contact: ContactInput | null | undefined, hasConcern: boolean): ErrorDetail[] {
  if (!contact) return [];
  const details: ErrorDetail[] = [];
  if (!hasConcern) {
    details.push({
      path: 'seriousConcernContact',
      message: 'Contact details are only taken with a serious concern.',
    });
  }
  if (contact.name != null && contact.name.length > MAX_SHORT_TEXT) {
    details.push({
      path: 'seriousConcernContact.name',
      message: `Name must be at most ${MAX_SHORT_TEXT} characters.`,
    });
  }
  if (contact.email != null && (contact.email.length > MAX_EMAIL_LENGTH || !EMAIL.test(contact.email))) {
    details.push({ path: 'seriousConcernContact.email', message: 'This is not an email address.' });
  }
  if (contact.phone != null && !PHONE.test(contact.phone)) {
    details.push({ path: 'seriousConcernContact.phone', message: 'This is not a phone number.' });
  }
  if (!contact.name && !contact.email && !contact.phone) {
    details.push({
      path: 'seriousConcernContact',
      message: 'Give a name, email or phone, or leave contact out.',
    });
  }
  return details;
}

export function checkIdempotencyKey(key: string, path = 'idempotencyKey'): ErrorDetail[] {
  return /^[A-Za-z0-9_-]{16,100}$/.test(key)
    ? []
    : [{ path, message: 'The idempotency key must be 16 to 100 letters, digits, - or _ (a UUID will do).' }];
}

function checkDay(
  value: string | null | undefined,
  path: string,
  details: ErrorDetail[],
  window: PlacementWindow | undefined,
): string | undefined {
  if (value == null) return undefined;
  if (!isIsoDay(value)) {
    details.push({ path, message: 'Use a date as YYYY-MM-DD.' });
    return undefined;
  }
  if (window && (value < window.from || value > window.to)) {
    details.push({
      path,
      message: `Give a date from ${window.from} to ${window.to}, the placements this survey cycle covers.`,
    });
    return undefined;
  }
  return value;
}

export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
