import type { PageError } from '@nets/web/ui-nhsuk';
import type {
  ConcernActionKind,
  ConcernCategory,
  ConcernRegulator,
  StaffPortalConcernDetailFragment,
} from '../../__generated__/graphql';
import type { ConcernCommand } from './concern-commands';
import { ACTION_KIND_WORDS, CATEGORY_WORDS, REGULATOR_WORDS, stepWords } from './concern-words';

type Concern = StaffPortalConcernDetailFragment;
export interface IsfLevelOption {
  level: number;
  name: string;
  description: string;
}

/** What the user typed, as the form posts it: a value per field, a list for checkboxes. */
export type FormValues = Readonly<Record<string, string | string[] | undefined>>;

interface Option {
  value: string;
  text: string;
  hint?: string;
}

/** One field of a command's form; the page renders each kind with the nhsuk-frontend macro it names. */
export type FormField =
  | { kind: 'textarea'; name: string; label: string; hint?: string }
  | { kind: 'text'; name: string; label: string; hint?: string }
  | { kind: 'radios'; name: string; label: string; hint?: string; options: Option[] }
  | { kind: 'checkboxes'; name: string; label: string; hint?: string; options: Option[] }
  | { kind: 'select'; name: string; label: string; hint?: string; options: Option[] }
  | { kind: 'date'; name: string; label: string; hint?: string }
  | { kind: 'risk'; name: 'risk'; label: string; hint?: string };

/** A command the graph is to be asked, with everything but the concern's id and version. */
export type CommandRequest =
  | {
      command: 'triage';
      input: {
        category: ConcernCategory;
        standardsAtRisk: string[];
        risk: { likelihood: number; consequence: number; controls: string | null } | null;
        summary: string | null;
        reason: string;
      };
    }
  | { command: 'set-isf-level'; level: number; rationale: string }
  | { command: 'escalate'; toStep: number; reason: string }
  | {
      command: 'add-action';
      input: { kind: ConcernActionKind; description: string; dueAt: string | null };
    }
  | { command: 'agree-action-plan' | 'start-monitoring' | 'close'; reason: string | null }
  | {
      command: 'post-update';
      input: { text: string; actionId: string | null; completesAction: boolean };
    }
  | { command: 'propose-resolution'; evidence: string }
  | { command: 'confirm-resolution'; accepted: boolean; reason: string }
  | { command: 'withdraw'; reason: string }
  | { command: 'share-with-regulators'; regulators: ConcernRegulator[]; summary: string }
  | { command: 'reply-to-learner'; text: string };

/** As the graph's own limit for a concern's free text. */
export const MAX_TEXT = 10_000;
const MAX_CONTROLS = 1_000;
const STANDARD = /^[1-6]\.[1-9]$/;

const optionsOf = (words: Readonly<Record<string, string>>): Option[] =>
  Object.entries(words).map(([value, text]) => ({ value, text }));

const reasonField = (label: string, optional = false): FormField => ({
  kind: 'textarea',
  name: 'reason',
  label: optional ? `${label} (optional)` : label,
  hint: 'Everyone who can read this concern sees it on the timeline.',
});

