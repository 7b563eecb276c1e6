import type { Transaction } from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import type { OrganisationReplica, QuestionnaireReplica, SurveyCycleReplica } from '@nets/replicas/domain';
import { BadUserInputError, ConflictError } from '@nets/shared/util-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * How long a copy read on the submit path is reused. The copies themselves follow Kafka (a cycle closes here
 * when its event is consumed, a moment after the survey service closed it); this adds at most this much to
 * that lag on replicas that did not consume the event, and none on the one that did (its consumer clears it).
 */
export const REPLICA_CACHE_MS = 1000;
const MAX_ENTRIES = 10_000;

class TimedCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();

  constructor(private readonly ttlMs: number) {}

  async get(key: K, load: () => Promise<V>): Promise<V> {
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await load();
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { value, until: now + this.ttlMs });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/**
 * Reads of this service's copies on the submit path, refusing ids a learner could not have been given. Cycles,
 * questionnaires and organisations are cached for `REPLICA_CACHE_MS` and cleared by this process's consumer of
 * their events (`forget`).
 */
export class ReplicaReads {
  private readonly questionnaires: TimedCache<string, QuestionnaireReplica | undefined>;
  private readonly cycles: TimedCache<number, SurveyCycleReplica | undefined>;
  private readonly organisations: TimedCache<string, OrganisationReplica | undefined>;

  constructor(
    private readonly replicas: ReplicaRepository,
    cacheMs = REPLICA_CACHE_MS,
  ) {
    this.questionnaires = new TimedCache(cacheMs);
    this.cycles = new TimedCache(cacheMs);
    this.organisations = new TimedCache(cacheMs);
  }

  /** Called by this process's consumers when survey or organisation events change the copies. */
  forget(): void {
    this.questionnaires.clear();
    this.cycles.clear();
    this.organisations.clear();
  }

  /** The questionnaire version a learner answered, and its cycle. */
  async questionnaireAndCycle(
    transaction: Transaction,
    questionnaireId: string,
    path = 'questionnaireId',
  ): Promise<{ questionnaire: QuestionnaireReplica; cycle: SurveyCycleReplica | undefined }> {
    const questionnaire = await this.questionnaire(transaction, questionnaireId, path);
    const cycle = await this.cycle(transaction, questionnaire.year);
    return { questionnaire, cycle };
  }

  async questionnaire(
    transaction: Transaction,
    questionnaireId: string,
    path = 'questionnaireId',
  ): Promise<QuestionnaireReplica> {
    if (!isUuid(questionnaireId)) {
      throw new BadUserInputError('The questionnaire id is not a UUID.', [{ path, message: 'Not a UUID.' }]);
    }
    const questionnaire = await this.questionnaires.get(questionnaireId, () =>
      this.replicas.questionnaire(transaction, questionnaireId),
    );
    if (!questionnaire) {
      throw new BadUserInputError('No published questionnaire with this id.', [
        { path, message: 'No published questionnaire with this id.' },
      ]);
    }
    return questionnaire;
  }

  cycle(transaction: Transaction, year: number): Promise<SurveyCycleReplica | undefined> {
    return this.cycles.get(year, () => this.replicas.cycle(transaction, year));
  }

  async organisation(transaction: Transaction, id: string): Promise<OrganisationReplica | undefined> {
    if (!isUuid(id)) return undefined;
    return this.organisations.get(id, () => this.replicas.organisation(transaction, id));
  }
}

export function assertOpen(cycle: SurveyCycleReplica | undefined, year: number): SurveyCycleReplica {
  if (!cycle || cycle.status !== 'OPEN') {
    throw new ConflictError(`The ${year} survey is not open for responses.`);
  }
  return cycle;
}
