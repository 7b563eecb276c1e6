import { createHash } from 'node:crypto';
import { hasUnstorableCharacters } from '@nets/shared/util-text';
import type { PageError } from '@nets/web/ui-nhsuk';
import type {
  SelfAssessmentIndicatorInput,
  SelfAssessmentReturnStatus,
  SelfAssessmentStandardInput,
  SelfAssessmentStatus,
  SelfRating,
  StaffPortalPsaAssessmentFragment,
  StaffPortalPsaFormQuery,
} from '../../__generated__/graphql';

export type Assessment = StaffPortalPsaAssessmentFragment;
export type QuestionSet = StaffPortalPsaFormQuery['selfAssessmentQuestionSet'];
type Domain = QuestionSet['domains'][number];
/** What the user typed, as the form posts it. */
export type FormValues = Readonly<Record<string, string | string[] | undefined>>;

/** As the graph's own limits (the schema's input documentation). */
export const LIMITS = { evidence: 4_000, actionDescription: 1_000, line: 200 } as const;

export const STATUS_WORDS: Readonly<Record<SelfAssessmentReturnStatus, string>> = {
  NOT_STARTED: 'Not started',
  DRAFT: 'Draft',
  SUBMITTED: 'Submitted',
  UNDER_REVIEW: 'Under review',
  ACCEPTED: 'Accepted',
  RETURNED: 'Returned for changes',
};

export const RATING_WORDS: Readonly<Record<SelfRating, string>> = {
  MET: 'Met',
  PARTLY_MET: 'Partly met',
  NOT_MET: 'Not met',
};

const RATINGS = Object.keys(RATING_WORDS) as SelfRating[];

/** A draft or a returned assessment is the provider's to change; a new one (null) too. */
export const isEditable = (status: SelfAssessmentStatus | null): boolean =>
  status === null || status === 'DRAFT' || status === 'RETURNED';

/** The field names of a standard's answers: "1.2" → "s1-2-rating", "s1-2-evidence"… */
export const fieldOf = (code: string, part: string): string => `s${code.replace('.', '-')}-${part}`;

type Answer = Assessment['standards'][number];

/** Answered enough to submit: a rating, evidence, and an action wherever it is not met. */
export const isComplete = (answer: Answer | undefined): boolean =>
  !!answer?.rating && !!answer.evidence && (answer.rating === 'MET' || answer.action !== null);

const isStarted = (answer: Answer | undefined): boolean =>
  !!answer && (answer.rating !== null || answer.evidence !== null || answer.action !== null);

export type TaskStatus = 'Completed' | 'In progress' | 'Not started';

export interface Task {
  title: string;
  href: string;
  hint: string;
  status: TaskStatus;
}

function taskStatus(done: number, started: number, total: number): TaskStatus {
  if (total > 0 && done === total) return 'Completed';
  return started > 0 ? 'In progress' : 'Not started';
}

/** The task list: a task per domain, then the PSA's own indicators. */
export function tasksOf(base: string, questions: QuestionSet, assessment: Assessment | null): Task[] {
  const answers = new Map((assessment?.standards ?? []).map((a) => [a.standardCode, a]));
  const domains = questions.domains.map((domain): Task => {
    const own = domain.standards.map((s) => answers.get(s.standardCode));
    const done = own.filter(isComplete).length;
    return {
      title: `Domain ${domain.number}: ${domain.title}`,
      href: `${base}/domain/${domain.number}`,
      hint: `${done} of ${domain.standards.length} standards answered`,
      status: taskStatus(done, own.filter(isStarted).length, domain.standards.length),
    };
  });
  const given = (assessment?.indicators ?? []).filter((i) => i.answer !== null).length;
  return [
    ...domains,
    {
      title: 'Equality, Freedom to Speak Up, sexual safety and SLEC',
      href: `${base}/indicators`,
      hint: `${given} of ${questions.indicators.length} questions answered`,
      status: taskStatus(given, given, questions.indicators.length),
    },
  ];
}