/** The fields of a command's form for this concern. */
export function commandFields(
  command: ConcernCommand,
  concern: Concern,
  isfLevels: IsfLevelOption[],
): FormField[] {
  switch (command) {
    case 'triage':
      return [
        { kind: 'select', name: 'category', label: 'Category', options: optionsOf(CATEGORY_WORDS) },
        {
          kind: 'text',
          name: 'standardsAtRisk',
          label: 'Quality Framework standards at risk (optional)',
          hint: 'Standard codes separated by commas, for example 1.2, 3.4',
        },
        {
          kind: 'risk',
          name: 'risk',
          label: 'Risk: how likely is harm, and how bad would it be?',
          hint: 'Choose the cell of the 5 × 5 matrix: the score is likelihood × consequence.',
        },
        { kind: 'textarea', name: 'controls', label: 'Controls already in place (optional)' },
        {
          kind: 'textarea',
          name: 'summary',
          label: 'Summary every reader sees (optional)',
          hint: 'Replaces the description. Never copy the learner’s own words here.',
        },
        reasonField('Why you graded it this way'),
      ];
    case 'set-isf-level':
      return [
        {
          kind: 'radios',
          name: 'level',
          label: 'Intensive Support Framework level',
          options: isfLevels.map((l) => ({
            value: String(l.level),
            text: `Level ${l.level}: ${l.name}`,
            hint: l.description,
          })),
        },
        { kind: 'textarea', name: 'rationale', label: 'Rationale' },
      ];
    case 'escalate':
      return [
        {
          kind: 'radios',
          name: 'toStep',
          label: `Escalate to which step? The concern is at step ${concern.escalationStep}.`,
          options: [1, 2, 3]
            .filter((step) => step > concern.escalationStep)
            .map((step) => ({ value: String(step), text: stepWords(step) })),
        },
        reasonField('Why it is escalated'),
      ];
    case 'add-action':
      return [
        { kind: 'radios', name: 'kind', label: 'Kind of action', options: optionsOf(ACTION_KIND_WORDS) },
        { kind: 'textarea', name: 'description', label: 'What must be done, and by whom' },
        {
          kind: 'date',
          name: 'dueAt',
          label: 'Due date (optional)',
          hint: 'For example, 27 3 2027. An immediate mandatory requirement is due in 5 working days if left blank.',
        },
      ];
    case 'agree-action-plan':
      return [reasonField('Notes on the agreed plan', true)];
    case 'start-monitoring':
      return [reasonField('Notes on monitoring', true)];
    case 'close':
      return [reasonField('Why it can be closed', true)];
    case 'post-update': {
      const open = concern.actions.filter((a) => a.status === 'OPEN');
      return [
        { kind: 'textarea', name: 'text', label: 'Your update' },
        ...(open.length > 0
          ? [
              {
                kind: 'select',
                name: 'actionId',
                label: 'The action it is about (optional)',
                options: [
                  { value: '', text: 'Not about one action' },
                  ...open.map((a) => ({
                    value: a.id,
                    text: `${ACTION_KIND_WORDS[a.kind]}: ${a.description}`,
                  })),
                ],
              } satisfies FormField,
              {
                kind: 'checkboxes',
                name: 'completesAction',
                label: 'Is that action done?',
                options: [{ value: 'yes', text: 'This update completes the action' }],
              } satisfies FormField,
            ]
          : []),
      ];
    }
    case 'propose-resolution':
      return [
        {
          kind: 'textarea',
          name: 'evidence',
          label: 'Evidence that the concern is resolved',
          hint: 'The quality team confirms the resolution or sends the concern back to monitoring.',
        },
      ];
    case 'confirm-resolution':
      return [
        {
          kind: 'radios',
          name: 'accepted',
          label: 'Is the concern resolved?',
          options: [
            { value: 'yes', text: 'Yes, confirm the resolution' },
            { value: 'no', text: 'No, send it back to monitoring' },
          ],
        },
        reasonField('Why'),
      ];
    case 'withdraw':
      return [reasonField('Why it is withdrawn')];
    case 'share-with-regulators':
      return [
        {
          kind: 'checkboxes',
          name: 'regulators',
          label: 'Share with which regulators?',
          hint: 'Signatories of the Emerging Concerns Protocol. Select all that apply.',
          options: optionsOf(REGULATOR_WORDS),
        },
        { kind: 'textarea', name: 'summary', label: 'What you shared' },
      ];
    case 'reply-to-learner':
      return [
        {
          kind: 'textarea',
          name: 'text',
          label: 'Your reply',
          hint: 'The learner reads it with their follow-up code. Only your team sees it here.',
        },
      ];
  }
}

/** The values a command's form starts with: what the concern holds now, where the form edits it. */
export function initialValues(command: ConcernCommand, concern: Concern): Record<string, string> {
  if (command !== 'triage') return {};
  return {
    category: concern.category,
    standardsAtRisk: concern.standardsAtRisk.join(', '),
    risk: concern.risk ? `${concern.risk.likelihood}-${concern.risk.consequence}` : '',
    controls: concern.risk?.controls ?? '',
  };
}

const one = (form: FormValues, name: string): string => {
  const value = form[name];
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).replace(/\r\n/g, '\n').trim();
};
const many = (form: FormValues, name: string): string[] => {
  const value = form[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
};

class FormReader {
  readonly errors: PageError[] = [];
  constructor(private readonly form: FormValues) {}

  required(name: string, missing: string, max = MAX_TEXT): string {
    const text = one(this.form, name);
    if (!text) this.errors.push({ field: name, message: missing });
    else this.tooLong(name, text, max);
    return text;
  }

  optional(name: string, max = MAX_TEXT): string | null {
    const text = one(this.form, name);
    if (text) this.tooLong(name, text, max);
    return text || null;
  }

  choice<T extends string>(name: string, allowed: readonly T[], missing: string): T {
    const value = one(this.form, name);
    if (!(allowed as readonly string[]).includes(value)) this.errors.push({ field: name, message: missing });
    return value as T;
  }

  private tooLong(name: string, text: string, max: number) {
    if (text.length > max)
      this.errors.push({ field: name, message: `Enter ${max.toLocaleString('en-GB')} characters or fewer` });
  }
}

/** The risk cell the form posts, "likelihood-consequence", or null when none is chosen. */
export function parseRiskCell(value: string): { likelihood: number; consequence: number } | null {
  const match = /^([1-5])-([1-5])$/.exec(value);
  return match ? { likelihood: Number(match[1]), consequence: Number(match[2]) } : null;
}

/** A due date typed as day, month and year: the end of that day (UTC), or an error naming the field. */
function parseDueDate(
  form: FormValues,
  name: string,
  now: Date,
): { dueAt: string | null; error?: PageError } {
  const [day, month, year] = ['day', 'month', 'year'].map((part) => one(form, `${name}-${part}`));
  if (!day && !month && !year) return { dueAt: null };
  const field = `${name}-day`;
  if (![day, month, year].every((part) => /^\d+$/.test(part ?? '')))
    return {
      dueAt: null,
      error: { field, message: 'Enter the due date as a day, month and year in numbers' },
    };
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), 23, 59, 59));
  if (date.getUTCDate() !== Number(day) || date.getUTCMonth() !== Number(month) - 1 || Number(year) < 1000)
    return { dueAt: null, error: { field, message: 'The due date must be a real date' } };
  if (date.getTime() <= now.getTime())
    return { dueAt: null, error: { field, message: 'The due date must be in the future' } };
  if (date.getTime() > now.getTime() + 1098 * 86_400_000)
    return { dueAt: null, error: { field, message: 'The due date must be within 3 years' } };
  return { dueAt: date.toISOString() };
}

