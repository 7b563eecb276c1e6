// Learners' responses, a chunk at a time (1,000,000 never sit in memory at once). Every measured answer is a
// draw at the learner's provider rate (national base + the provider's effect), nudged by the running gap
// between the national target and what was drawn so far, so the national results land on the published
// figures at any size while providers still differ as their effects say.
import type { Question, QuestionnaireContent } from '@nets/survey/contract-events';
import { questionsInOrder } from '@nets/survey/contract-events';
import { DEFAULT_QUESTIONNAIRE, LEARNER_GROUPS, MEASURES } from '@nets/survey/domain';
import type { EducationAssigner, GeneratedEducation } from './education';
import { comments } from './free-text';
import type { Placeable } from './organisations';
import { Random, WeightedPicker } from './random';
import { nationalTarget, reasonShares } from './targets';

/**
 * Roughly the NETS respondent mix: nursing and medical learners dominate, allied health next, then the
 * smaller professions (shares chosen for realism of cell sizes, not taken from a publication).
 */
export const LEARNER_GROUP_WEIGHTS: Record<string, number> = {
  NURSING: 30,
  MEDICAL: 22,
  ALLIED_HEALTH_PROFESSIONS: 15,
  NURSING_ASSOCIATES: 5,
  MIDWIFERY: 5,
  PHARMACY: 4,
  DENTAL: 4,
  HEALTHCARE_SCIENCE: 3,
  PSYCHOLOGICAL_PROFESSIONS: 3,
  APPRENTICES: 3,
  PHYSICIAN_ASSOCIATES: 2,
  OTHER: 2,
  OPTOMETRY: 1,
  PUBLIC_HEALTH: 1,
};

export interface GeneratedAnswer {
  questionCode: string;
  optionCodes?: string[];
  text?: string;
}

export interface GeneratedResponse<O extends Placeable> {
  /** Position in the whole dataset: with the seed, a stable idempotency key. */
  index: number;
  year: number;
  organisation: O;
  /** Index into the organisation's sites; null when the learner gives none (or it has none). */
  site: number | null;
  submittedOn: string;
  profile: { learnerGroup: string; profession: string; programme: null; yearOfTraining: number };
  /** The learner's university or college and programme (when the stream has an education assigner). */
  education: GeneratedEducation | null;
  answers: GeneratedAnswer[];
}

export interface ResponseStreamOptions {
  /** Responses in all, spread evenly over the years, produced year by year. */
  total: number;
  years: readonly number[];
  seed: number;
  /** Learners' comments (on by default; the event stream carries coded answers only). */
  freeText?: boolean;
  questionnaire?: QuestionnaireContent;
  /** Gives each learner an education provider and programme (from a random stream of its own). */
  education?: EducationAssigner;
}

/** How hard the running gap pulls each draw: small enough that providers keep their own rates. */
const GAIN = 0.03;

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const clamp = (p: number) => Math.min(0.9995, Math.max(0.0005, p));

interface Plan {
  question: Question;
  options: string[];
  positive?: readonly string[];
  negative?: readonly string[];
  measureKey?: string;
  /** +1 when a better provider answers positively more often. */
  sign: number;
}

const MEASURED_BY_CODE: ReadonlySet<string> = new Set(['Q_WORKLOAD', 'Q_SEXUAL_BEHAVIOUR']);

function plansOf(content: QuestionnaireContent): Plan[] {
  return questionsInOrder(content).map((question) => {
    const options = question.options.map((o) => o.code);
    const measure = MEASURES.find((m) => m.questionCode === question.code && m.key === question.measureKey);
    if (!measure || MEASURED_BY_CODE.has(question.code)) return { question, options, sign: 1 };
    return {
      question,
      options,
      measureKey: measure.key,
      positive: measure.positiveOptionCodes,
      negative: options.filter((code) => !measure.positiveOptionCodes.includes(code)),
      sign: measure.polarity === 'HIGHER_IS_BETTER' ? 1 : -1,
    };
  });
}

const trains = (organisation: Placeable, group: string) =>
  !organisation.learnerGroups || organisation.learnerGroups.includes(group);

export class ResponseStream<O extends Placeable> {
  private readonly random: Random;
  private readonly organisations: WeightedPicker<O>;
  private readonly groups: WeightedPicker<(typeof LEARNER_GROUPS)[number]>;
  private readonly plans: Plan[];
  private readonly professions: Array<{ group: string; profession: string }>;
  private readonly residuals = new Map<string, number>();
  private readonly bases = new Map<string, number>();
  private readonly targets = new Map<string, number>();
  private readonly shares = new Map<string, ReturnType<typeof reasonShares>>();
  private produced = 0;