/** What stops a submission, each linked to where it is answered. */
export function gapsOf(
  base: string,
  questions: QuestionSet,
  assessment: Assessment | null,
): Array<{ text: string; href: string }> {
  const answers = new Map((assessment?.standards ?? []).map((a) => [a.standardCode, a]));
  const gaps: Array<{ text: string; href: string }> = [];
  for (const domain of questions.domains) {
    const missing = domain.standards.filter((s) => !isComplete(answers.get(s.standardCode)));
    if (missing.length > 0) {
      gaps.push({
        text:
          `Domain ${domain.number}: ${missing.length === 1 ? 'standard' : 'standards'} ` +
          `${missing.map((s) => s.standardCode).join(', ')} ${missing.length === 1 ? 'needs' : 'need'} ` +
          'a rating, evidence and, where not fully met, an action',
        href: `${base}/domain/${domain.number}`,
      });
    }
  }
  const given = new Map((assessment?.indicators ?? []).map((i) => [i.indicator, i.answer]));
  const unanswered = questions.indicators.filter((q) => (given.get(q.indicator) ?? null) === null).length;
  if (unanswered > 0) {
    gaps.push({
      text: `${unanswered} of the equality, speak up, sexual safety and SLEC questions ${unanswered === 1 ? 'is' : 'are'} not answered`,
      href: `${base}/indicators`,
    });
  }
  return gaps;
}

export interface StandardFields {
  code: string;
  title: string;
  prompt: string;
  names: Record<'rating' | 'evidence' | 'action' | 'owner' | 'due' | 'seen', string>;
  rating: string;
  evidence: string;
  action: string;
  owner: string;
  due: { day: string; month: string; year: string };
  /** A fingerprint of the answer as the page showed it (hidden field): what the user changed is told apart. */
  seen: string;
}

type AnswerParts = Pick<StandardFields, 'rating' | 'evidence' | 'action' | 'owner' | 'due'>;

/** A short fingerprint of a standard's answer, to tell whether the user changed it after the page was shown. */
export const answerKey = (a: AnswerParts): string =>
  createHash('sha256')
    .update(JSON.stringify([a.rating, a.evidence, a.action, a.owner, a.due.day, a.due.month, a.due.year]))
    .digest('base64url')
    .slice(0, 16);