/** Reads a command's form: the request to send, or every mistake named next to its field (nothing sent). */
export function parseCommand(
  command: ConcernCommand,
  form: FormValues,
  concern: Concern,
  isfLevels: IsfLevelOption[],
  now = new Date(),
): { request: CommandRequest | null; errors: PageError[] } {
  const read = new FormReader(form);
  const request = readCommand(command, read, form, concern, isfLevels, now);
  return read.errors.length > 0 ? { request: null, errors: read.errors } : { request, errors: [] };
}

function readCommand(
  command: ConcernCommand,
  read: FormReader,
  form: FormValues,
  concern: Concern,
  isfLevels: IsfLevelOption[],
  now: Date,
): CommandRequest {
  switch (command) {
    case 'triage': {
      const category = read.choice(
        'category',
        Object.keys(CATEGORY_WORDS) as ConcernCategory[],
        'Select a category',
      );
      const standards = one(form, 'standardsAtRisk')
        .split(/[\s,]+/)
        .filter(Boolean);
      if (standards.some((code) => !STANDARD.test(code)))
        read.errors.push({
          field: 'standardsAtRisk',
          message: 'Enter standard codes from 1.1 to 6.9, separated by commas',
        });
      const cell = parseRiskCell(one(form, 'risk'));
      if (!cell)
        read.errors.push({ field: 'risk', message: 'Select the likelihood and consequence of harm' });
      const controls = read.optional('controls', MAX_CONTROLS);
      return {
        command,
        input: {
          category,
          standardsAtRisk: [...new Set(standards)],
          risk: cell ? { ...cell, controls } : null,
          summary: read.optional('summary'),
          reason: read.required('reason', 'Enter why you graded it this way'),
        },
      };
    }
    case 'set-isf-level': {
      const level = read.choice(
        'level',
        isfLevels.map((l) => String(l.level)),
        'Select an ISF level',
      );
      return {
        command,
        level: Number(level),
        rationale: read.required('rationale', 'Enter the rationale for the level'),
      };
    }
    case 'escalate': {
      const steps = [1, 2, 3].filter((s) => s > concern.escalationStep).map(String);
      const toStep = read.choice('toStep', steps, 'Select the step to escalate to');
      return {
        command,
        toStep: Number(toStep),
        reason: read.required('reason', 'Enter why it is escalated'),
      };
    }
    case 'add-action': {
      const kind = read.choice(
        'kind',
        Object.keys(ACTION_KIND_WORDS) as ConcernActionKind[],
        'Select the kind of action',
      );
      const description = read.required('description', 'Enter what must be done');
      const due = parseDueDate(form, 'dueAt', now);
      if (due.error) read.errors.push(due.error);
      return { command, input: { kind, description, dueAt: due.dueAt } };
    }
    case 'agree-action-plan':
    case 'start-monitoring':
    case 'close':
      return { command, reason: read.optional('reason') };
    case 'post-update': {
      const openActions = concern.actions.filter((a) => a.status === 'OPEN').map((a) => a.id);
      const actionId = one(form, 'actionId') || null;
      if (actionId && !openActions.includes(actionId))
        read.errors.push({ field: 'actionId', message: 'Select one of the open actions' });
      const completesAction = many(form, 'completesAction').includes('yes');
      if (completesAction && !actionId)
        read.errors.push({ field: 'actionId', message: 'Select the action this update completes' });
      return {
        command,
        input: { text: read.required('text', 'Enter your update'), actionId, completesAction },
      };
    }
    case 'propose-resolution':
      return { command, evidence: read.required('evidence', 'Enter the evidence that it is resolved') };
    case 'confirm-resolution': {
      const accepted = read.choice('accepted', ['yes', 'no'], 'Select whether the concern is resolved');
      return { command, accepted: accepted === 'yes', reason: read.required('reason', 'Enter why') };
    }
    case 'withdraw':
      return { command, reason: read.required('reason', 'Enter why it is withdrawn') };
    case 'share-with-regulators': {
      const regulators = many(form, 'regulators');
      const known = Object.keys(REGULATOR_WORDS);
      if (regulators.length === 0 || regulators.some((r) => !known.includes(r)))
        read.errors.push({ field: 'regulators', message: 'Select at least one regulator' });
      return {
        command,
        regulators: regulators as ConcernRegulator[],
        summary: read.required('summary', 'Enter what you shared'),
      };
    }
    case 'reply-to-learner':
      return { command, text: read.required('text', 'Enter your reply') };
  }
}
