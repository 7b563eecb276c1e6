import { NotFoundError } from '@nets/shared/util-errors';
import type {
  LearnerGroupRecord,
  MeasureRecord,
  QualityDomainRecord,
  QualityFrameworkRecord,
  QualityStandardRecord,
  ReferenceDataRepository,
} from '@nets/survey/data-access';

/** The framework, measures and learner groups, as readers and the questionnaire validator need them. */
export class ReferenceDataService {
  constructor(private readonly repository: ReferenceDataRepository) {}

  framework(edition?: string): Promise<QualityFrameworkRecord | undefined> {
    return this.repository.framework(edition);
  }

  async domain(number: number, edition?: string): Promise<QualityDomainRecord | undefined> {
    const framework = await this.repository.framework(edition);
    return framework?.domains.find((domain) => domain.number === number);
  }

  /** One query for any number of codes; the result is in the order of `codes`, undefined where unknown. */
  async standardsByCodes(codes: readonly string[]): Promise<Array<QualityStandardRecord | undefined>> {
    const found = new Map((await this.repository.currentStandards(codes)).map((s) => [s.code, s]));
    return codes.map((code) => found.get(code));
  }

  currentStandardCodes(): Promise<Set<string>> {
    return this.repository.currentStandardCodes();
  }

  async measures(theme?: string): Promise<MeasureRecord[]> {
    const all = await this.repository.measures();
    return theme ? all.filter((measure) => measure.theme === theme) : all;
  }

  async measuresByKeys(keys: readonly string[]): Promise<Array<MeasureRecord | undefined>> {
    const found = new Map((await this.repository.measures(keys)).map((m) => [m.key, m]));
    return keys.map((key) => found.get(key));
  }

  async measure(key: string): Promise<MeasureRecord> {
    const [measure] = await this.repository.measures([key]);
    if (!measure) throw new NotFoundError(`No measure ${key}.`);
    return measure;
  }

  learnerGroups(): Promise<LearnerGroupRecord[]> {
    return this.repository.learnerGroups();
  }
}