  constructor(
    private readonly population: readonly O[],
    private readonly options: ResponseStreamOptions,
  ) {
    this.random = new Random(options.seed);
    this.organisations = new WeightedPicker(
      population,
      population.map((o) => o.weight),
    );
    this.groups = new WeightedPicker(
      LEARNER_GROUPS,
      LEARNER_GROUPS.map((g) => LEARNER_GROUP_WEIGHTS[g.code] ?? 1),
    );
    this.plans = plansOf(options.questionnaire ?? DEFAULT_QUESTIONNAIRE);
    this.professions = LEARNER_GROUPS.flatMap((g) =>
      g.professions.map((p) => ({ group: g.code, profession: p.code })),
    );
  }

  get remaining(): number {
    return this.options.total - this.produced;
  }

  private get perYear(): number {
    return Math.ceil(this.options.total / this.options.years.length);
  }

  /** The year of the n-th response: equal blocks, in year order. */
  yearOf(index: number): number {
    return this.options.years[Math.min(this.options.years.length - 1, Math.floor(index / this.perYear))];
  }

  /**
   * Every profession has at least 3 respondents a year when the year is big enough: a national table with a
   * single cell under 3 would otherwise be protected by withholding its total (complementary suppression).
   */
  private forcedProfession(index: number): { group: string; profession: string } | undefined {
    const inYear = index % this.perYear;
    const forced = 3 * this.professions.length;
    return this.perYear >= 4 * forced && inYear < forced
      ? this.professions[inYear % this.professions.length]
      : undefined;
  }

  next(count: number): Array<GeneratedResponse<O>> {
    const chunk: Array<GeneratedResponse<O>> = [];
    for (let i = 0; i < count && this.produced < this.options.total; i += 1, this.produced += 1) {
      chunk.push(this.response(this.produced, this.yearOf(this.produced)));
    }
    return chunk;
  }

  private response(index: number, year: number): GeneratedResponse<O> {
    const random = this.random;
    const forced = this.forcedProfession(index);
    let organisation = this.organisations.pick(random);
    let group = this.groups.pick(random);
    // A provider that trains only some groups (a dental practice: dental learners) gets only those.
    for (let tries = 0; tries < 50 && !trains(organisation, forced?.group ?? group.code); tries += 1) {
      if (forced) organisation = this.organisations.pick(random);
      else group = this.groups.pick(random);
    }
    const drawn = group.professions[random.int(group.professions.length)];
    const { group: learnerGroup, profession } = forced ?? { group: group.code, profession: drawn.code };
    const sites = organisation.sites;
    // Some learners do not know or give their site: the "no site" remainder.
    const site = sites.length === 0 || random.next() < 0.08 ? null : random.int(sites.length);
    const answers: GeneratedAnswer[] = [];
    const given = new Map<string, readonly string[]>();
    let positiveOverall = true;
    for (const plan of this.plans) {
      const { question } = plan;
      const condition = question.condition;
      if (condition) {
        const parent = given.get(condition.questionCode);
        if (!parent || !parent.some((code) => condition.anyOf.includes(code))) continue;
      }
      if (question.type === 'FREE_TEXT') {
        if (question.role === 'SERIOUS_CONCERN' || this.options.freeText === false) continue;
        const text = comments(random, site === null ? undefined : sites[site].name, positiveOverall);
        const chosen = question.code === 'Q_WORKED_WELL' ? text.workedWell : text.couldImprove;
        if (chosen) answers.push({ questionCode: question.code, text: chosen });
        continue;
      }
      const optionCodes = this.answer(plan, organisation.effect, year);
      if (question.code === 'Q_OVERALL_EXPERIENCE')
        positiveOverall = plan.positive?.includes(optionCodes[0]) ?? true;
      given.set(question.code, optionCodes);
      answers.push({ questionCode: question.code, optionCodes });
    }
    return {
      index,
      year,
      organisation,
      site,
      submittedOn: `${year}-0${2 + random.int(3)}-${String(1 + random.int(28)).padStart(2, '0')}`,
      profile: {
        learnerGroup,
        profession,
        programme: null,
        yearOfTraining: 1 + random.int(5),
      },
      education: this.options.education?.assign(index, organisation.region, learnerGroup, profession) ?? null,
      answers,
    };
  }

