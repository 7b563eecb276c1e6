import type { DataSource } from 'typeorm';
import { LearnerGroupEntity, ProfessionEntity } from '../entities/learner-group.entity';
import { MeasureEntity } from '../entities/measure.entity';
import {
  QualityDomainEntity,
  QualityFrameworkEditionEntity,
  QualityStandardEntity,
} from '../entities/quality-framework.entity';
import type {
  LearnerGroupRecord,
  MeasureRecord,
  QualityFrameworkRecord,
  QualityStandardRecord,
} from '@nets/survey/domain';

/** Reads the framework, measures and learner groups: reference data that changes only by migration. */
export class ReferenceDataRepository {
  constructor(private readonly dataSource: DataSource) {}

  async framework(edition?: string): Promise<QualityFrameworkRecord | undefined> {
    const editions = this.dataSource.getRepository(QualityFrameworkEditionEntity);
    const found = edition
      ? await editions.findOneBy({ edition })
      : await editions.findOneBy({ isCurrent: true });
    if (!found) return undefined;
    const [domains, standards] = await Promise.all([
      this.dataSource
        .getRepository(QualityDomainEntity)
        .find({ where: { edition: found.edition }, order: { number: 'ASC' } }),
      this.dataSource
        .getRepository(QualityStandardEntity)
        .find({ where: { edition: found.edition }, order: { position: 'ASC' } }),
    ]);
    return {
      edition: found.edition,
      title: found.title,
      publishedYear: found.publishedYear,
      isCurrent: found.isCurrent,
      domains: domains.map((domain) => ({
        edition: domain.edition,
        number: domain.number,
        title: domain.title,
        overview: domain.overview,
        standards: standards.filter((s) => s.domainNumber === domain.number).map(toStandard),
      })),
    };
  }

  /** Standards of the current edition by code, in one query. */
  async currentStandards(codes: readonly string[]): Promise<QualityStandardRecord[]> {
    const rows = await this.dataSource.query<
      Array<{
        edition: string;
        code: string;
        domain_number: number;
        statement: string;
        descriptors: string[];
      }>
    >(
      `SELECT s.* FROM quality_standard s JOIN quality_framework_edition e ON e.edition = s.edition AND e.is_current
       WHERE s.code = ANY($1::text[]) ORDER BY s.position`,
      [codes],
    );
    return rows.map((row) => ({
      edition: row.edition,
      code: row.code,
      domainNumber: row.domain_number,
      statement: row.statement,
      descriptors: row.descriptors,
    }));
  }

  async currentStandardCodes(): Promise<Set<string>> {
    const rows = await this.dataSource.query<Array<{ code: string }>>(
      `SELECT s.code FROM quality_standard s JOIN quality_framework_edition e ON e.edition = s.edition AND e.is_current`,
    );
    return new Set(rows.map((row) => row.code));
  }

  async measures(keys?: readonly string[]): Promise<MeasureRecord[]> {
    const query = this.dataSource
      .getRepository(MeasureEntity)
      .createQueryBuilder('m')
      .orderBy('m.position', 'ASC');
    if (keys) query.where('m.key = ANY(:keys)', { keys });
    return (await query.getMany()).map((m) => ({
      key: m.key,
      title: m.title,
      description: m.description,
      questionCode: m.questionCode,
      positiveOptionCodes: m.positiveOptionCodes,
      polarity: m.polarity,
      standardCodes: m.standardCodes,
      firstYear: m.firstYear,
      theme: m.theme,
    }));
  }

  async learnerGroups(): Promise<LearnerGroupRecord[]> {
    const [groups, professions] = await Promise.all([
      this.dataSource.getRepository(LearnerGroupEntity).find({ order: { position: 'ASC' } }),
      this.dataSource.getRepository(ProfessionEntity).find({ order: { position: 'ASC' } }),
    ]);
    return groups.map((group) => ({
      code: group.code,
      name: group.name,
      professions: professions
        .filter((p) => p.learnerGroupCode === group.code)
        .map((p) => ({ code: p.code, name: p.name, learnerGroupCode: p.learnerGroupCode })),
    }));
  }
}

function toStandard(entity: QualityStandardEntity): QualityStandardRecord {
  return {
    edition: entity.edition,
    code: entity.code,
    domainNumber: entity.domainNumber,
    statement: entity.statement,
    descriptors: entity.descriptors,
  };
}
