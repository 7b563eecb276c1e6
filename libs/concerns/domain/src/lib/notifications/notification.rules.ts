import { BadUserInputError } from '@nets/shared/util-errors';
import { addWorkingDays } from '../rules/working-days.rules';

/** What the platform emails about, one template each; a user may opt out of any of them. */
export const NOTIFICATION_KINDS = [
  'ACTION_DUE_SOON',
  'ACTION_OVERDUE',
  'CONCERN_ASSIGNED',
  'CONCERN_ESCALATED',
  'PROVIDER_UPDATE_REQUESTED',
  'RESULTS_RELEASED',
  'SELF_ASSESSMENT_RETURNED',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** Whose mailboxes hear of a kind: the organisation concerned, the quality team of its region, or both. */
export type NotificationAudience = 'ORGANISATION' | 'REGION';

export const NOTIFICATION_AUDIENCES: Readonly<Record<NotificationKind, readonly NotificationAudience[]>> = {
  // The provider does the action; the regional quality team follows it up.
  ACTION_DUE_SOON: ['ORGANISATION', 'REGION'],
  ACTION_OVERDUE: ['ORGANISATION', 'REGION'],
  // A new concern lands with the quality team of its region (triage is theirs).
  CONCERN_ASSIGNED: ['REGION'],
  CONCERN_ESCALATED: ['ORGANISATION', 'REGION'],
  PROVIDER_UPDATE_REQUESTED: ['ORGANISATION'],
  RESULTS_RELEASED: ['ORGANISATION', 'REGION'],
  SELF_ASSESSMENT_RETURNED: ['ORGANISATION'],
};

/** An action is reminded when it falls due within this many working days, and again once it is overdue. */
export const ACTION_REMINDER_WORKING_DAYS = 2;

/** What a notification is about: an organisation, a region, or both (the organisation's region). */
export interface NotificationSubject {
  organisationId: string | null;
  region: string | null;
}

/** A team mailbox kept by administrators: one organisation's or one region's quality team's. */
export interface NotificationContactRecord {
  id: string;
  organisationId: string | null;
  region: string | null;
  email: string;
  name: string;
  createdAt: Date;
}

/** A signed-in user who gave an address: hears what their role's scope hears, less the kinds they opted out of. */
export interface NotificationSubscriberRecord {
  userId: string;
  email: string;
  role: string;
  organisationId: string | null;
  region: string | null;
  optedOut: NotificationKind[];
  updatedAt: Date;
}

const ORGANISATION_ROLES = new Set(['PROVIDER_USER', 'EDUCATION_PROVIDER_USER']);

/**
 * The addresses one notification goes to: the subject's organisation and region contacts its kind addresses,
 * and subscribers whose scope is that organisation or region and who have not opted out of the kind. National
 * roles are never recipients (they hear nothing scoped to one organisation). Lower-cased, each once, sorted.
 */
export function notificationRecipients(
  kind: NotificationKind,
  subject: NotificationSubject,
  contacts: readonly NotificationContactRecord[],
  subscribers: readonly NotificationSubscriberRecord[],
): string[] {
  const audiences = NOTIFICATION_AUDIENCES[kind];
  const toOrganisation = audiences.includes('ORGANISATION') && subject.organisationId !== null;
  const toRegion = audiences.includes('REGION') && subject.region !== null;
  const addresses = new Set<string>();
  for (const contact of contacts) {
    if (
      (toOrganisation && contact.organisationId === subject.organisationId) ||
      (toRegion && contact.organisationId === null && contact.region === subject.region)
    )
      addresses.add(contact.email.toLowerCase());
  }
  for (const subscriber of subscribers) {
    if (subscriber.optedOut.includes(kind)) continue;
    const organisationMatch =
      toOrganisation &&
      ORGANISATION_ROLES.has(subscriber.role) &&
      subscriber.organisationId === subject.organisationId;
    const regionMatch =
      toRegion && subscriber.role === 'QUALITY_TEAM' && subscriber.region === subject.region;
    if (organisationMatch || regionMatch) addresses.add(subscriber.email.toLowerCase());
  }
  return [...addresses].sort();
}

/**
 * The business key of a notification: the same fact gives the same key however often it is seen (a redelivered
 * event, a restarted scan), so it is emailed once per recipient.
 */
export function notificationKey(kind: NotificationKind, ...parts: ReadonlyArray<string | number>): string {
  return [kind, ...parts].join(':');
}

/** Where an open action stands for reminders: overdue, due within two working days, or neither. */
export function actionReminderKind(
  dueAt: Date,
  now: Date,
  bankHolidays: readonly string[] = [],
): 'ACTION_OVERDUE' | 'ACTION_DUE_SOON' | null {
  if (dueAt.getTime() <= now.getTime()) return 'ACTION_OVERDUE';
  if (dueAt.getTime() <= actionReminderHorizon(now, bankHolidays).getTime()) return 'ACTION_DUE_SOON';
  return null;
}

/** The latest due time that is "due within two working days" now. */
export function actionReminderHorizon(now: Date, bankHolidays: readonly string[] = []): Date {
  return addWorkingDays(now, ACTION_REMINDER_WORKING_DAYS, bankHolidays);
}

/** Resend delay after a failed delivery: doubling from the base, at most an hour. */
export function deliveryBackoffMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

const EMAIL =
  /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

/** A mailbox address (at most 254 characters, no display name); BAD_USER_INPUT otherwise. */
export function checkEmailAddress(email: string, path: string): string {
  const trimmed = email.trim();
  if (trimmed.length > 254 || !EMAIL.test(trimmed))
    throw new BadUserInputError('Not an email address.', [{ path, message: 'not an email address' }]);
  return trimmed.toLowerCase();
}

/** Each known kind once; BAD_USER_INPUT otherwise. */
export function checkNotificationKinds(kinds: readonly string[], path: string): NotificationKind[] {
  const unique = [...new Set(kinds)];
  for (const kind of unique)
    if (!(NOTIFICATION_KINDS as readonly string[]).includes(kind))
      throw new BadUserInputError('Unknown notification kind.', [{ path, message: 'unknown' }]);
  return unique as NotificationKind[];
}

/** The kinds addressed to an audience (what a contact of that scope receives). */
export function kindsForAudience(audience: NotificationAudience): NotificationKind[] {
  return NOTIFICATION_KINDS.filter((kind) => NOTIFICATION_AUDIENCES[kind].includes(audience));
}

/** Whose emails a role's user may ask for: their organisation's, their region's, or none (national roles). */
export function subscriberAudience(role: string): NotificationAudience | null {
  if (ORGANISATION_ROLES.has(role)) return 'ORGANISATION';
  if (role === 'QUALITY_TEAM') return 'REGION';
  return null;
}
