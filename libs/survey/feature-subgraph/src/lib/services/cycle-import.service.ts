import { randomUUID } from 'node:crypto';
import type { UserIdentity } from '@nets/shared/auth';
import { isUniqueViolation, type UnitOfWork } from '@nets/shared/data-access-typeorm';
import { BadUserInputError, ConflictError } from '@nets/shared/util-errors';
import { type QuestionnaireRepository, type SurveyCycleRepository } from '@nets/survey/data-access';
import {
  DEFAULT_QUESTIONNAIRE,
  type SurveyCycleRecord,
  checkImportedCycle,
  type NewCycle,
} from '@nets/survey/domain';
import { emitSurveyEvent } from '../survey-events';
import type { ReferenceDataService } from './reference-data.service';

/**
 * Administrators back-fill past cycles: the cycle is recorded as imported and closed, with the default
 * questionnaire published as version 1, and the same events a live cycle emits (published, opened, closed)
 * go out in one transaction, so the other services accept the cycle's back-filled responses.
 */
export class CycleImportService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cycles: SurveyCycleRepository,
    private readonly questionnaires: QuestionnaireRepository,
    private readonly referenceData: ReferenceDataService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async importPastCycle(input: NewCycle, actor: UserIdentity): Promise<SurveyCycleRecord> {
    checkImportedCycle(input, this.clock());
    const rules = await this.referenceData.publicationRules();
    const problems = rules.problemsOf(DEFAULT_QUESTIONNAIRE);
    if (problems.length > 0) {
      throw new BadUserInputError('The default questionnaire no longer validates.', problems);
    }
    const questionnaireId = randomUUID();
    // The questionnaire was published when the cycle opened, as far as the history goes.
    const publishedAt = input.opensAt;
    const cycle: SurveyCycleRecord = {
      ...input,
      status: 'CLOSED',
      questionnaireId,
      openedAt: input.opensAt,
      closedAt: input.closesAt,
      imported: true,
    };
    try {
      await this.unitOfWork.run(async (transaction) => {
        await this.cycles.insert(transaction, cycle);
        await this.questionnaires.insertDraft(transaction, {
          id: questionnaireId,
          year: input.year,
          content: DEFAULT_QUESTIONNAIRE,
        });
        await this.questionnaires.markPublished(transaction, questionnaireId, {
          version: 1,
          publishedAt,
          publishedBy: actor.subject,
        });
        await emitSurveyEvent(transaction, 'nets.survey.questionnaire-published.v1', input.year, {
          questionnaireId,
          year: input.year,
          version: 1,
          publishedAt: publishedAt.toISOString(),
          content: DEFAULT_QUESTIONNAIRE,
          measures: rules.measuresFedBy(DEFAULT_QUESTIONNAIRE),
          learnerGroups: rules.learnerGroups,
        });
        await emitSurveyEvent(transaction, 'nets.survey.cycle-opened.v1', input.year, {
          year: input.year,
          name: input.name,
          opensAt: input.opensAt.toISOString(),
          closesAt: input.closesAt.toISOString(),
          questionnaireId,
          questionnaireVersion: 1,
          reopened: false,
        });
        await emitSurveyEvent(transaction, 'nets.survey.cycle-closed.v1', input.year, {
          year: input.year,
          closedAt: input.closesAt.toISOString(),
          closedBy: 'ADMIN',
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`A ${input.year} cycle already exists; nothing was imported.`);
      }
      throw error;
    }
    return cycle;
  }
}
