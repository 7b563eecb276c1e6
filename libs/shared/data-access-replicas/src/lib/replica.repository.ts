import type { EntityManager } from 'typeorm';
import type { OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import type { QuestionnairePublished } from '@nets/survey/contract-events';
import {
  OrganisationReplicaEntity,
  QuestionnaireReplicaEntity,
  SurveyCycleReplicaEntity,
} from './organisation-replica.entity';

export type OrganisationReplica = OrganisationSnapshot;

function toSnapshot(entity: OrganisationReplicaEntity): OrganisationReplica {
  return {
    id: entity.id,
    odsCode: entity.odsCode,
    name: entity.name,
    kind: entity.kind as OrganisationReplica['kind'],
    roles: entity.roles as OrganisationReplica['roles'],
    region: entity.region as OrganisationReplica['region'],
    status: entity.status as OrganisationReplica['status'],
    successorId: entity.successorId,
    sites: entity.sites,
  };
}

/** Reads this service's copies. Methods take the caller's EntityManager so they join its transaction. */
export class ReplicaRepository {
  async organisations(manager: EntityManager, ids: readonly string[]): Promise<OrganisationReplica[]> {
    const rows = await manager
      .getRepository(OrganisationReplicaEntity)
      .createQueryBuilder('o')
      .where('o.id = ANY(:ids)', { ids })
      .getMany();
    return rows.map(toSnapshot);
  }

  async organisation(manager: EntityManager, id: string): Promise<OrganisationReplica | undefined> {
    const [found] = await this.organisations(manager, [id]);
    return found;
  }

  /** Follows merges to the organisation that carries on, so results and concerns follow the successor. */
  async currentSuccessor(manager: EntityManager, id: string): Promise<OrganisationReplica | undefined> {
    const seen = new Set<string>();
    let current = await this.organisation(manager, id);
    while (current?.successorId && !seen.has(current.id)) {
      seen.add(current.id);
      current = await this.organisation(manager, current.successorId);
    }
    return current;
  }

  /** Every organisation and site name: what the redactor must recognise in free text. */
  async registryNames(manager: EntityManager): Promise<{ organisations: string[]; sites: string[] }> {
    const rows = await manager
      .getRepository(OrganisationReplicaEntity)
      .find({ select: { name: true, sites: true } });
    return {
      organisations: rows.map((row) => row.name),
      sites: rows.flatMap((row) => row.sites.map((site) => site.name)),
    };
  }

  async questionnaire(manager: EntityManager, id: string): Promise<QuestionnairePublished | undefined> {
    const found = await manager.getRepository(QuestionnaireReplicaEntity).findOneBy({ id });
    return found ? (found.published as QuestionnairePublished) : undefined;
  }

  async questionnairesForYear(manager: EntityManager, year: number): Promise<QuestionnairePublished[]> {
    const rows = await manager
      .getRepository(QuestionnaireReplicaEntity)
      .find({ where: { year }, order: { version: 'ASC' } });
    return rows.map((row) => row.published as QuestionnairePublished);
  }

  /** The ids of a cycle's questionnaire versions in order: a cheap check that cached definitions are current. */
  async questionnaireIdsForYear(manager: EntityManager, year: number): Promise<string[]> {
    const rows = await manager
      .getRepository(QuestionnaireReplicaEntity)
      .find({ select: { id: true }, where: { year }, order: { version: 'ASC' } });
    return rows.map((row) => row.id);
  }

  async cycle(
    manager: EntityManager,
    year: number,
  ): Promise<
    { year: number; status: string; questionnaireId: string | null; closesAt: Date | null } | undefined
  > {
    const found = await manager.getRepository(SurveyCycleReplicaEntity).findOneBy({ year });
    return found ?? undefined;
  }

  async openCycle(
    manager: EntityManager,
  ): Promise<
    { year: number; status: string; questionnaireId: string | null; closesAt: Date | null } | undefined
  > {
    const found = await manager.getRepository(SurveyCycleReplicaEntity).findOneBy({ status: 'OPEN' });
    return found ?? undefined;
  }
}