  /** The national share (0–1) of a measure in a year. */
  private target(measureKey: string, year: number): number {
    const key = `${year}:${measureKey}`;
    let target = this.targets.get(key);
    if (target === undefined) {
      target = nationalTarget(measureKey, year) / 100;
      this.targets.set(key, target);
    }
    return target;
  }

  /** The national base logit that gives the target across providers of every size. */
  private base(measureKey: string, sign: number, year: number): number {
    const key = `${year}:${measureKey}`;
    const known = this.bases.get(key);
    if (known !== undefined) return known;
    const target = this.target(measureKey, year);
    const total = this.population.reduce((sum, o) => sum + o.weight, 0);
    const meanAt = (b: number) =>
      this.population.reduce((sum, o) => sum + o.weight * sigmoid(b + sign * o.effect), 0) / total;
    let [lo, hi] = [-12, 12];
    for (let i = 0; i < 50; i += 1) {
      const mid = (lo + hi) / 2;
      if (meanAt(mid) < target) lo = mid;
      else hi = mid;
    }
    this.bases.set(key, lo);
    return lo;
  }

  /** A yes/no draw at rate p that keeps the running national share on the target. */
  private draw(key: string, p: number, target: number): boolean {
    const gap = this.residuals.get(key) ?? 0;
    const yes = this.random.next() < clamp(p + GAIN * gap);
    this.residuals.set(key, gap + target - (yes ? 1 : 0));
    return yes;
  }

  private measured(measureKey: string, sign: number, effect: number, year: number): boolean {
    const p = sigmoid(this.base(measureKey, sign, year) + sign * effect);
    return this.draw(`${year}:${measureKey}`, p, this.target(measureKey, year));
  }

  private answer(plan: Plan, effect: number, year: number): string[] {
    const random = this.random;
    const { question, options } = plan;
    switch (question.code) {
      case 'Q_WORKLOAD': {
        if (this.measured('workload-too-busy', -1, effect, year)) return ['TOO_BUSY'];
        const quiet = this.target('workload-too-quiet', year) / (1 - this.target('workload-too-busy', year));
        return [this.draw(`${year}:quiet`, quiet, quiet) ? 'TOO_QUIET' : 'ABOUT_RIGHT'];
      }
      case 'Q_SEXUAL_BEHAVIOUR': {
        const codes: string[] = [];
        if (this.measured('sexual-behaviour-by-staff', -1, effect, year)) codes.push('BY_STAFF');
        if (this.measured('sexual-behaviour-by-patients', -1, effect, year)) codes.push('BY_PATIENTS');
        return codes.length > 0 ? codes : ['NO'];
      }
      case 'Q_SERIOUS_CONCERN':
        // Serious concerns are raised live, with contact details; past cycles are imported without them.
        return ['NO'];
    }
    if (plan.measureKey && plan.positive && plan.negative) {
      const positive = this.measured(plan.measureKey, plan.sign, effect, year);
      const from = positive ? plan.positive : plan.negative;
      // Towards the middle of the scale: "agree" more often than "strongly", "neutral" more than "strongly disagree".
      const index = positive
        ? Math.floor(from.length * random.next() ** 1.5)
        : from.length - 1 - Math.floor(from.length * random.next() ** 1.5);
      return [from[Math.min(from.length - 1, Math.max(0, index))]];
    }
    if (question.type === 'MULTIPLE_CHOICE') return this.reasons(question, options, year);
    // Unmeasured single-answer questions: skewed towards the favourable end of the scale.
    if (question.type === 'YES_NO') return [options[random.next() < 0.8 ? 0 : 1]];
    return [options[Math.min(options.length - 1, Math.floor(options.length * Math.sqrt(random.next())))]];
  }

  /** Each reason at its share; at least one, and at most the question's limit (dropping minor ones first). */
  private reasons(question: Question, options: readonly string[], year: number): string[] {
    const key = `${year}:${question.code}`;
    let shares = this.shares.get(key);
    if (!shares) {
      shares = reasonShares(question.code, options, year);
      this.shares.set(key, shares);
    }
    const last = shares[shares.length - 1].percent;
    const chosen = shares.filter(({ code, percent }) =>
      this.draw(`${year}:${question.code}:${code}`, percent / 100, percent / 100),
    );
    if (chosen.length === 0) {
      const minor = shares.filter((s) => s.percent <= last);
      return [this.random.pick(minor).code];
    }
    const max = question.maxSelections ?? chosen.length;
    return chosen
      .sort((a, b) => b.percent - a.percent)
      .slice(0, max)
      .map((s) => s.code);
  }
}
