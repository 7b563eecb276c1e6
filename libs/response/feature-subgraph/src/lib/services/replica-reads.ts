import type { EntityManager } from 'typeorm';
import type { OrganisationReplica, ReplicaRepository } from '@nets/shared/data-access-replicas';
import { questionnairePublishedSchema, type QuestionnairePublished } from '@nets/survey/contract-events';
import { BadUserInputError, ConflictError } from '@nets/shared/util-errors';

export interface ReplicaCycle {
  year: number;
  status: string;
  questionnaireId: string | null;
  closesAt: Date | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

const CACHE_LIMIT = 64;

/**
 * Reads of this service's copies on the submit path. Published questionnaire versions are frozen forever,
 * so each is parsed once per process and kept (a few per cycle); cycles and organisations are read each time.
 */
export class ReplicaReads {
  private readonly questionnaires = new Map<string, QuestionnairePublished>();

  constructor(private readonly replicas: ReplicaRepository) {}

  /** The questionnaire version a learner answered, and its cycle. */
  async questionnaireAndCycle(
    manager: EntityManager,
    questionnaireId: string,
    path = 'questionnaireId',
  ): Promise<{ questionnaire: QuestionnairePublished; cycle: ReplicaCycle | undefined }> {
    const questionnaire = await this.questionnaire(manager, questionnaireId, path);
    const cycle = await this.replicas.cycle(manager, questionnaire.year);
    return { questionnaire, cycle };
  }

  async questionnaire(
    manager: EntityManager,
    questionnaireId: string,
    path = 'questionnaireId',
  ): Promise<QuestionnairePublished> {
    if (!isUuid(questionnaireId)) {
      throw new BadUserInputError('The questionnaire id is not a UUID.', [{ path, message: 'Not a UUID.' }]);
    }
    const cached = this.questionnaires.get(questionnaireId);
    if (cached) return cached;
    const stored = await this.replicas.questionnaire(manager, questionnaireId);
    if (!stored) {
      throw new BadUserInputError('No published questionnaire with this id.', [
        { path, message: 'No published questionnaire with this id.' },
      ]);
    }
    // Copies were validated when consumed; parsing again gives typed content and catches a corrupted row.
    const questionnaire = questionnairePublishedSchema.parse(stored);
    if (this.questionnaires.size >= CACHE_LIMIT) this.questionnaires.clear();
    this.questionnaires.set(questionnaireId, questionnaire);
    return questionnaire;
  }

  cycle(manager: EntityManager, year: number): Promise<ReplicaCycle | undefined> {
    return this.replicas.cycle(manager, year);
  }

  async organisation(manager: EntityManager, id: string): Promise<OrganisationReplica | undefined> {
    return isUuid(id) ? this.replicas.organisation(manager, id) : undefined;
  }
}

export function assertOpen(cycle: ReplicaCycle | undefined, year: number): ReplicaCycle {
  if (!cycle || cycle.status !== 'OPEN') {
    throw new ConflictError(`The ${year} survey is not open for responses.`);
  }
  return cycle;
}
