// The analytics benchmarks' dataset: synthetic organisations with ids (as the registry would publish them),
// one published questionnaire per cycle (the default one), and the national dataset's responses
// (tools/dataset) as the response service would publish them. Generated a chunk at a time.
import type { OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import { NHS_REGIONS } from '@nets/provider-assessment/contract-events';
import type { ResponseSubmitted } from '@nets/response/contract-events';
import type { QuestionnairePublished } from '@nets/survey/contract-events';
import { questionsInOrder } from '@nets/survey/contract-events';
import { DEFAULT_QUESTIONNAIRE, MEASURES } from '@nets/survey/domain';
import { Random, WeightedPicker } from '../../dataset/random';
import { ResponseStream } from '../../dataset/responses';
import { FIRST_CYCLE } from '../../dataset/targets';

export { FIRST_CYCLE, Random, WeightedPicker };

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

/** Responses for every cycle, spread evenly over the cycles, produced a chunk at a time. */
type Placed = BenchOrganisation & { sites: OrganisationSnapshot['sites'] };

export class ResponseGenerator {
  /** Response ids from their own seeded stream, in order. */
  private readonly ids: Random;
  private readonly stream: ResponseStream<Placed>;
  private readonly questionnaireOf: Map<number, QuestionnairePublished>;

  constructor(dataset: BenchDataset, total: number, seed: number) {
    this.ids = new Random(seed ^ 0x5eed);
    this.questionnaireOf = new Map(dataset.questionnaires.map((q) => [q.year, q]));
    this.stream = new ResponseStream(
      dataset.organisations.map((o) => ({ ...o, sites: o.snapshot.sites })),
      { total, years: dataset.years, seed, freeText: false },
    );
  }

  get remaining(): number {
    return this.stream.remaining;
  }

  next(count: number): ResponseSubmitted[] {
    return this.stream.next(count).map((response) => {
      const questionnaire = this.questionnaireOf.get(response.year);
      if (!questionnaire) throw new Error(`no questionnaire for ${response.year}`);
      const { snapshot } = response.organisation;
      return {
        responseId: this.ids.uuid(),
        cycleYear: response.year,
        questionnaireId: questionnaire.questionnaireId,
        questionnaireVersion: questionnaire.version,
        submittedOn: response.submittedOn,
        profile: response.profile,
        placement: {
          organisationId: snapshot.id,
          siteId: response.site === null ? null : snapshot.sites[response.site].id,
        },
        answers: response.answers.map((a) => ({
          questionCode: a.questionCode,
          optionCodes: a.optionCodes ?? [],
        })),
        imported: false,
      };
    });
  }
}
