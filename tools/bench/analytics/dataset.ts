// A seeded, reproducible synthetic national dataset for the analytics benchmarks: organisations with sites
// across the seven regions, one published questionnaire per cycle (the default one), and responses with a
// multi-professional learner mix that answer every measured question (follow-ups only after a positive
// parent). Generated lazily, a chunk at a time, so 1,000,000 responses never sit in memory at once.
import type { OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import { NHS_REGIONS } from '@nets/provider-assessment/contract-events';
import type { ResponseSubmitted } from '@nets/response/contract-events';
import type { QuestionnairePublished, Question } from '@nets/survey/contract-events';
import { questionsInOrder } from '@nets/survey/contract-events';
import {
  DEFAULT_QUESTIONNAIRE,
  LEARNER_GROUPS,
  MEASURES,
  PUBLISHED_NATIONAL_FIGURES,
} from '@nets/survey/data-access';

export const FIRST_CYCLE = 2019;

/** mulberry32: small, fast and good enough to make the same dataset from the same seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }

  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** A version 4 UUID from the seeded stream, so ids are reproducible too. */
  uuid(): string {
    const hex: string[] = [];
    for (let i = 0; i < 4; i += 1) hex.push((this.int(2 ** 32) >>> 0).toString(16).padStart(8, '0'));
    const s = hex.join('');
    const variant = ((parseInt(s[16], 16) & 0x3) | 0x8).toString(16);
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
  }
}

