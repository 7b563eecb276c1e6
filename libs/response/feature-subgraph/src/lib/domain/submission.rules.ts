import type { ErrorDetail } from '@nets/shared/util-errors';
import type { OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import { isKnownLearnerGroup, isKnownProfession } from '@nets/response/data-access';

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

export interface ContactInput {
  name?: string | null;
  email?: string | null;
  phone?: string | null;
}

export const MAX_SHORT_TEXT = 200;
const PROGRAMME = /^[\p{L}\p{N} .,&()'/-]{1,100}$/u;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9 ()-]{7,20}$/;

export function checkProfile(profile: ProfileInput): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (!isKnownLearnerGroup(profile.learnerGroup)) {
    details.push({ path: 'profile.learnerGroup', message: `Unknown learner group ${profile.learnerGroup}.` });
  } else if (!isKnownProfession(profile.learnerGroup, profile.profession)) {
    details.push({
      path: 'profile.profession',
      message: `${profile.profession} is not a profession of the ${profile.learnerGroup} learner group.`,
    });
  }
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
  const start = checkDay(placement.startDate, 'placement.startDate', details);
  const end = checkDay(placement.endDate, 'placement.endDate', details);
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
  if (contact.email != null && !EMAIL.test(contact.email)) {
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
): string | undefined {
  if (value == null) return undefined;
  if (!isIsoDay(value)) {
    details.push({ path, message: 'Use a date as YYYY-MM-DD.' });
    return undefined;
  }
  return value;
}

export function isIsoDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
