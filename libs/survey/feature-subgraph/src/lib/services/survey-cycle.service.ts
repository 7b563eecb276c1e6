import type { DataSource } from 'typeorm';
import type { Identity, UserIdentity } from '@nets/shared/auth';
import { inTransaction, isUniqueViolation } from '@nets/shared/data-access-typeorm';
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
    private readonly dataSource: DataSource,
    private readonly cycles: SurveyCycleRepository,
    private readonly questionnaires: QuestionnaireRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  list(): Promise<SurveyCycleRecord[]> {
    return this.cycles.list(this.dataSource.manager);
  }

  async get(year: number): Promise<SurveyCycleRecord | undefined> {
    return this.cycles.findByYear(this.dataSource.manager, year);
  }

  /** Batched for entity references: one query for any number of years. */
  async byYears(years: readonly number[]): Promise<Array<SurveyCycleRecord | undefined>> {
    const found = new Map(
      (await this.cycles.findByYears(this.dataSource.manager, years)).map((c) => [c.year, c]),
    );
    return years.map((year) => found.get(year));
  }

  open(): Promise<SurveyCycleRecord | undefined> {
    return this.cycles.findOpen(this.dataSource.manager);
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
      await inTransaction(this.dataSource, (manager) => this.cycles.insert(manager, cycle));
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
      return await inTransaction(this.dataSource, async (manager) => {
        const cycle = await this.cycles.findByYear(manager, year, true);
        if (!cycle) throw new NotFoundError(`No ${year} cycle.`);
        const questionnaire = await this.questionnaires.latestPublished(manager, year);
        const other = await this.cycles.findOpen(manager);
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
          await this.cycles.recordOverride(manager, {
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
        await this.cycles.update(manager, year, changes);
        await emitSurveyEvent(manager, 'nets.survey.cycle-opened.v1', year, {
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
    return inTransaction(this.dataSource, async (manager) => {
      const cycle = await this.cycles.findByYear(manager, year, true);
      if (!cycle) throw new NotFoundError(`No ${year} cycle.`);
      checkCanClose(cycle);
      const closedAt = this.clock();
      await this.cycles.update(manager, year, { status: 'CLOSED', closedAt });
      await emitSurveyEvent(manager, 'nets.survey.cycle-closed.v1', year, {
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
    const due = await this.cycles.findDueToClose(this.dataSource.manager, now);
    const closed: number[] = [];
    for (const cycle of due) {
      try {
        await inTransaction(this.dataSource, async (manager) => {
          const current = await this.cycles.findByYear(manager, cycle.year, true);
          if (!current || !isDueToClose(current, now)) return;
          await this.cycles.update(manager, cycle.year, { status: 'CLOSED', closedAt: now });
          await emitSurveyEvent(manager, 'nets.survey.cycle-closed.v1', cycle.year, {
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
    return this.cycles.overrides(this.dataSource.manager, year);
  }
}
