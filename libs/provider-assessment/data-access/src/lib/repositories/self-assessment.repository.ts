import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';
import type { NhsRegion, SelfRating } from '@nets/provider-assessment/contract-events';
import { SelfAssessmentCycleEntity, SelfAssessmentEntity } from '../entities/self-assessment.entity';
import {
  COUNTED_STATUSES,
  type IndicatorTally,
  type PsaIndicatorKey,
  type RatingTally,
  type SelfAssessmentCycleRecord,
  type SelfAssessmentRecord,
  type SelfAssessmentStatus,
} from '@nets/provider-assessment/domain';

export interface SelfAssessmentListFilter {
  year: number;
  region?: NhsRegion;
  organisationId?: string;
  status?: SelfAssessmentStatus;
}

/** PSA cycles and assessments. Methods take the caller's EntityManager so they join its transaction. */
export class SelfAssessmentRepository {
  async insertCycle(transaction: Transaction, cycle: SelfAssessmentCycleRecord): Promise<void> {
    const manager = managerOf(transaction);
    await manager.getRepository(SelfAssessmentCycleEntity).insert({ ...cycle });
  }

  async findCycle(transaction: Transaction, year: number): Promise<SelfAssessmentCycleRecord | undefined> {
    const manager = managerOf(transaction);
    const found = await manager.getRepository(SelfAssessmentCycleEntity).findOneBy({ year });
    return found ? { year: found.year, opensAt: found.opensAt, dueAt: found.dueAt } : undefined;
  }

