import { randomUUID } from 'node:crypto';
import type { Identity } from '@nets/shared/auth';
import type { ConcernRecordsRepository, IsfConfigRepository } from '@nets/concerns/data-access';
import {
  CONCERN_TEXT,
  actionDueAt,
  checkActionInput,
  checkedText,
  notificationKey,
  requireUuid,
  requiredText,
  type AddActionInput,
  type ConcernActionRecord,
  type PostUpdateInput,
} from '@nets/concerns/domain';
import { BadUserInputError, ConflictError } from '@nets/shared/util-errors';
import { emitConcernEvent, eventBase } from '../recording/concern-events';
import type { ConcernChanger } from '../recording/concern-changer';
import type { Notifier } from '../notifications/notifier';

type Maybe<T> = T | null | undefined;

/** What the provider does about a concern: actions, the agreed plan, monitoring and progress updates. */
export class ConcernActionPlanService {
  constructor(
    private readonly changer: ConcernChanger,
    private readonly records: ConcernRecordsRepository,
    private readonly isf: IsfConfigRepository,
    private readonly bankHolidays: readonly string[] = [],
    private readonly notifier?: Notifier,
  ) {}

  addAction(identity: Identity, id: string, expectedVersion: number, input: AddActionInput) {
    const description = requiredText(input.description, 'input.description');
    checkActionInput(input, this.changer.clock());
    return this.changer.change(
      identity,
      id,
      expectedVersion,
      'ADD_ACTION',
      async (transaction, concern, user, now) => {
        const dueAt = actionDueAt(input, now, this.bankHolidays);
        const action: ConcernActionRecord = {
          id: randomUUID(),
          concernId: concern.id,
          kind: input.kind,
          description,
          dueAt,
          status: 'OPEN',
          createdBy: user.subject,
          createdAt: now,
          completedAt: null,
        };
        await this.records.insertAction(transaction, action);
        return {
          what: `Action added: ${input.kind}${dueAt ? `, due ${dueAt.toISOString()}` : ''}`,
          why: description,
          actionId: action.id,
        };
      },
    );
  }

  agreeActionPlan(identity: Identity, id: string, expectedVersion: number, reason?: Maybe<string>) {
    const why = checkedText(reason, 'reason', CONCERN_TEXT.narrative, true);
    return this.changer.change(
      identity,
      id,
      expectedVersion,
      'AGREE_ACTION_PLAN',
      async (transaction, concern) => {
        const actions = await this.records.actions(transaction, [concern.id]);
        if (actions.length === 0)
          throw new ConflictError('Add at least one action before agreeing the action plan.');
        return { what: 'Action plan agreed with the provider', why };
      },
    );
  }

  startMonitoring(identity: Identity, id: string, expectedVersion: number, reason?: Maybe<string>) {
    const why = checkedText(reason, 'reason', CONCERN_TEXT.narrative, true);
    return this.changer.change(
      identity,
      id,
      expectedVersion,
      'START_MONITORING',
      async (_t, _c, _u, now) => ({
        what: 'Monitoring the action plan',
        why,
        // Monitoring asks the provider for progress updates.
        after: async (transaction, updated) => {
          if (!this.notifier?.enabled) return;
          await this.notifier.notify(
            transaction,
            notificationKey('PROVIDER_UPDATE_REQUESTED', updated.id, updated.version),
            { organisationId: updated.organisationId, region: updated.region },
            {
              kind: 'PROVIDER_UPDATE_REQUESTED',
              reference: updated.reference,
              organisationName: await this.notifier.organisationName(transaction, updated.organisationId),
              dueAt: updated.nextUpdateDue,
            },
            now,
          );
        },
      }),
    );
  }

  postUpdate(identity: Identity, id: string, expectedVersion: number, input: PostUpdateInput) {
    const text = requiredText(input.text, 'input.text');
    if (input.actionId) requireUuid(input.actionId, 'input.actionId');
    return this.changer.change(
      identity,
      id,
      expectedVersion,
      'POST_UPDATE',
      async (transaction, concern, user, now) => {
        let actionLabel = '';
        if (input.actionId) {
          const action = (await this.records.actions(transaction, [concern.id])).find(
            (a) => a.id === input.actionId,
          );
          if (!action)
            throw new BadUserInputError('No such action on this concern.', [
              { path: 'input.actionId', message: 'unknown' },
            ]);
          actionLabel = ` on ${action.kind}`;
          if (input.completesAction) {
            if (action.status === 'COMPLETED') throw new ConflictError('That action is already completed.');
            await this.records.completeAction(transaction, action.id, now);
            actionLabel += ' (completed)';
          }
        }
        const interval = concern.isfConfigVersion
          ? (await this.isf.byVersion(transaction, concern.isfConfigVersion)).find(
              (l) => l.level === concern.isfLevel,
            )?.reviewIntervalDays
          : undefined;
        return {
          changes: interval ? { nextUpdateDue: new Date(now.getTime() + interval * 86400000) } : {},
          what: `Progress update${actionLabel}: ${text}`,
          actionId: input.actionId ?? null,
          after: (t, updated) =>
            emitConcernEvent(t, 'nets.concern.update-posted.v1', {
              ...eventBase(updated, user.role, now),
              actionId: input.actionId ?? null,
            }),
        };
      },
    );
  }
}
