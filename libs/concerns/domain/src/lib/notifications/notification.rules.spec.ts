import {
  actionReminderKind,
  checkEmailAddress,
  checkNotificationKinds,
  deliveryBackoffMs,
  notificationKey,
  notificationRecipients,
  type NotificationContactRecord,
  type NotificationSubscriberRecord,
} from './notification.rules';

const ORG = '6f1c1d1e-0000-4000-8000-000000000001';
const OTHER_ORG = '6f1c1d1e-0000-4000-8000-000000000002';
const at = new Date('2026-01-01T00:00:00Z');

const contact = (
  email: string,
  scope: { organisationId?: string; region?: string },
): NotificationContactRecord => ({
  id: email,
  organisationId: scope.organisationId ?? null,
  region: scope.region ?? null,
  email,
  name: email,
  createdAt: at,
});

const subscriber = (
  email: string,
  role: string,
  scope: { organisationId?: string; region?: string },
  optedOut: NotificationSubscriberRecord['optedOut'] = [],
): NotificationSubscriberRecord => ({
  userId: email,
  email,
  role,
  organisationId: scope.organisationId ?? null,
  region: scope.region ?? null,
  optedOut,
  updatedAt: at,
});

describe('notification recipients', () => {
  const contacts = [
    contact('quality.london@nhs.example', { region: 'LONDON' }),
    contact('quality.north-west@nhs.example', { region: 'NORTH_WEST' }),
    contact('Education.Lead@Trust.example', { organisationId: ORG }),
    contact('lead@other-trust.example', { organisationId: OTHER_ORG }),
  ];
  const subject = { organisationId: ORG, region: 'LONDON' };

  it('sends an overdue action to the organisation and the quality team of its region, and no one else', () => {
    expect(notificationRecipients('ACTION_OVERDUE', subject, contacts, [])).toEqual([
      'education.lead@trust.example',
      'quality.london@nhs.example',
    ]);
  });

  it('sends a new concern to the regional quality team only', () => {
    expect(notificationRecipients('CONCERN_ASSIGNED', subject, contacts, [])).toEqual([
      'quality.london@nhs.example',
    ]);
  });

  it('sends a returned self-assessment to the organisation only', () => {
    expect(notificationRecipients('SELF_ASSESSMENT_RETURNED', subject, contacts, [])).toEqual([
      'education.lead@trust.example',
    ]);
  });

  it('adds subscribers in scope who have not opted out of the kind, each address once', () => {
    const subscribers = [
      subscriber('me@trust.example', 'PROVIDER_USER', { organisationId: ORG }),
      subscriber('quiet@trust.example', 'PROVIDER_USER', { organisationId: ORG }, ['ACTION_OVERDUE']),
      subscriber('other@other-trust.example', 'PROVIDER_USER', { organisationId: OTHER_ORG }),
      subscriber('QUALITY.LONDON@nhs.example', 'QUALITY_TEAM', { region: 'LONDON' }),
      subscriber('qt@nw.example', 'QUALITY_TEAM', { region: 'NORTH_WEST' }),
      subscriber('analyst@nhs.example', 'NATIONAL_ANALYST', {}),
    ];
    expect(notificationRecipients('ACTION_OVERDUE', subject, contacts, subscribers)).toEqual([
      'education.lead@trust.example',
      'me@trust.example',
      'quality.london@nhs.example',
    ]);
  });

  it('reaches nobody for a subject without organisation or region', () => {
    expect(
      notificationRecipients('RESULTS_RELEASED', { organisationId: null, region: null }, contacts, []),
    ).toEqual([]);
  });
});

describe('action reminders in working days', () => {
  // Thursday 10 December 2026, 09:00 UTC.
  const thursday = new Date('2026-12-10T09:00:00Z');

  it('is overdue once the due time has passed', () => {
    expect(actionReminderKind(new Date('2026-12-10T08:59:59Z'), thursday)).toBe('ACTION_OVERDUE');
    expect(actionReminderKind(thursday, thursday)).toBe('ACTION_OVERDUE');
  });

  it('is due soon within two working days, across a weekend', () => {
    // Two working days after Thursday 09:00 is Monday 09:00.
    expect(actionReminderKind(new Date('2026-12-14T09:00:00Z'), thursday)).toBe('ACTION_DUE_SOON');
    expect(actionReminderKind(new Date('2026-12-14T09:00:01Z'), thursday)).toBeNull();
  });

  it('skips bank holidays', () => {
    const monday = new Date('2026-12-14T09:00:00Z');
    expect(actionReminderKind(monday, thursday, ['2026-12-11'])).toBe('ACTION_DUE_SOON');
    expect(actionReminderKind(new Date('2026-12-15T09:00:00Z'), thursday, ['2026-12-11'])).toBe(
      'ACTION_DUE_SOON',
    );
  });
});

describe('notification keys', () => {
  it('names the kind and the fact, the same every time the fact is seen', () => {
    expect(notificationKey('ACTION_OVERDUE', 'a1')).toBe('ACTION_OVERDUE:a1');
    expect(notificationKey('CONCERN_ESCALATED', 'c1', 2)).toBe(notificationKey('CONCERN_ESCALATED', 'c1', 2));
    expect(notificationKey('ACTION_DUE_SOON', 'a1')).not.toBe(notificationKey('ACTION_OVERDUE', 'a1'));
  });
});

describe('delivery backoff', () => {
  it('doubles from the base and stops at an hour', () => {
    expect([1, 2, 3, 4].map((n) => deliveryBackoffMs(n, 30_000))).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(deliveryBackoffMs(20, 30_000)).toBe(3_600_000);
  });
});

describe('contact input', () => {
  it('takes an address, lower-cased, and refuses anything else', () => {
    expect(checkEmailAddress(' Quality.London@NHS.example ', 'email')).toBe('quality.london@nhs.example');
    for (const bad of ['', 'no-at-sign', 'a@b', 'Name <a@b.example>', 'a@b.example\nBcc: x@y.example'])
      expect(() => checkEmailAddress(bad, 'email')).toThrow('Not an email address.');
  });

  it('takes known kinds, each once', () => {
    expect(checkNotificationKinds(['ACTION_OVERDUE', 'ACTION_OVERDUE'], 'kinds')).toEqual(['ACTION_OVERDUE']);
    expect(() => checkNotificationKinds(['SPAM'], 'kinds')).toThrow('Unknown notification kind.');
  });
});
