import type { Transaction } from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import type { OrganisationReplica, QuestionnaireReplica, SurveyCycleReplica } from '@nets/replicas/domain';
import { BadUserInputError, ConflictError } from '@nets/shared/util-errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

/** Reads of this service's copies on the submit path, refusing ids a learner could not have been given. */
export class ReplicaReads {
  constructor(private readonly replicas: ReplicaRepository) {}

  /** The questionnaire version a learner answered, and its cycle. */
  async questionnaireAndCycle(
    transaction: Transaction,
    questionnaireId: string,
    path = 'questionnaireId',
  ): Promise<{ questionnaire: QuestionnaireReplica; cycle: SurveyCycleReplica | undefined }> {
    const questionnaire = await this.questionnaire(transaction, questionnaireId, path);
    const cycle = await this.replicas.cycle(transaction, questionnaire.year);
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
    const questionnaire = await this.replicas.questionnaire(transaction, questionnaireId);
    if (!questionnaire) {
      throw new BadUserInputError('No published questionnaire with this id.', [
        { path, message: 'No published questionnaire with this id.' },
      ]);
    }
    return questionnaire;
  }

  cycle(transaction: Transaction, year: number): Promise<SurveyCycleReplica | undefined> {
    return this.replicas.cycle(transaction, year);
  }

  async organisation(transaction: Transaction, id: string): Promise<OrganisationReplica | undefined> {
    return isUuid(id) ? this.replicas.organisation(transaction, id) : undefined;
  }
}

export function assertOpen(cycle: SurveyCycleReplica | undefined, year: number): SurveyCycleReplica {
  if (!cycle || cycle.status !== 'OPEN') {
    throw new ConflictError(`The ${year} survey is not open for responses.`);
  }
  return cycle;
}