/** Cumulative weights for O(log n) weighted picks (organisation sizes are very uneven). */
export class WeightedPicker<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (const weight of weights) {
      sum += weight;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  pick(random: Random): T {
    const target = random.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

/**
 * Roughly the NETS respondent mix: nursing and medical learners dominate, allied health next, then the
 * smaller professions (shares chosen for realism of cell sizes, not taken from a publication).
 */
const LEARNER_GROUP_WEIGHTS: Record<string, number> = {
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

const REGION_WEIGHTS: Record<(typeof NHS_REGIONS)[number], number> = {
  LONDON: 18,
  SOUTH_EAST: 15,
  SOUTH_WEST: 11,
  MIDLANDS: 18,
  EAST_OF_ENGLAND: 11,
  NORTH_EAST_AND_YORKSHIRE: 15,
  NORTH_WEST: 12,
};

export interface BenchOrganisation {
  snapshot: OrganisationSnapshot;
  /** Relative share of the responses (lognormal: a few large trusts, a long tail of small providers). */
  weight: number;
  /** Logit shift of this provider's positive rates: most near zero, a handful of true outliers both ways. */
  effect: number;
}

export interface BenchDataset {
  organisations: readonly BenchOrganisation[];
  questionnaires: readonly QuestionnairePublished[];
  years: readonly number[];
}

const ORGANISATION_KINDS = [
  'NHS_TRUST',
  'FOUNDATION_TRUST',
  'GP_PRACTICE',
  'INDEPENDENT_SECTOR',
  'HOSPICE',
] as const;

export function buildDataset(options: { organisations: number; cycles: number; seed: number }): BenchDataset {
  const random = new Random(options.seed);
  const regions = new WeightedPicker(
    NHS_REGIONS,
    NHS_REGIONS.map((r) => REGION_WEIGHTS[r]),
  );
  const organisations: BenchOrganisation[] = [];
  for (let i = 0; i < options.organisations; i += 1) {
    const weight = Math.exp(1.1 * random.normal());
    // Larger providers run more sites; many small ones have one.
    const siteCount = Math.max(1, Math.min(12, Math.round(weight * 2 + random.next() * 2)));
    const code = `R${(1000 + i).toString(36).toUpperCase()}`;
    const outlier = random.next();
    const effect = 0.25 * random.normal() + (outlier < 0.02 ? -1.2 : outlier > 0.98 ? 1.0 : 0);
    organisations.push({
      weight,
      effect,
      snapshot: {
        id: random.uuid(),
        odsCode: code,
        name: `Bench provider ${code}`,
        kind: ORGANISATION_KINDS[random.int(ORGANISATION_KINDS.length)],
        roles: ['PLACEMENT_PROVIDER'],
        region: regions.pick(random),
        sites: Array.from({ length: siteCount }, (_, s) => ({
          id: random.uuid(),
          code: `${code}${String.fromCharCode(65 + s)}`,
          name: `Bench site ${code}-${s + 1}`,
        })),
        status: 'ACTIVE',
        successorId: null,
      },
    });
  }
  const questionCodes = new Set(questionsInOrder(DEFAULT_QUESTIONNAIRE).map((q) => q.code));
  const years = Array.from({ length: options.cycles }, (_, i) => FIRST_CYCLE + i);
  const questionnaires = years.map(
    (year): QuestionnairePublished => ({
      questionnaireId: random.uuid(),
      year,
      version: 1,
      publishedAt: `${year}-01-10T09:00:00.000Z`,
      content: DEFAULT_QUESTIONNAIRE,
      // What the survey service publishes: every measure whose question the content asks.
      measures: MEASURES.filter((m) => questionCodes.has(m.questionCode)),
    }),
  );
  return { organisations, questionnaires, years };
}

const logit = (p: number) => Math.log(p / (1 - p));
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

interface QuestionPlan {
  question: Question;
  /** Positive option codes of the question's primary measure (the answer the measure counts). */
  positive?: readonly string[];
  negative?: readonly string[];
  /** National base rate of a positive answer, on the logit scale. */
  base?: number;
  /** Lower-is-better measures: a good provider answers "positive" less often. */
  sign: number;
  /** Rising or falling a little each cycle, as the published series do. */
  trendPerYear: number;
}

const SPECIAL_CHOICES: Record<string, ReadonlyArray<{ codes: readonly string[]; weight: number }>> = {
  // Several measures share these questions, each with its own numerator: draw the whole distribution.
  Q_WORKLOAD: [
    { codes: ['TOO_BUSY'], weight: 54 },
    { codes: ['ABOUT_RIGHT'], weight: 41 },
    { codes: ['TOO_QUIET'], weight: 5 },
  ],
  Q_SEXUAL_BEHAVIOUR: [
    { codes: ['NO'], weight: 84 },
    { codes: ['BY_PATIENTS'], weight: 12 },
    { codes: ['BY_STAFF'], weight: 3 },
    { codes: ['BY_STAFF', 'BY_PATIENTS'], weight: 1 },
  ],
  Q_SERIOUS_CONCERN: [
    { codes: ['NO'], weight: 99 },
    { codes: ['YES'], weight: 1 },
  ],
};

function questionPlans(questionnaire: QuestionnairePublished): QuestionPlan[] {
  const latestFigure = new Map<string, number>();
  for (const figure of PUBLISHED_NATIONAL_FIGURES) latestFigure.set(figure.measureKey, figure.percent / 100);
  return questionsInOrder(questionnaire.content)
    .filter((question) => question.type !== 'FREE_TEXT')
    .map((question) => {
      const measure = questionnaire.measures.find(
        (m) => m.questionCode === question.code && (question.measureKey ?? m.key) === m.key,
      );
      if (!measure || SPECIAL_CHOICES[question.code]) return { question, sign: 1, trendPerYear: 0 };
      const positive = measure.positiveOptionCodes;
      const rate = latestFigure.get(measure.key) ?? (measure.polarity === 'HIGHER_IS_BETTER' ? 0.8 : 0.2);
      return {
        question,
        positive,
        negative: question.options.map((o) => o.code).filter((code) => !positive.includes(code)),
        base: logit(Math.min(0.97, Math.max(0.03, rate))),
        sign: measure.polarity === 'HIGHER_IS_BETTER' ? 1 : -1,
        trendPerYear: measure.polarity === 'HIGHER_IS_BETTER' ? 0.04 : -0.02,
      };
    });
}

/** Responses for every cycle, spread evenly over the cycles, produced a chunk at a time. */
export class ResponseGenerator {
  private readonly random: Random;
  private readonly organisations: WeightedPicker<BenchOrganisation>;
  private readonly groups: WeightedPicker<(typeof LEARNER_GROUPS)[number]>;
  private readonly plans = new Map<string, QuestionPlan[]>();
  private produced = 0;

  constructor(
    private readonly dataset: BenchDataset,
    private readonly total: number,
    seed: number,
  ) {
    this.random = new Random(seed);
    this.organisations = new WeightedPicker(
      dataset.organisations,
      dataset.organisations.map((o) => o.weight),
    );
    this.groups = new WeightedPicker(
      LEARNER_GROUPS,
      LEARNER_GROUPS.map((g) => LEARNER_GROUP_WEIGHTS[g.code] ?? 1),
    );
    for (const questionnaire of dataset.questionnaires)
      this.plans.set(questionnaire.questionnaireId, questionPlans(questionnaire));
  }

  get remaining(): number {
    return this.total - this.produced;
  }

  next(count: number): ResponseSubmitted[] {
    const chunk: ResponseSubmitted[] = [];
    const perCycle = Math.ceil(this.total / this.dataset.years.length);
    for (let i = 0; i < count && this.produced < this.total; i += 1, this.produced += 1) {
      const cycle = Math.min(this.dataset.years.length - 1, Math.floor(this.produced / perCycle));
      chunk.push(this.response(this.dataset.questionnaires[cycle]));
    }
    return chunk;
  }

  private response(questionnaire: QuestionnairePublished): ResponseSubmitted {
    const random = this.random;
    const organisation = this.organisations.pick(random);
    const group = this.groups.pick(random);
    const profession = group.professions[random.int(group.professions.length)];
    const sites = organisation.snapshot.sites;
    // Some learners do not know or give their site: the "no site" remainder.
    const siteId = random.next() < 0.08 ? null : sites[random.int(sites.length)].id;
    const cycleIndex = questionnaire.year - FIRST_CYCLE;
    const answers: Array<{ questionCode: string; optionCodes: string[] }> = [];
    const given = new Map<string, readonly string[]>();
    for (const plan of this.plans.get(questionnaire.questionnaireId) ?? []) {
      const { question } = plan;
      const condition = question.condition;
      if (condition) {
        const parent = given.get(condition.questionCode);
        if (!parent || !parent.some((code) => condition.anyOf.includes(code))) continue;
      }
      const optionCodes = this.answer(plan, organisation.effect, cycleIndex);
      given.set(question.code, optionCodes);
      answers.push({ questionCode: question.code, optionCodes });
    }
    return {
      responseId: random.uuid(),
      cycleYear: questionnaire.year,
      questionnaireId: questionnaire.questionnaireId,
      questionnaireVersion: questionnaire.version,
      submittedOn: `${questionnaire.year}-0${2 + random.int(3)}-${String(1 + random.int(28)).padStart(2, '0')}`,
      profile: {
        learnerGroup: group.code,
        profession: profession.code,
        programme: null,
        yearOfTraining: 1 + random.int(5),
      },
      placement: { organisationId: organisation.snapshot.id, siteId },
      answers,
      imported: false,
    };
  }

  private answer(plan: QuestionPlan, effect: number, cycleIndex: number): string[] {
    const random = this.random;
    const { question } = plan;
    const special = SPECIAL_CHOICES[question.code];
    if (special) {
      const total = special.reduce((sum, c) => sum + c.weight, 0);
      let target = random.next() * total;
      for (const choice of special) {
        target -= choice.weight;
        if (target < 0) return [...choice.codes];
      }
      return [...special[0].codes];
    }
    if (plan.positive && plan.negative && plan.base !== undefined) {
      const p = sigmoid(plan.base + plan.sign * effect + plan.trendPerYear * (cycleIndex - 5));
      const from = random.next() < p ? plan.positive : plan.negative;
      return [from[random.int(from.length)]];
    }
    const options = question.options.map((o) => o.code);
    if (question.type === 'MULTIPLE_CHOICE') {
      // Earlier options are likelier, so the reason rankings are stable as in the published results.
      const wanted = 1 + random.int(Math.min(3, question.maxSelections ?? 3));
      const chosen = new Set<string>();
      while (chosen.size < wanted) {
        const index = Math.floor(options.length * random.next() ** 2);
        chosen.add(options[index]);
      }
      return [...chosen];
    }
    // Unmeasured single-answer questions: skewed towards the favourable end of the scale.
    const index = Math.min(options.length - 1, Math.floor(options.length * Math.sqrt(random.next())));
    return [question.type === 'YES_NO' ? options[random.next() < 0.8 ? 0 : 1] : options[index]];
  }
}