const one = (form: FormValues, name: string): string => {
  const value = form[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
};

/** A domain's standards with what the form shows in them: what was typed, else what is saved. */
export function domainFields(
  domain: Domain,
  assessment: Assessment | null,
  form?: FormValues,
): StandardFields[] {
  const answers = new Map((assessment?.standards ?? []).map((a) => [a.standardCode, a]));
  return domain.standards.map((standard) => {
    const code = standard.standardCode;
    const names = {
      rating: fieldOf(code, 'rating'),
      evidence: fieldOf(code, 'evidence'),
      action: fieldOf(code, 'action'),
      owner: fieldOf(code, 'owner'),
      due: fieldOf(code, 'due'),
      seen: fieldOf(code, 'seen'),
    };
    const base = { code, title: standard.title, prompt: standard.prompt, names };
    if (form) {
      return {
        ...base,
        rating: one(form, names.rating),
        evidence: one(form, names.evidence),
        action: one(form, names.action),
        owner: one(form, names.owner),
        due: {
          day: one(form, `${names.due}-day`),
          month: one(form, `${names.due}-month`),
          year: one(form, `${names.due}-year`),
        },
        seen: one(form, names.seen),
      };
    }
    const saved = answers.get(code);
    const [year = '', month = '', day = ''] = saved?.action?.dueDate.split('-') ?? [];
    const answer = {
      rating: saved?.rating ?? '',
      evidence: saved?.evidence ?? '',
      action: saved?.action?.description ?? '',
      owner: saved?.action?.owner ?? '',
      due: { day: day.replace(/^0/, ''), month: month.replace(/^0/, ''), year },
    };
    return { ...base, ...answer, seen: answerKey(answer) };
  });
}

function textProblem(value: string, max: number, label: string, oneLine = false): string | null {
  if (value.length > max) return `${label} must be ${max.toLocaleString('en-GB')} characters or fewer`;
  if (hasUnstorableCharacters(value) || (oneLine && /[\r\n]/.test(value)))
    return `${label} must be plain text${oneLine ? ' on one line' : ''}`;
  return null;
}

/** A due date typed as day, month and year: ISO YYYY-MM-DD, or the problem with it. */
function isoDate(day: string, month: string, year: string): { date: string | null; problem?: string } {
  if (!day && !month && !year) return { date: null };
  if (![day, month, year].every((part) => /^\d+$/.test(part)))
    return { date: null, problem: 'Enter the due date as a day, month and year in numbers' };
  const at = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (at.getUTCDate() !== Number(day) || at.getUTCMonth() !== Number(month) - 1)
    return { date: null, problem: 'The due date must be a real date' };
  if (Number(year) < 2000 || Number(year) > 2100)
    return { date: null, problem: 'The due date must be between the years 2000 and 2100' };
  return { date: at.toISOString().slice(0, 10) };
}

/**
 * A domain's page as the graph is to save it. A draft may leave anything blank; what is typed must be valid,
 * and an action, once begun, needs its description, owner and due date.
 */
export function parseDomainForm(
  domain: Domain,
  form: FormValues,
): { standards: SelfAssessmentStandardInput[]; errors: PageError[] } {
  const errors: PageError[] = [];
  const standards = domainFields(domain, null, form).map((fields): SelfAssessmentStandardInput => {
    const code = fields.code;
    const rating = RATINGS.find((r) => r === fields.rating) ?? null;
    if (fields.rating && !rating)
      errors.push({
        field: fields.names.rating,
        message: `Standard ${code}: choose met, partly met or not met`,
      });
    const evidenceProblem = textProblem(fields.evidence, LIMITS.evidence, `Standard ${code}: the evidence`);
    if (evidenceProblem) errors.push({ field: fields.names.evidence, message: evidenceProblem });
    const due = isoDate(fields.due.day, fields.due.month, fields.due.year);
    const begun = fields.action !== '' || fields.owner !== '' || due.date !== null || !!due.problem;
    let action: SelfAssessmentStandardInput['action'] = null;
    if (begun) {
      const descriptionProblem = fields.action
        ? textProblem(fields.action, LIMITS.actionDescription, `Standard ${code}: the action`)
        : `Standard ${code}: enter the action you will take`;
      const ownerProblem = fields.owner
        ? textProblem(fields.owner, LIMITS.line, `Standard ${code}: the owner`, true)
        : `Standard ${code}: enter who owns the action`;
      const dueProblem = due.problem
        ? `Standard ${code}: ${due.problem.charAt(0).toLowerCase()}${due.problem.slice(1)}`
        : due.date
          ? null
          : `Standard ${code}: enter the date the action is due`;
      if (descriptionProblem) errors.push({ field: fields.names.action, message: descriptionProblem });
      if (ownerProblem) errors.push({ field: fields.names.owner, message: ownerProblem });
      if (dueProblem) errors.push({ field: `${fields.names.due}-day`, message: dueProblem });
      if (due.date && !descriptionProblem && !ownerProblem)
        action = { description: fields.action, owner: fields.owner, dueDate: due.date };
    }
    return { standardCode: code, rating, evidence: fields.evidence || null, action };
  });
  return { standards, errors };
}

export interface IndicatorField {
  indicator: string;
  name: string;
  question: string;
  value: string;
  /** The answer as the page showed it (hidden field `seen-<name>`). */
  seen: string;
}

export function indicatorFields(
  questions: QuestionSet,
  assessment: Assessment | null,
  form?: FormValues,
): IndicatorField[] {
  const saved = new Map((assessment?.indicators ?? []).map((i) => [i.indicator, i.answer]));
  return questions.indicators.map((q) => {
    const name = `i-${q.indicator.toLowerCase().replace(/_/g, '-')}`;
    const answer = saved.get(q.indicator);
    const shown = answer === true ? 'yes' : answer === false ? 'no' : '';
    const value = form ? one(form, name) : shown;
    const seen = form ? one(form, `seen-${name}`) : shown;
    return { indicator: q.indicator, name, question: q.question, value, seen };
  });
}

export function parseIndicatorsForm(
  questions: QuestionSet,
  form: FormValues,
): { indicators: SelfAssessmentIndicatorInput[]; errors: PageError[] } {
  const errors: PageError[] = [];
  const indicators = indicatorFields(questions, null, form).map((field, index) => {
    if (field.value && field.value !== 'yes' && field.value !== 'no')
      errors.push({ field: field.name, message: `Question ${index + 1}: choose yes or no` });
    return {
      indicator: questions.indicators[index].indicator,
      answer: field.value === 'yes' ? true : field.value === 'no' ? false : null,
    };
  });
  return { indicators, errors };
}

/** The senior leader's sign-off and the declaration: every field needed. */
export function parseSignOff(form: FormValues): {
  signOff: { name: string; jobTitle: string } | null;
  errors: PageError[];
} {
  const errors: PageError[] = [];
  const name = one(form, 'signOffName');
  const jobTitle = one(form, 'signOffJobTitle');
  if (!name)
    errors.push({ field: 'signOffName', message: 'Enter the full name of the senior leader signing off' });
  else {
    const problem = textProblem(name, LIMITS.line, 'The name', true);
    if (problem) errors.push({ field: 'signOffName', message: problem });
  }
  if (!jobTitle) errors.push({ field: 'signOffJobTitle', message: 'Enter their job title' });
  else {
    const problem = textProblem(jobTitle, LIMITS.line, 'The job title', true);
    if (problem) errors.push({ field: 'signOffJobTitle', message: problem });
  }
  if (one(form, 'declaration') !== 'confirmed')
    errors.push({
      field: 'declaration',
      message: 'Confirm that the senior leader has reviewed and agreed the self-assessment',
    });
  return { signOff: errors.length === 0 ? { name, jobTitle } : null, errors };
}

/**
 * The assessment's version the form was built on (hidden field `expectedVersion`; 0 when nothing was saved
 * yet), or null when the form does not say: such a post is shown again, never saved over what is there.
 */
export function readExpectedVersion(form: FormValues): number | null {
  const text = one(form, 'expectedVersion');
  const version = Number(text);
  return text !== '' && Number.isInteger(version) && version >= 0 ? version : null;
}

/** The version a form is built on: what it will pass back as `expectedVersion`. */
export const versionOf = (assessment: Assessment | null): number => assessment?.version ?? 0;

const clip = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function describeSaved(fields: StandardFields): string {
  const rating = RATINGS.find((r) => r === fields.rating);
  const parts = [rating ? RATING_WORDS[rating].toLowerCase() : 'not rated'];
  parts.push(fields.evidence ? `evidence “${clip(fields.evidence)}”` : 'no evidence');
  if (fields.action)
    parts.push(
      `action “${clip(fields.action)}” owned by ${fields.owner}, due ${fields.due.day}/${fields.due.month}/${fields.due.year}`,
    );
  return parts.join(', ');
}

/** A standard's answer as the form posts it. */
function formValuesOf(fields: StandardFields): Record<string, string> {
  return {
    [fields.names.rating]: fields.rating,
    [fields.names.evidence]: fields.evidence,
    [fields.names.action]: fields.action,
    [fields.names.owner]: fields.owner,
    [`${fields.names.due}-day`]: fields.due.day,
    [`${fields.names.due}-month`]: fields.due.month,
    [`${fields.names.due}-year`]: fields.due.year,
    [fields.names.seen]: fields.seen,
  };
}

/**
 * Someone else saved the assessment after this form was shown. A three-way merge per standard: what the user
 * did not change takes what is saved now; what they changed is kept, and listed with what is saved when the
 * two differ, so they compare before saving again. The merged form is built on the saved answers, so a retry
 * saves over this version only.
 */
export function mergeDomainConflict(
  domain: Domain,
  saved: Assessment | null,
  form: FormValues,
): { form: FormValues; changes: Array<{ code: string; saved: string }> } {
  const entered = domainFields(domain, null, form);
  const merged: Record<string, string> = {};
  const changes: Array<{ code: string; saved: string }> = [];
  domainFields(domain, saved).forEach((now, i) => {
    const mine = entered[i];
    const touched = answerKey(mine) !== mine.seen;
    Object.assign(merged, formValuesOf(touched ? { ...mine, seen: now.seen } : now));
    if (touched && answerKey(mine) !== now.seen) changes.push({ code: now.code, saved: describeSaved(now) });
  });
  return { form: merged, changes };
}

/** As `mergeDomainConflict`, for the indicator questions (the hidden `seen-` field is the answer shown). */
export function mergeIndicatorsConflict(
  questions: QuestionSet,
  saved: Assessment | null,
  form: FormValues,
): { form: FormValues; changes: Array<{ question: string; saved: string }> } {
  const entered = indicatorFields(questions, null, form);
  const merged: Record<string, string> = {};
  const changes: Array<{ question: string; saved: string }> = [];
  indicatorFields(questions, saved).forEach((now, i) => {
    const mine = entered[i];
    const touched = mine.value !== mine.seen;
    merged[now.name] = touched ? mine.value : now.value;
    merged[`seen-${now.name}`] = now.value;
    if (touched && mine.value !== now.value)
      changes.push({
        question: now.question,
        saved: now.value === 'yes' ? 'yes' : now.value === 'no' ? 'no' : 'not answered',
      });
  });
  return { form: merged, changes };
}