  async listCycles(transaction: Transaction): Promise<SelfAssessmentCycleRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager.getRepository(SelfAssessmentCycleEntity).find({ order: { year: 'DESC' } });
    return rows.map(({ year, opensAt, dueAt }) => ({ year, opensAt, dueAt }));
  }

  async find(
    transaction: Transaction,
    organisationId: string,
    year: number,
    lock = false,
  ): Promise<SelfAssessmentRecord | undefined> {
    const manager = managerOf(transaction);
    const query = manager
      .getRepository(SelfAssessmentEntity)
      .createQueryBuilder('a')
      .where('a.organisation_id = :organisationId AND a.year = :year', { organisationId, year });
    if (lock) query.setLock('pessimistic_write');
    const found = await query.getOne();
    return found ? toRecord(found) : undefined;
  }

  /** One query for any number of (organisation, year) pairs. */
  async findMany(
    transaction: Transaction,
    keys: ReadonlyArray<{ organisationId: string; year: number }>,
  ): Promise<SelfAssessmentRecord[]> {
    const manager = managerOf(transaction);
    if (keys.length === 0) return [];
    const rows = await manager
      .getRepository(SelfAssessmentEntity)
      .createQueryBuilder('a')
      .where(
        `(a.organisation_id, a.year) IN (SELECT * FROM unnest(:organisationIds::uuid[], :years::int[]))`,
        { organisationIds: keys.map((k) => k.organisationId), years: keys.map((k) => k.year) },
      )
      .getMany();
    return rows.map(toRecord);
  }

  async list(transaction: Transaction, filter: SelfAssessmentListFilter): Promise<SelfAssessmentRecord[]> {
    const manager = managerOf(transaction);
    const query = manager
      .getRepository(SelfAssessmentEntity)
      .createQueryBuilder('a')
      .where('a.year = :year', { year: filter.year });
    if (filter.region) query.andWhere('a.region = :region', { region: filter.region });
    if (filter.organisationId) {
      query.andWhere('a.organisation_id = :organisationId', { organisationId: filter.organisationId });
    }
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    const rows = await query.orderBy('a.updated_at', 'DESC').getMany();
    return rows.map(toRecord);
  }

  /** Organisation ids that already have an assessment for the year. */
  async existing(
    transaction: Transaction,
    year: number,
    organisationIds: readonly string[],
  ): Promise<Set<string>> {
    const manager = managerOf(transaction);
    if (organisationIds.length === 0) return new Set();
    const rows = await manager
      .getRepository(SelfAssessmentEntity)
      .createQueryBuilder('a')
      .select('a.organisation_id', 'organisationId')
      .where('a.year = :year AND a.organisation_id = ANY(:ids)', { year, ids: [...organisationIds] })
      .getRawMany<{ organisationId: string }>();
    return new Set(rows.map((row) => row.organisationId));
  }

  async insert(transaction: Transaction, assessments: readonly SelfAssessmentRecord[]): Promise<void> {
    const manager = managerOf(transaction);
    if (assessments.length === 0) return;
    await manager.getRepository(SelfAssessmentEntity).insert(assessments.map((a) => ({ ...a })));
  }

  /**
   * Writes the assessment and moves its version on, only if it is still at `assessment.version` (the version
   * the caller read). False when someone else changed it in between: nothing is written.
   */
  async update(transaction: Transaction, assessment: SelfAssessmentRecord): Promise<boolean> {
    const manager = managerOf(transaction);
    const { id, createdAt: _createdAt, version, ...changes } = assessment;
    const result = await manager
      .getRepository(SelfAssessmentEntity)
      .createQueryBuilder()
      .update(SelfAssessmentEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return result.affected === 1;
  }

  /** Yes and answered counts per indicator and year, over counted assessments, aggregated in SQL. */
  async indicatorTallies(
    transaction: Transaction,
    years: readonly number[],
    region?: NhsRegion,
  ): Promise<IndicatorTally[]> {
    const manager = managerOf(transaction);
    const rows: Array<{ year: number; key: string; yes: number; answered: number }> = await manager.query(
      `SELECT a.year, i->>'key' AS key,
              count(*) FILTER (WHERE (i->>'answer')::boolean)::int AS yes,
              count(*) FILTER (WHERE i->>'answer' IS NOT NULL)::int AS answered
         FROM self_assessment a, jsonb_array_elements(a.indicators) i
        WHERE a.year = ANY($1) AND a.status = ANY($2) AND ($3::text IS NULL OR a.region = $3)
        GROUP BY a.year, i->>'key'`,
      [[...years], [...COUNTED_STATUSES], region ?? null],
    );
    return rows.map((row) => ({ ...row, key: row.key as PsaIndicatorKey }));
  }

  async ratingTallies(transaction: Transaction, year: number, region?: NhsRegion): Promise<RatingTally[]> {
    const manager = managerOf(transaction);
    const rows: Array<{ code: string; rating: string; count: number }> = await manager.query(
      `SELECT s->>'code' AS code, s->>'rating' AS rating, count(*)::int AS count
         FROM self_assessment a, jsonb_array_elements(a.standards) s
        WHERE a.year = $1 AND a.status = ANY($2) AND ($3::text IS NULL OR a.region = $3)
          AND s->>'rating' IS NOT NULL
        GROUP BY s->>'code', s->>'rating'`,
      [year, [...COUNTED_STATUSES], region ?? null],
    );
    return rows.map((row) => ({ ...row, rating: row.rating as SelfRating }));
  }

  async countCounted(transaction: Transaction, year: number, region?: NhsRegion): Promise<number> {
    const manager = managerOf(transaction);
    const rows: Array<{ n: number }> = await manager.query(
      `SELECT count(*)::int AS n FROM self_assessment a
        WHERE a.year = $1 AND a.status = ANY($2) AND ($3::text IS NULL OR a.region = $3)`,
      [year, [...COUNTED_STATUSES], region ?? null],
    );
    return rows[0]?.n ?? 0;
  }
}

function toRecord(entity: SelfAssessmentEntity): SelfAssessmentRecord {
  return {
    id: entity.id,
    organisationId: entity.organisationId,
    region: entity.region as NhsRegion,
    year: entity.year,
    status: entity.status as SelfAssessmentStatus,
    standards: entity.standards,
    indicators: entity.indicators,
    signOff: entity.signOff,
    firstSubmittedAt: entity.firstSubmittedAt,
    submittedAt: entity.submittedAt,
    late: entity.late,
    submissionCount: entity.submissionCount,
    reviews: entity.reviews,
    imported: entity.imported,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
    version: entity.version,
  };
}
