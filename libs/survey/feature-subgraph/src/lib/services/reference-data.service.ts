import { NotFoundError, type ErrorDetail } from '@nets/shared/util-errors';
import type { ReferenceDataRepository } from '@nets/survey/data-access';
import type {
  LearnerGroupRecord,
  MeasureRecord,
  QualityDomainRecord,
  QualityFrameworkRecord,
  QualityStandardRecord,
} from '@nets/survey/domain';
import type { LearnerGroupDefinition, QuestionnaireContent } from '@nets/survey/contract-events';
import { TEXT_LIMITS, textProblem } from '@nets/shared/util-text';
import {
  measuresFedBy,
  PUBLISHED_NATIONAL_FIGURES,
  PUBLISHED_REASON_SHARES,
  validateQuestionnaire,
  type NationalFigure,
  type PublishedReasonShare,
} from '@nets/survey/domain';

/** What a questionnaire is checked against when published, and the measures it then feeds. */
export interface PublicationRules {
  problemsOf(content: QuestionnaireContent): ErrorDetail[];
  measuresFedBy(content: QuestionnaireContent): ReturnType<typeof measuresFedBy>;
  /** The learner groups and professions a response to the published version may name. */
  learnerGroups: LearnerGroupDefinition[];
}

/** The framework, measures and learner groups, as readers and the questionnaire validator need them. */
export class ReferenceDataService {
  constructor(private readonly repository: ReferenceDataRepository) {}

  async framework(edition?: string): Promise<QualityFrameworkRecord | undefined> {
    return edition === undefined || isReadableCode(edition) ? this.repository.framework(edition) : undefined;
  }

  async domain(number: number, edition?: string): Promise<QualityDomainRecord | undefined> {
    const framework = await this.framework(edition);
    return framework?.domains.find((domain) => domain.number === number);
  }

  /** One query for any number of codes; the result is in the order of `codes`, undefined where unknown. */
  async standardsByCodes(codes: readonly string[]): Promise<Array<QualityStandardRecord | undefined>> {
    const found = new Map(
      (await this.repository.currentStandards(codes.filter(isReadableCode))).map((s) => [s.code, s]),
    );
    return codes.map((code) => found.get(code));
  }

  /** NHS England's published national figures for a measure, oldest first. */
  publishedFigures(measureKey: string): NationalFigure[] {
    return PUBLISHED_NATIONAL_FIGURES.filter((figure) => figure.measureKey === measureKey).sort(
      (a, b) => a.year - b.year,
    );
  }

  publishedReasonShares(year: number): PublishedReasonShare[] {
    return PUBLISHED_REASON_SHARES.filter((share) => share.year === year);
  }

  /** Read once per publication, outside its transaction. */
  async publicationRules(): Promise<PublicationRules> {
    const [standardCodes, measures, learnerGroups] = await Promise.all([
      this.repository.currentStandardCodes(),
      this.measures(),
      this.learnerGroups(),
    ]);
    const byKey = new Map(measures.map((measure) => [measure.key, measure]));
    return {
      problemsOf: (content) => validateQuestionnaire(content, { standardCodes, measures: byKey }),
      measuresFedBy: (content) => measuresFedBy(content, measures),
      learnerGroups: learnerGroups.map((group) => ({
        code: group.code,
        name: group.name,
        professions: group.professions.map(({ code, name }) => ({ code, name })),
      })),
    };
  }

  async measures(theme?: string): Promise<MeasureRecord[]> {
    const all = await this.repository.measures();
    return theme ? all.filter((measure) => measure.theme === theme) : all;
  }

  async measuresByKeys(keys: readonly string[]): Promise<Array<MeasureRecord | undefined>> {
    const found = new Map(
      (await this.repository.measures(keys.filter(isReadableCode))).map((m) => [m.key, m]),
    );
    return keys.map((key) => found.get(key));
  }

  async measure(key: string): Promise<MeasureRecord> {
    const [measure] = isReadableCode(key) ? await this.repository.measures([key]) : [];
    if (!measure) throw new NotFoundError(`No measure ${key}.`);
    return measure;
  }

  learnerGroups(): Promise<LearnerGroupRecord[]> {
    return this.repository.learnerGroups();
  }
}

/** A code, key or edition worth looking up: anything else (too long, control characters) is simply unknown. */
function isReadableCode(code: string): boolean {
  return textProblem(code, { max: TEXT_LIMITS.name }) === undefined;
}
