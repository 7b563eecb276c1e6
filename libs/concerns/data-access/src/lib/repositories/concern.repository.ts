import { randomInt } from 'node:crypto';
import type { SelectQueryBuilder } from 'typeorm';
import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';
import { ConcernEntity } from '../entities/concern.entity';
import type {
  ConcernChanges,
  ConcernDashboardRecord,
  ConcernListFilter,
  ConcernPage,
  ConcernRecord,
  ConcernCursor,
  ConcernScope,
  CountRow,
  NewConcernRecord,
} from '@nets/concerns/domain';

/** The UTC day a concern was raised: lists are ordered by it, never by the exact time. */
const RAISED_DAY_SQL = `(c.raised_at AT TIME ZONE 'UTC')::date`;
const OPEN_STATUS_SQL = `c.status NOT IN ('RESOLVED', 'CLOSED', 'WITHDRAWN')`;

/** Concerns. Methods take the caller's EntityManager so they join its transaction. */
export class ConcernRepository {
  /**
   * A free readable reference of a year, e.g. `C-2025-483920`, drawn at random: a counter would order
   * concerns in time across the country. The unique index settles the rare simultaneous draw.
   */
  async nextReference(transaction: Transaction, year: number): Promise<string> {
    const manager = managerOf(transaction);
    for (;;) {
      const reference = `C-${year}-${String(randomInt(1_000_000)).padStart(6, '0')}`;
      const taken = await manager.query<unknown[]>(`SELECT 1 FROM concern WHERE reference = $1`, [reference]);
      if (taken.length === 0) return reference;
    }
  }

  async insert(
    transaction: Transaction,
    concern: NewConcernRecord,
    reference: string,
  ): Promise<ConcernRecord> {
    const manager = managerOf(transaction);
    const record: ConcernRecord = { ...concern, reference, version: 1 };
    await manager.getRepository(ConcernEntity).insert({ ...record });
    return record;
  }

  async findById(transaction: Transaction, id: string, lock = false): Promise<ConcernRecord | undefined> {
    const manager = managerOf(transaction);
    const query = manager.getRepository(ConcernEntity).createQueryBuilder('c').where('c.id = :id', { id });
    if (lock) query.setLock('pessimistic_write');
    const found = await query.getOne();
    return found ? toRecord(found) : undefined;
  }

