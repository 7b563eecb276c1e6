import { NOTIFICATION_KINDS } from '../notification.rules';
import {
  escapeHtml,
  formatLondonDay,
  renderNotification,
  type NotificationFacts,
} from './notification-templates';

const due = new Date('2026-12-11T12:00:00Z');
const hostile = 'St <b>Mary</b>\'s & "Royal"\r\nBcc: someone@evil.example';

const examples: Record<(typeof NOTIFICATION_KINDS)[number], NotificationFacts> = {
  ACTION_DUE_SOON: {
    kind: 'ACTION_DUE_SOON',
    reference: 'C-2026-123456',
    organisationName: hostile,
    actionKind: 'IMMEDIATE_MANDATORY_REQUIREMENT',
    dueAt: due,
  },
  ACTION_OVERDUE: {
    kind: 'ACTION_OVERDUE',
    reference: 'C-2026-123456',
    organisationName: hostile,
    actionKind: 'URGENT_RISK_REVIEW',
    dueAt: due,
  },
  CONCERN_ASSIGNED: {
    kind: 'CONCERN_ASSIGNED',
    reference: 'C-2026-123456',
    organisationName: hostile,
    category: 'PATIENT_SAFETY',
    region: 'LONDON',
  },
  CONCERN_ESCALATED: {
    kind: 'CONCERN_ESCALATED',
    reference: 'C-2026-123456',
    organisationName: hostile,
    toStep: 2,
  },
  PROVIDER_UPDATE_REQUESTED: {
    kind: 'PROVIDER_UPDATE_REQUESTED',
    reference: 'C-2026-123456',
    organisationName: hostile,
    dueAt: due,
  },
  RESULTS_RELEASED: { kind: 'RESULTS_RELEASED', year: 2025, scopeName: hostile },
  SELF_ASSESSMENT_RETURNED: { kind: 'SELF_ASSESSMENT_RETURNED', year: 2025, organisationName: hostile },
};

describe('notification templates', () => {
  it.each(NOTIFICATION_KINDS)('%s has a one-line subject and text and HTML parts saying the same', (kind) => {
    const email = renderNotification(examples[kind]);
    expect(email.subject).not.toMatch(/[\r\n]/);
    expect(email.subject.length).toBeGreaterThan(10);
    expect(email.text).toContain('St <b>Mary</b>');
    // Nothing of the name is markup in the HTML part.
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('St &lt;b&gt;Mary&lt;/b&gt;&#39;s &amp; &quot;Royal&quot;');
    expect(email.html).toMatch(/^<!doctype html><html lang="en-GB">/);
  });

  it('words an overdue action with its kind and its London day', () => {
    const email = renderNotification(examples.ACTION_OVERDUE);
    expect(email.subject).toBe('Overdue: urgent risk review on concern C-2026-123456');
    expect(email.text).toContain('was due on Friday 11 December 2026.');
    expect(email.text).toContain('It is now overdue.');
  });

  it('uses the day in London, not in UTC', () => {
    expect(formatLondonDay(new Date('2026-06-30T23:30:00Z'))).toBe('Wednesday 1 July 2026');
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
