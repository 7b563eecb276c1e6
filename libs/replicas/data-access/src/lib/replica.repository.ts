import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';
import { organisationSnapshotSchema } from '@nets/provider-assessment/contract-events';

import { questionnairePublishedSchema } from '@nets/survey/contract-events';
import {
  followSuccessors,
  successorsToLoad,
  type OrganisationReplica,
  type QuestionnaireReplica,
  type RegistryNames,
  type SurveyCycleReplica,
} from '@nets/replicas/domain';
import {
  OrganisationReplicaEntity,
  QuestionnaireReplicaEntity,
  SurveyCycleReplicaEntity,
} from './replica.entities';

const organisationNameSchema = organisationSnapshotSchema.pick({ name: true });

/** Copies were validated when consumed; parsing the row again, here and only here, catches a corrupted row. */
function toOrganisation(row: OrganisationReplicaEntity): OrganisationReplica {
  return organisationSnapshotSchema.parse({ ...(row.organisation as object), sites: row.sites });
}

function toCycle(row: SurveyCycleReplicaEntity): SurveyCycleReplica {
  return {
    year: row.year,
    status: row.status,
    questionnaireId: row.questionnaireId,
    closesAt: row.closesAt,
  };
}

const QUESTIONNAIRE_CACHE_LIMIT = 64;

/**
 * Reads this service's copies, as parsed models. Methods take the caller's transaction so they join it.
 * Published questionnaire versions are frozen forever, so each is parsed once per process and kept.
 */
export class ReplicaRepository {
  private readonly questionnaires = new Map<string, QuestionnaireReplica>();

  async organisations(transaction: Transaction, ids: readonly string[]): Promise<OrganisationReplica[]> {
    const rows = await managerOf(transaction)
      .getRepository(OrganisationReplicaEntity)
      .createQueryBuilder('o')
      .where('o.id = ANY(:ids)', { ids })
      .getMany();
    return rows.map(toOrganisation);
  }

  async organisation(transaction: Transaction, id: string): Promise<OrganisationReplica | undefined> {
    const [found] = await this.organisations(transaction, [id]);
    return found;
  }

  /** Each organisation resolved to the one its results and concerns follow (the successor after merges). */
  async currentSuccessors(
    transaction: Transaction,
    ids: readonly string[],
  ): Promise<Map<string, OrganisationReplica>> {
    const known = new Map<string, OrganisationReplica>();
    let missing = [...new Set(ids)];
    while (missing.length > 0) {
      const loaded = await this.organisations(transaction, missing);
      for (const organisation of loaded) known.set(organisation.id, organisation);
      missing = successorsToLoad(loaded, known);
    }
    const resolved = new Map<string, OrganisationReplica>();
    for (const id of new Set(ids)) {
      const current = followSuccessors(id, known);
      if (current) resolved.set(id, current);
    }
    return resolved;
  }

  async currentSuccessor(transaction: Transaction, id: string): Promise<OrganisationReplica | undefined> {
    return (await this.currentSuccessors(transaction, [id])).get(id);
  }

  async registryNames(transaction: Transaction): Promise<RegistryNames> {
    const rows = await managerOf(transaction)
      .getRepository(OrganisationReplicaEntity)
      .find({ select: { organisation: true, sites: true } });
    return {
      organisations: rows.map((row) => organisationNameSchema.parse(row.organisation).name),
      sites: rows.flatMap((row) => row.sites.map((site) => site.name)),
    };
  }

  /** Changes whenever the registry copy changes: how a cache of derived data knows it is stale. */
  async registryVersion(transaction: Transaction): Promise<string> {
    const [row] = await managerOf(transaction).query<Array<{ n: number; latest: string | null }>>(
      `SELECT count(*)::int AS n, max(updated_at)::text AS latest FROM organisation_replica`,
    );
    return `${row?.n ?? 0}:${row?.latest ?? ''}`;
  }

  async questionnaire(transaction: Transaction, id: string): Promise<QuestionnaireReplica | undefined> {
    const cached = this.questionnaires.get(id);
    if (cached) return cached;
    const found = await managerOf(transaction).getRepository(QuestionnaireReplicaEntity).findOneBy({ id });
    return found ? this.parsed(found) : undefined;
  }

  async questionnairesForYear(transaction: Transaction, year: number): Promise<QuestionnaireReplica[]> {
    const rows = await managerOf(transaction)
      .getRepository(QuestionnaireReplicaEntity)
      .find({ where: { year }, order: { version: 'ASC' } });
    return rows.map((row) => this.questionnaires.get(row.id) ?? this.parsed(row));
  }

  /** The ids of a cycle's questionnaire versions in order: a cheap check that cached definitions are current. */
  async questionnaireIdsForYear(transaction: Transaction, year: number): Promise<string[]> {
    const rows = await managerOf(transaction)
      .getRepository(QuestionnaireReplicaEntity)
      .find({ select: { id: true }, where: { year }, order: { version: 'ASC' } });
    return rows.map((row) => row.id);
  }

  async cycle(transaction: Transaction, year: number): Promise<SurveyCycleReplica | undefined> {
    const found = await managerOf(transaction).getRepository(SurveyCycleReplicaEntity).findOneBy({ year });
    return found ? toCycle(found) : undefined;
  }

  private parsed(row: QuestionnaireReplicaEntity): QuestionnaireReplica {
    const questionnaire = questionnairePublishedSchema.parse(row.published);
    if (this.questionnaires.size >= QUESTIONNAIRE_CACHE_LIMIT) this.questionnaires.clear();
    this.questionnaires.set(row.id, questionnaire);
    return questionnaire;
  }
}