  async findByIds(transaction: Transaction, ids: readonly string[]): Promise<ConcernRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager
      .getRepository(ConcernEntity)
      .createQueryBuilder('c')
      .where('c.id = ANY(:ids)', { ids })
      .getMany();
    return rows.map(toRecord);
  }

  async findByIntakeKey(transaction: Transaction, intakeKey: string): Promise<ConcernRecord | undefined> {
    const manager = managerOf(transaction);
    const found = await manager.getRepository(ConcernEntity).findOneBy({ intakeKey });
    return found ? toRecord(found) : undefined;
  }

  async findByFollowUpHash(transaction: Transaction, hash: string): Promise<ConcernRecord | undefined> {
    const manager = managerOf(transaction);
    const found = await manager.getRepository(ConcernEntity).findOneBy({ followUpCodeHash: hash });
    return found ? toRecord(found) : undefined;
  }

  /**
   * Applies changes only if nobody changed the concern since the caller read it: TypeORM's version
   * column does not guard `save()`, so the guard is this WHERE clause. False when the version moved on.
   */
  async updateIfVersion(
    transaction: Transaction,
    id: string,
    expectedVersion: number,
    changes: ConcernChanges,
  ): Promise<boolean> {
    const manager = managerOf(transaction);
    const result = await manager
      .getRepository(ConcernEntity)
      .createQueryBuilder()
      .update(ConcernEntity)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
      .execute();
    return result.affected === 1;
  }

  async list(
    transaction: Transaction,
    scope: ConcernScope,
    filter: ConcernListFilter,
    first: number,
    after: ConcernCursor | undefined,
    now: Date,
  ): Promise<ConcernPage> {
    const manager = managerOf(transaction);
    const query = manager.getRepository(ConcernEntity).createQueryBuilder('c');
    applyScope(query, scope);
    if (filter.organisationId)
      query.andWhere('c.organisation_id = :organisationId', { organisationId: filter.organisationId });
    if (filter.region) query.andWhere('c.region = :region', { region: filter.region });
    if (filter.status) query.andWhere('c.status = :status', { status: filter.status });
    if (filter.isfLevel !== undefined)
      query.andWhere('c.isf_level = :isfLevel', { isfLevel: filter.isfLevel });
    if (filter.category) query.andWhere('c.category = :category', { category: filter.category });
    if (filter.overdue !== undefined)
      query.andWhere(`${filter.overdue ? '' : 'NOT '}(${OVERDUE_SQL})`, { now });
    const totalCount = await query.getCount();
    // Newest day first, then by id: the order within a day must not tell one concern's time from another's.
    if (after) {
      const [day, id] = after;
      query.andWhere(`(${RAISED_DAY_SQL}, c.id) < (:cursorDay::date, :cursorId::uuid)`, {
        cursorDay: day,
        cursorId: id,
      });
    }
    const rows = await query
      .orderBy(RAISED_DAY_SQL, 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(first + 1)
      .getMany();
    const items = rows.slice(0, first).map(toRecord);
    const last = items[items.length - 1];
    return {
      items,
      hasNextPage: rows.length > first,
      endCursor: last ? [last.raisedAt.toISOString().slice(0, 10), last.id] : null,
      totalCount,
    };
  }

  async dashboard(
    transaction: Transaction,
    region: string | undefined,
    now: Date,
  ): Promise<ConcernDashboardRecord> {
    const manager = managerOf(transaction);
    const where = region ? 'WHERE c.region = $1' : '';
    const params = region ? [region] : [];
    const countBy = async (column: string): Promise<CountRow[]> => {
      const rows = await manager.query<Array<{ key: string | null; count: number }>>(
        `SELECT ${column}::text AS key, count(*)::int AS count FROM concern c ${where} GROUP BY 1 ORDER BY 1`,
        params,
      );
      return rows.map((row) => ({ key: row.key ?? 'NONE', count: row.count }));
    };
    const next = params.length + 1;
    const [overdue] = await manager.query<Array<{ concerns: number; actions: number; total: number }>>(
      `SELECT
         (SELECT count(*)::int FROM concern c ${where}) AS total,
         (SELECT count(*)::int FROM concern c ${where ? `${where} AND` : 'WHERE'}
            ${OVERDUE_SQL.replaceAll(':now', `$${next}`)}) AS concerns,
         (SELECT count(*)::int FROM concern_action a JOIN concern c ON c.id = a.concern_id
            ${where ? `${where} AND` : 'WHERE'} a.status = 'OPEN' AND a.due_at < $${next}
            AND ${OPEN_STATUS_SQL}) AS actions`,
      [...params, now],
    );
    const [median] = await manager.query<Array<{ days: number | null }>>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.raised_at) / 86400)
         AS days FROM concern c ${where ? `${where} AND` : 'WHERE'} c.resolved_at IS NOT NULL`,
      params,
    );
    return {
      total: overdue.total,
      byStatus: await countBy('c.status'),
      byIsfLevel: await countBy('c.isf_level'),
      byCategory: await countBy('c.category'),
      byRegion: await countBy('c.region'),
      overdueConcerns: overdue.concerns,
      overdueActions: overdue.actions,
      medianDaysToResolution: median.days === null ? null : Number(median.days),
    };
  }

  /** The registry told us an organisation's region: concerns about it are scoped by it. */
  async setRegionOfOrganisation(
    transaction: Transaction,
    organisationId: string,
    region: string,
  ): Promise<void> {
    const manager = managerOf(transaction);
    await manager.query(
      `UPDATE concern SET region = $2 WHERE organisation_id = $1 AND region IS DISTINCT FROM $2`,
      [organisationId, region],
    );
  }

  /** After a merge the successor carries on: its users and its region's quality team take the concerns over. */
  async moveToSuccessor(
    transaction: Transaction,
    organisationId: string,
    successorId: string,
    region: string,
  ): Promise<ConcernRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager.query<Array<{ id: string }>>(
      `SELECT id FROM concern WHERE organisation_id = $1 FOR UPDATE`,
      [organisationId],
    );
    if (rows.length === 0) return [];
    await manager.query(
      `UPDATE concern SET organisation_id = $2, region = $3, version = version + 1, updated_at = now()
       WHERE organisation_id = $1`,
      [organisationId, successorId, region],
    );
    return this.findByIds(
      transaction,
      rows.map((row) => row.id),
    );
  }
}

/** Open concerns whose progress update or an action is past due. */
const OVERDUE_SQL = `${OPEN_STATUS_SQL} AND (c.next_update_due < :now OR EXISTS (
  SELECT 1 FROM concern_action oa WHERE oa.concern_id = c.id AND oa.status = 'OPEN' AND oa.due_at < :now))`;

function applyScope(query: SelectQueryBuilder<ConcernEntity>, scope: ConcernScope): void {
  switch (scope.kind) {
    case 'all':
      return;
    case 'region':
      query.andWhere('c.region = :scopeRegion', { scopeRegion: scope.region });
      return;
    case 'organisation':
      query.andWhere('c.organisation_id = :scopeOrg', { scopeOrg: scope.organisationId });
      return;
    case 'education-provider':
      query.andWhere('c.education_provider_id = :scopeOrg', { scopeOrg: scope.organisationId });
      return;
  }
}

function toRecord(entity: ConcernEntity): ConcernRecord {
  return {
    id: entity.id,
    reference: entity.reference,
    source: entity.source as ConcernRecord['source'],
    status: entity.status as ConcernRecord['status'],
    organisationId: entity.organisationId,
    originalOrganisationId: entity.originalOrganisationId,
    region: entity.region,
    siteId: entity.siteId,
    programme: entity.programme,
    learnerGroups: entity.learnerGroups,
    educationProviderId: entity.educationProviderId,
    category: entity.category as ConcernRecord['category'],
    standardsAtRisk: entity.standardsAtRisk,
    description: entity.description,
    learnerText: entity.learnerText,
    contactDetails: entity.contactDetails,
    followUpCodeHash: entity.followUpCodeHash,
    learnerIdentifiable: entity.learnerIdentifiable,
    intakeKey: entity.intakeKey,
    likelihood: entity.likelihood,
    consequence: entity.consequence,
    controls: entity.controls,
    isfLevel: entity.isfLevel,
    isfConfigVersion: entity.isfConfigVersion,
    isfRationale: entity.isfRationale,
    isfReviewProposed: entity.isfReviewProposed,
    escalationStep: entity.escalationStep,
    nextUpdateDue: entity.nextUpdateDue,
    raisedBy: entity.raisedBy,
    raisedByRole: entity.raisedByRole,
    raisedAt: entity.raisedAt,
    updatedAt: entity.updatedAt,
    resolvedAt: entity.resolvedAt,
    closedAt: entity.closedAt,
    version: entity.version,
  };
}
