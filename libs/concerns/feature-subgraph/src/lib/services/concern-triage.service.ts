import type { Identity } from '@nets/shared/auth';
import { CONCERN_CATEGORIES } from '@nets/concerns/contract-events';
import type { IsfConfigRepository } from '@nets/concerns/data-access';
import {
  CONCERN_TEXT,
  checkedRisk,
  checkedStandards,
  checkedText,
  notificationKey,
  requiredText,
  riskBandOf,
  type ConcernChanges,
  type TriageInput,
} from '@nets/concerns/domain';
import { BadUserInputError } from '@nets/shared/util-errors';
import { emitConcernEvent, eventBase } from '../recording/concern-events';
import type { ConcernChanger } from '../recording/concern-changer';
import type { Notifier } from '../notifications/notifier';

/** How serious a concern is: triage (category, standards, risk), its ISF level, its escalation step. */
export class ConcernTriageService {
  constructor(
    private readonly changer: ConcernChanger,
    private readonly isf: IsfConfigRepository,
    private readonly notifier?: Notifier,
  ) {}

  triage(identity: Identity, id: string, expectedVersion: number, input: TriageInput) {
    const reason = requiredText(input.reason, 'input.reason');
    const risk = input.risk ? checkedRisk(input.risk, 'input.risk') : null;
    const summary = checkedText(input.summary, 'input.summary', CONCERN_TEXT.narrative, true);
    const standardsAtRisk = input.standardsAtRisk
      ? checkedStandards(input.standardsAtRisk, 'input.standardsAtRisk')
      : null;
    if (input.category && !CONCERN_CATEGORIES.includes(input.category))
      throw new BadUserInputError('Unknown category.', [{ path: 'input.category', message: 'unknown' }]);
    return this.changer.change(identity, id, expectedVersion, 'TRIAGE', async (_t, concern, user, now) => {
      const changes: ConcernChanges = {
        ...(input.category ? { category: input.category } : {}),
        ...(standardsAtRisk ? { standardsAtRisk } : {}),
        ...(summary ? { description: summary } : {}),
        ...(risk
          ? {
              likelihood: risk.likelihood,
              consequence: risk.consequence,
              controls: risk.controls ?? concern.controls,
            }
          : {}),
      };
      return {
        changes,
        what: 'Triaged by the quality team',
        why: reason,
        after: async (transaction, updated) =>
          emitConcernEvent(transaction, 'nets.concern.triaged.v1', {
            ...eventBase(updated, user.role, now),
            category: updated.category,
            riskBand: riskBandOf(updated),
          }),
      };
    });
  }

  setIsfLevel(identity: Identity, id: string, expectedVersion: number, level: number, rationale: string) {
    const why = requiredText(rationale, 'rationale');
    return this.changer.change(
      identity,
      id,
      expectedVersion,
      'SET_ISF_LEVEL',
      async (transaction, concern, user, now) => {
        const levels = await this.isf.current(transaction);
        const chosen = levels.find((candidate) => candidate.level === level);
        if (!chosen)
          throw new BadUserInputError(`Level ${level} is not in the ISF configuration in force.`, [
            { path: 'level', message: `one of ${levels.map((l) => l.level).join(', ')}` },
          ]);
        return {
          changes: {
            isfLevel: level,
            isfConfigVersion: chosen.version,
            isfRationale: why,
            isfReviewProposed: false,
            nextUpdateDue: new Date(now.getTime() + chosen.reviewIntervalDays * 86400000),
          },
          what: `ISF level set to ${chosen.name}`,
          why,
          after: (t, updated) =>
            emitConcernEvent(t, 'nets.concern.level-changed.v1', {
              ...eventBase(updated, user.role, now),
              fromLevel: concern.isfLevel,
              toLevel: level,
              configVersion: chosen.version,
            }),
        };
      },
    );
  }

  escalate(identity: Identity, id: string, expectedVersion: number, toStep: number, reason: string) {
    const why = requiredText(reason, 'reason');
    return this.changer.change(identity, id, expectedVersion, 'ESCALATE', async (_t, concern, user, now) => {
      if (!Number.isInteger(toStep) || toStep < 1 || toStep > 3)
        throw new BadUserInputError('The escalation pathway has steps 1 to 3.', [
          { path: 'toStep', message: '1–3' },
        ]);
      if (toStep <= concern.escalationStep)
        throw new BadUserInputError(`The concern is already at step ${concern.escalationStep}.`, [
          { path: 'toStep', message: `must be above ${concern.escalationStep}` },
        ]);
      return {
        changes: { escalationStep: toStep },
        what: `Escalated from step ${concern.escalationStep} to step ${toStep}`,
        why,
        after: async (transaction, updated) => {
          await emitConcernEvent(transaction, 'nets.concern.escalated.v1', {
            ...eventBase(updated, user.role, now),
            fromStep: concern.escalationStep,
            toStep,
          });
          if (this.notifier?.enabled)
            await this.notifier.notify(
              transaction,
              notificationKey('CONCERN_ESCALATED', updated.id, toStep),
              { organisationId: updated.organisationId, region: updated.region },
              {
                kind: 'CONCERN_ESCALATED',
                reference: updated.reference,
                organisationName: await this.notifier.organisationName(transaction, updated.organisationId),
                toStep,
              },
              now,
            );
        },
      };
    });
  }
}
