import type { NotificationKind } from '../notification.rules';

/**
 * What each kind of email says. Facts are ids, codes, names of organisations and dates only: never a learner's
 * text or contact details (DESIGN.md §5), so an email is safe in any team mailbox it reaches.
 */
export type NotificationFacts =
  | {
      kind: 'ACTION_DUE_SOON' | 'ACTION_OVERDUE';
      reference: string;
      organisationName: string;
      actionKind: string;
      dueAt: Date;
    }
  | {
      kind: 'CONCERN_ASSIGNED';
      reference: string;
      organisationName: string;
      category: string;
      region: string;
    }
  | { kind: 'CONCERN_ESCALATED'; reference: string; organisationName: string; toStep: number }
  | { kind: 'PROVIDER_UPDATE_REQUESTED'; reference: string; organisationName: string; dueAt: Date | null }
  | { kind: 'RESULTS_RELEASED'; year: number; scopeName: string }
  | { kind: 'SELF_ASSESSMENT_RETURNED'; year: number; organisationName: string };

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

/** One paragraph of an email: plain words, or words with one emphasised value. */
type Line = string | { before: string; strong: string; after?: string };

interface Template<F> {
  subject(facts: F): string;
  lines(facts: F): Line[];
}

type FactsOf<K extends NotificationKind> = Extract<NotificationFacts, { kind: K }>;

const londonDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/** England's wording of a day: "Friday 11 December 2026". */
export function formatLondonDay(at: Date): string {
  return londonDate.format(at).replace(',', '');
}

/** `IMMEDIATE_MANDATORY_REQUIREMENT` → "immediate mandatory requirement". */
function words(code: string): string {
  return code.toLowerCase().replaceAll('_', ' ');
}

const actionDue = (overdue: boolean): Template<FactsOf<'ACTION_DUE_SOON' | 'ACTION_OVERDUE'>> => ({
  subject: (f) => `${overdue ? 'Overdue' : 'Due soon'}: ${words(f.actionKind)} on concern ${f.reference}`,
  lines: (f) => [
    {
      before: `An action on concern ${f.reference} about `,
      strong: f.organisationName,
      after: ` ${overdue ? 'was' : 'is'} due on ${formatLondonDay(f.dueAt)}.`,
    },
    { before: 'Action: ', strong: words(f.actionKind) },
    overdue
      ? 'It is now overdue. Complete it, or post a progress update on the concern saying when it will be done.'
      : 'It falls due within two working days.',
  ],
});

const TEMPLATES: { [K in NotificationKind]: Template<FactsOf<K>> } = {
  ACTION_DUE_SOON: actionDue(false),
  ACTION_OVERDUE: actionDue(true),
  CONCERN_ASSIGNED: {
    subject: (f) => `New concern ${f.reference} for your region`,
    lines: (f) => [
      {
        before: `A concern about `,
        strong: f.organisationName,
        after: ` is waiting for triage by your team.`,
      },
      `Reference: ${f.reference}. Category: ${words(f.category)}.`,
    ],
  },
  CONCERN_ESCALATED: {
    subject: (f) => `Concern ${f.reference} escalated to step ${f.toStep}`,
    lines: (f) => [
      { before: `The concern ${f.reference} about `, strong: f.organisationName, after: ` was escalated.` },
      `It is now at step ${f.toStep} of the escalation pathway.`,
    ],
  },
  PROVIDER_UPDATE_REQUESTED: {
    subject: (f) => `Progress update requested on concern ${f.reference}`,
    lines: (f) => [
      {
        before: `The regional quality team asks `,
        strong: f.organisationName,
        after: ` for progress updates on concern ${f.reference}.`,
      },
      f.dueAt ? `The next update is due on ${formatLondonDay(f.dueAt)}.` : 'Post an update on the concern.',
    ],
  },
  RESULTS_RELEASED: {
    subject: (f) => `NETS ${f.year} results released`,
    lines: (f) => [
      { before: `The NETS ${f.year} results for `, strong: f.scopeName, after: ' are released.' },
      'They are final: read them in the NETS Reporting Tool.',
    ],
  },
  SELF_ASSESSMENT_RETURNED: {
    subject: (f) => `Provider Self-Assessment ${f.year} returned`,
    lines: (f) => [
      {
        before: `The ${f.year} Provider Self-Assessment of `,
        strong: f.organisationName,
        after: ' was returned by the regional quality team.',
      },
      "Read the reviewer's comments in the staff portal, then resubmit it.",
    ],
  },
};

const FOOTER =
  'You receive this because your mailbox is on the NETS contact list or you asked for these emails. Sign in to the NETS staff portal to act on it or to change which emails you get.';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every value that reaches the HTML part goes through this. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** Subject lines are one line: any line break or control character a name might carry becomes a space. */
function oneLine(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
}

/** The kind's template with plain-text and HTML parts saying the same; everything in the HTML is escaped. */
export function renderNotification(facts: NotificationFacts): RenderedEmail {
  const template = TEMPLATES[facts.kind] as Template<NotificationFacts>;
  const lines = template.lines(facts);
  const subject = oneLine(template.subject(facts));
  const plain = lines.map((line) =>
    typeof line === 'string' ? line : `${line.before}${line.strong}${line.after ?? ''}`,
  );
  const html = lines.map((line) =>
    typeof line === 'string'
      ? `<p>${escapeHtml(line)}</p>`
      : `<p>${escapeHtml(line.before)}<strong>${escapeHtml(line.strong)}</strong>${escapeHtml(line.after ?? '')}</p>`,
  );
  return {
    subject,
    text: [...plain, '', FOOTER].join('\n\n').replace(/\n{3,}/g, '\n\n') + '\n',
    html: `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${html.join('')}<hr><p>${escapeHtml(FOOTER)}</p></body></html>`,
  };
}
