import type { Identity, UserIdentity } from '@nets/shared/auth';
import { isUniqueViolation, type UnitOfWork } from '@nets/shared/data-access-typeorm';
import { ConflictError, NotFoundError, UnauthenticatedError } from '@nets/shared/util-errors';
import type { QuestionnaireRepository, SurveyCycleRepository } from '@nets/survey/data-access';
import type { SurveyCycleRecord } from '@nets/survey/domain';
import {
  checkCanClose,
  checkCanOpen,
  checkNewCycle,
  checkOverrideReason,
  isDueToClose,
  type NewCycle,
} from '@nets/survey/domain';
import { emitSurveyEvent } from '../survey-events';

export class SurveyCycleService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly cycles: SurveyCycleRepository,
    private readonly questionnaires: QuestionnaireRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  list(): Promise<SurveyCycleRecord[]> {
    return this.cycles.list(this.unitOfWork.reads);
  }

  async get(year: number): Promise<SurveyCycleRecord | undefined> {
    return this.cycles.findByYear(this.unitOfWork.reads, year);
  }

  /** Batched for entity references: one query for any number of years. */
  async byYears(years: readonly number[]): Promise<Array<SurveyCycleRecord | undefined>> {
    const found = new Map(
      (await this.cycles.findByYears(this.unitOfWork.reads, years)).map((c) => [c.year, c]),
    );
    return years.map((year) => found.get(year));
  }

  open(): Promise<SurveyCycleRecord | undefined> {
    return this.cycles.findOpen(this.unitOfWork.reads);
  }

  /** Anonymous callers see only the open cycle; signed-in users see every cycle. */
  assertReadable(cycle: SurveyCycleRecord, identity: Identity): void {
    if (identity.kind !== 'user' && cycle.status !== 'OPEN') {
      throw new UnauthenticatedError('Sign in to see survey cycles that are not open.');
    }
  }

  async create(input: NewCycle): Promise<SurveyCycleRecord> {
    checkNewCycle(input, this.clock());
    const cycle: SurveyCycleRecord = {
      ...input,
      status: 'DRAFT',
      questionnaireId: null,
      openedAt: null,
      closedAt: null,
      imported: false,
    };
    try {
      await this.unitOfWork.run((transaction) => this.cycles.insert(transaction, cycle));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError(`A ${input.year} cycle already exists.`);
      }
      throw error;
    }
    return cycle;
  }

  async openCycle(year: number, actor: UserIdentity, reason?: string): Promise<SurveyCycleRecord> {
    const overrideReason = checkOverrideReason(reason);
    try {
      return await this.unitOfWork.run(async (transaction) => {
        const cycle = await this.cycles.findByYear(transaction, year, true);
        if (!cycle) throw new NotFoundError(`No ${year} cycle.`);
        const questionnaire = await this.questionnaires.latestPublished(transaction, year);
        const other = await this.cycles.findOpen(transaction);
        const now = this.clock();
        const { reopening } = checkCanOpen(cycle, {
          now,
          hasPublishedQuestionnaire: questionnaire !== undefined,
          otherOpenCycle: other && other.year !== year ? other.year : undefined,
          overrideReason,
        });
        if (!questionnaire?.version)
          throw new ConflictError(`The ${year} cycle has no published questionnaire.`);
        if (reopening) {
          await this.cycles.recordOverride(transaction, {
            year,
            action: 'REOPEN',
            reason: overrideReason?.trim() ?? '',
            actor: actor.subject,
          });
        }
        const changes = {
          status: 'OPEN' as const,
          questionnaireId: questionnaire.id,
          openedAt: now,
          closedAt: null,
        };
        await this.cycles.update(transaction, year, changes);
        await emitSurveyEvent(transaction, 'nets.survey.cycle-opened.v1', year, {
          year,
          name: cycle.name,
          opensAt: cycle.opensAt.toISOString(),
          closesAt: cycle.closesAt.toISOString(),
          questionnaireId: questionnaire.id,
          questionnaireVersion: questionnaire.version,
          reopened: reopening,
        });
        return { ...cycle, ...changes };
      });
    } catch (error) {
      if (isUniqueViolation(error, 'survey_cycle_one_open_idx')) {
        throw new ConflictError(
          'Another cycle was opened at the same moment; only one cycle may be open at a time.',
        );
      }
      throw error;
    }
  }

  closeCycle(year: number, closedBy: 'ADMIN' | 'SCHEDULE'): Promise<SurveyCycleRecord> {
    return this.unitOfWork.run(async (transaction) => {
      const cycle = await this.cycles.findByYear(transaction, year, true);
      if (!cycle) throw new NotFoundError(`No ${year} cycle.`);
      checkCanClose(cycle);
      const closedAt = this.clock();
      await this.cycles.update(transaction, year, { status: 'CLOSED', closedAt });
      await emitSurveyEvent(transaction, 'nets.survey.cycle-closed.v1', year, {
        year,
        closedAt: closedAt.toISOString(),
        closedBy,
      });
      return { ...cycle, status: 'CLOSED', closedAt };
    });
  }

  /** Closes every open cycle whose closing time has passed; safe to run from any number of replicas. */
  async closeDueCycles(): Promise<number[]> {
    const now = this.clock();
    const due = await this.cycles.findDueToClose(this.unitOfWork.reads, now);
    const closed: number[] = [];
    for (const cycle of due) {
      try {
        await this.unitOfWork.run(async (transaction) => {
          const current = await this.cycles.findByYear(transaction, cycle.year, true);
          if (!current || !isDueToClose(current, now)) return;
          await this.cycles.update(transaction, cycle.year, { status: 'CLOSED', closedAt: now });
          await emitSurveyEvent(transaction, 'nets.survey.cycle-closed.v1', cycle.year, {
            year: cycle.year,
            closedAt: now.toISOString(),
            closedBy: 'SCHEDULE',
          });
          closed.push(cycle.year);
        });
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
      }
    }
    return closed;
  }

  overrides(year: number) {
    return this.cycles.overrides(this.unitOfWork.reads, year);
  }
}
