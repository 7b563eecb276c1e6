import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';
import type {
  NhsRegion,
  OrganisationKind,
  OrganisationRole,
} from '@nets/provider-assessment/contract-events';
import { OrganisationEntity, OrganisationSiteEntity } from '../entities/organisation.entity';
import type {
  OrganisationCursor,
  OrganisationRecord,
  OrganisationSearch,
  OrganisationStatus,
  SiteRecord,
} from '@nets/provider-assessment/domain';

export interface OrganisationPage {
  organisations: OrganisationRecord[];
  hasNextPage: boolean;
  totalCount: number;
}

/** The organisation registry. Methods take the caller's EntityManager so they join its transaction. */
export class OrganisationRepository {
  async findByIds(
    transaction: Transaction,
    ids: readonly string[],
    lock = false,
  ): Promise<OrganisationRecord[]> {
    const manager = managerOf(transaction);
    if (ids.length === 0) return [];
    const query = manager
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('o.id = ANY(:ids)', { ids: [...ids] });
    if (lock) query.orderBy('o.id').setLock('pessimistic_write');
    return this.withSites(transaction, await query.getMany());
  }

  async findByOdsCodes(transaction: Transaction, codes: readonly string[]): Promise<OrganisationRecord[]> {
    const manager = managerOf(transaction);
    if (codes.length === 0) return [];
    const rows = await manager
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where('o.ods_code = ANY(:codes)', { codes: [...codes] })
      .getMany();
    return this.withSites(transaction, rows);
  }

  /** Which of these site codes exist already, and on which organisation. */
  async findSiteOwners(transaction: Transaction, codes: readonly string[]): Promise<Map<string, string>> {
    const manager = managerOf(transaction);
    if (codes.length === 0) return new Map();
    const rows = await manager
      .getRepository(OrganisationSiteEntity)
      .createQueryBuilder('s')
      .where('s.code = ANY(:codes)', { codes: [...codes] })
      .getMany();
    return new Map(rows.map((row) => [row.code, row.organisationId]));
  }

  /** Every active placement provider (optionally of one region), by name: those who owe a self-assessment. */
  async activePlacementProviders(
    transaction: Transaction,
    region?: NhsRegion,
  ): Promise<OrganisationRecord[]> {
    const manager = managerOf(transaction);
    const query = manager
      .getRepository(OrganisationEntity)
      .createQueryBuilder('o')
      .where("o.status = 'ACTIVE'")
      .andWhere(':role = ANY(o.roles)', { role: 'PLACEMENT_PROVIDER' });
    if (region) query.andWhere('o.region = :region', { region });
    const rows = await query.orderBy('o.name', 'ASC').addOrderBy('o.id', 'ASC').getMany();
    return this.withSites(transaction, rows);
  }

  async search(
    transaction: Transaction,
    filter: OrganisationSearch,
    first: number,
    after?: OrganisationCursor,
  ): Promise<OrganisationPage> {
    const manager = managerOf(transaction);
    const query = manager.getRepository(OrganisationEntity).createQueryBuilder('o');
    if (filter.region) query.andWhere('o.region = :region', { region: filter.region });
    if (filter.kind) query.andWhere('o.kind = :kind', { kind: filter.kind });
    if (filter.role) query.andWhere(':role = ANY(o.roles)', { role: filter.role });
    if (filter.status) query.andWhere('o.status = :status', { status: filter.status });
    const search = filter.search?.trim();
    if (search) {
      const pattern = `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        `(o.name ILIKE :pattern OR o.ods_code ILIKE :pattern OR EXISTS (SELECT 1 FROM organisation_site s
          WHERE s.organisation_id = o.id AND (s.code ILIKE :pattern OR s.name ILIKE :pattern)))`,
        { pattern },
      );
    }
    const totalCount = await query.clone().getCount();
    if (after) {
      query.andWhere('(o.name, o.id) > (:afterName, :afterId)', { afterName: after.name, afterId: after.id });
    }
    const rows = await query
      .orderBy('o.name', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(first + 1)
      .getMany();
    const page = rows.slice(0, first);
    return {
      organisations: await this.withSites(transaction, page),
      hasNextPage: rows.length > first,
      totalCount,
    };
  }

  async insert(transaction: Transaction, organisations: readonly OrganisationRecord[]): Promise<void> {
    const manager = managerOf(transaction);
    if (organisations.length === 0) return;
    await manager.getRepository(OrganisationEntity).insert(organisations.map(toEntity));
    const sites = organisations.flatMap((o) => o.sites.map((site) => ({ ...site, organisationId: o.id })));
    if (sites.length > 0) await manager.getRepository(OrganisationSiteEntity).insert(sites);
  }

  /** Replaces the organisation's row and its set of sites. */
  async update(transaction: Transaction, organisation: OrganisationRecord): Promise<void> {
    const manager = managerOf(transaction);
    const { id, ...changes } = toEntity(organisation);
    await manager.getRepository(OrganisationEntity).update({ id }, { ...changes, updatedAt: new Date() });
    const sites = manager.getRepository(OrganisationSiteEntity);
    await sites.delete({ organisationId: id });
    if (organisation.sites.length > 0) {
      await sites.insert(organisation.sites.map((site) => ({ ...site, organisationId: id })));
    }
  }

  /** Organisations whose successor is `id` (to repoint a chain when `id` itself merges). */
  async findPredecessors(transaction: Transaction, id: string): Promise<OrganisationRecord[]> {
    const manager = managerOf(transaction);
    const rows = await manager.getRepository(OrganisationEntity).findBy({ successorId: id });
    return this.withSites(transaction, rows);
  }

  private async withSites(
    transaction: Transaction,
    rows: readonly OrganisationEntity[],
  ): Promise<OrganisationRecord[]> {
    const manager = managerOf(transaction);
    if (rows.length === 0) return [];
    const sites = await manager
      .getRepository(OrganisationSiteEntity)
      .createQueryBuilder('s')
      .where('s.organisation_id = ANY(:ids)', { ids: rows.map((row) => row.id) })
      .orderBy('s.code', 'ASC')
      .getMany();
    const byOrganisation = new Map<string, SiteRecord[]>();
    for (const site of sites) {
      const list = byOrganisation.get(site.organisationId) ?? [];
      list.push({ id: site.id, code: site.code, name: site.name });
      byOrganisation.set(site.organisationId, list);
    }
    return rows.map((row) => toRecord(row, byOrganisation.get(row.id) ?? []));
  }
}

function toEntity(record: OrganisationRecord): Omit<OrganisationEntity, 'createdAt' | 'updatedAt'> {
  return {
    id: record.id,
    odsCode: record.odsCode,
    name: record.name,
    kind: record.kind,
    roles: [...record.roles],
    region: record.region,
    status: record.status,
    successorId: record.successorId,
  };
}

function toRecord(entity: OrganisationEntity, sites: SiteRecord[]): OrganisationRecord {
  return {
    id: entity.id,
    odsCode: entity.odsCode,
    name: entity.name,
    kind: entity.kind as OrganisationKind,
    roles: entity.roles as OrganisationRole[],
    region: entity.region as NhsRegion,
    status: entity.status as OrganisationStatus,
    successorId: entity.successorId,
    sites,
  };
}
