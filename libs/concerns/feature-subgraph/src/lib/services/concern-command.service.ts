import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { requireSignedIn, type Identity, type UserIdentity } from '@nets/shared/auth';
import { inTransaction, transactionOf } from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import {
  CONCERN_CATEGORIES,
  REGULATORS,
  type ConcernCategory,
  type ConcernSource,
  type Regulator,
} from '@nets/concerns/contract-events';
import type {
  ConcernActionRecord,
  ConcernChanges,
  ConcernRecord,
  IsfConfigRepository,
  NewTimelineEntry,
} from '@nets/concerns/data-access';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@nets/shared/util-errors';
import { emitConcernEvent } from '../concerns-events';
import { assertCanAct } from '../domain/concern-access';
import {
  CONCERN_TEXT,
  MAX_ACTION_HORIZON_DAYS,
  checkedLearnerGroups,
  checkedStandards,
  checkedText,
  isUuid,
  requireUuid,
} from '../domain/concern-input.rules';
import { checkOperation, isAllowedRole, type ConcernOperation } from '../domain/concern-lifecycle';
import { checkRisk, type RiskAssessment } from '../domain/risk-matrix';
import { IMMEDIATE_MANDATORY_REQUIREMENT_WORKING_DAYS, addWorkingDays } from '../domain/working-days';
import { bandOf, eventBase, type ConcernWriter } from './concern-writer';

export const CONCERN_ACTION_KINDS = [
  'URGENT_RISK_REVIEW',
  'PROGRAMME_REVIEW',
  'LEARNER_OR_EDUCATOR_REVIEW',
  'SENIOR_LEADER_ENGAGEMENT_VISIT',
  'REMOVAL_OF_LEARNERS',
  'IMMEDIATE_MANDATORY_REQUIREMENT',
] as const;
export type ConcernActionKind = (typeof CONCERN_ACTION_KINDS)[number];

type Maybe<T> = T | null | undefined;

export interface RiskInput extends RiskAssessment {
  controls?: Maybe<string>;
}

export interface RaiseConcernInput {
  organisationId: string;
  siteId?: Maybe<string>;
  programme?: Maybe<string>;
  educationProviderId?: Maybe<string>;
  learnerGroups?: Maybe<readonly string[]>;
  source?: Maybe<ConcernSource>;
  category: ConcernCategory;
  standardsAtRisk?: Maybe<readonly string[]>;
  description: string;
  risk?: Maybe<RiskInput>;
}

export interface TriageInput {
  category?: Maybe<ConcernCategory>;
  standardsAtRisk?: Maybe<readonly string[]>;
  risk?: Maybe<RiskInput>;
  summary?: Maybe<string>;
  reason: string;
}

export interface AddActionInput {
  kind: ConcernActionKind;
  description: string;
  dueAt?: Maybe<Date>;
  workingDays?: Maybe<number>;
}

export interface PostUpdateInput {
  text: string;
  actionId?: Maybe<string>;
  completesAction?: Maybe<boolean>;
}

interface Outcome {
  changes?: ConcernChanges;
  what: string;
  why?: string | null;
  restrictedDetail?: string | null;
  actionId?: string | null;
  /** Written after the guarded update, with the concern as it now is. */
  after?: (manager: EntityManager, updated: ConcernRecord) => Promise<void>;
}

/** Every change to a concern: one transaction, one guarded update, one timeline entry, its event. */
export class ConcernCommandService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: ConcernWriter,
    private readonly replicas: ReplicaRepository,
    private readonly isf: IsfConfigRepository,
    private readonly clock: () => Date = () => new Date(),
    private readonly bankHolidays: readonly string[] = [],
  ) {}

  async raise(identity: Identity, input: RaiseConcernInput): Promise<ConcernRecord> {
    const user = requireSignedIn(identity);
    const source = sourceFor(user, input.source);
    const organisationId = requireUuid(input.organisationId, 'input.organisationId');
    const siteId = input.siteId ? requireUuid(input.siteId, 'input.siteId') : null;
    const requestedEducationProvider = input.educationProviderId
      ? requireUuid(input.educationProviderId, 'input.educationProviderId')
      : null;
    const description = checkedText(input.description, 'input.description', CONCERN_TEXT.narrative);
    const programme = checkedText(input.programme, 'input.programme', CONCERN_TEXT.name, true);
    const learnerGroups = checkedLearnerGroups(input.learnerGroups ?? [], 'input.learnerGroups');
    const standardsAtRisk = checkedStandards(input.standardsAtRisk ?? [], 'input.standardsAtRisk');
    if (!CONCERN_CATEGORIES.includes(input.category))
      throw new BadUserInputError('Unknown category.', [{ path: 'input.category', message: 'unknown' }]);
    const risk = input.risk ? checkedRisk(input.risk, 'input.risk') : null;
    return inTransaction(this.dataSource, async (manager) => {
      const organisation = await this.replicas.currentSuccessor(transactionOf(manager), organisationId);
      if (!organisation)
        throw new BadUserInputError('No such organisation in the registry.', [
          { path: 'input.organisationId', message: 'unknown organisation' },
        ]);
      if (user.role === 'PROVIDER_USER' && organisation.id !== user.organisationId)
        throw new ForbiddenError('A provider may raise concerns about its own organisation only.');
      if (user.role === 'QUALITY_TEAM' && organisation.region !== user.region)
        throw new ForbiddenError('The quality team raises concerns in its own region.');
      if (siteId && !organisation.sites.some((site) => site.id === siteId))
        throw new BadUserInputError(`The site is not a site of ${organisation.name}.`, [
          { path: 'input.siteId', message: 'a site of the organisation concerned' },
        ]);
      const educationProviderId =
        user.role === 'EDUCATION_PROVIDER_USER' ? (user.organisationId ?? null) : requestedEducationProvider;
      if (educationProviderId && user.role !== 'EDUCATION_PROVIDER_USER') {
        const educationProvider = await this.replicas.organisation(
          transactionOf(manager),
          educationProviderId,
        );
        if (
          !educationProvider ||
          educationProvider.status !== 'ACTIVE' ||
          !educationProvider.roles.includes('EDUCATION_PROVIDER')
        )
          throw new BadUserInputError('educationProviderId is not an education provider in the registry.', [
            { path: 'input.educationProviderId', message: 'an active education provider' },
          ]);
      }
      const now = this.clock();
      return this.writer.raise(
        manager,
        {
          id: randomUUID(),
          source,
          status: 'RAISED',
          organisationId: organisation.id,
          originalOrganisationId: organisationId,
          region: organisation.region,
          siteId,
          programme,
          learnerGroups,
          educationProviderId,
          category: input.category,
          standardsAtRisk,
          description,
          learnerText: null,
          contactDetails: null,
          followUpCodeHash: null,
          learnerIdentifiable: false,
          intakeKey: null,
          likelihood: risk?.likelihood ?? null,
          consequence: risk?.consequence ?? null,
          controls: risk?.controls ?? null,
          isfLevel: null,
          isfConfigVersion: null,
          isfRationale: null,
          isfReviewProposed: false,
          escalationStep: 1,
          nextUpdateDue: null,
          raisedBy: user.subject,
          raisedByRole: user.role,
          raisedAt: now,
          updatedAt: now,
          resolvedAt: null,
          closedAt: null,
        },
        { what: `Concern raised (${source})`, why: null },
      );
    });
  }

  triage(identity: Identity, id: string, expectedVersion: number, input: TriageInput) {
    const reason = requiredText(input.reason, 'input.reason');
    const risk = input.risk ? checkedRisk(input.risk, 'input.risk') : null;
    const summary = checkedText(input.summary, 'input.summary', CONCERN_TEXT.narrative, true);
    const standardsAtRisk = input.standardsAtRisk
      ? checkedStandards(input.standardsAtRisk, 'input.standardsAtRisk')
      : null;
    if (input.category && !CONCERN_CATEGORIES.includes(input.category))
      throw new BadUserInputError('Unknown category.', [{ path: 'input.category', message: 'unknown' }]);
    return this.act(identity, id, expectedVersion, 'TRIAGE', async (_manager, concern, user, now) => {
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
        after: async (m, updated) =>
          emitConcernEvent(m, 'nets.concern.triaged.v1', {
            ...eventBase(updated, user.role, now),
            category: updated.category,
            riskBand: bandOf(updated),
          }),
      };
    });
  }

  setIsfLevel(identity: Identity, id: string, expectedVersion: number, level: number, rationale: string) {
    const why = requiredText(rationale, 'rationale');
    return this.act(identity, id, expectedVersion, 'SET_ISF_LEVEL', async (manager, concern, user, now) => {
      const levels = await this.isf.current(manager);
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
        after: (m, updated) =>
          emitConcernEvent(m, 'nets.concern.level-changed.v1', {
            ...eventBase(updated, user.role, now),
            fromLevel: concern.isfLevel,
            toLevel: level,
            configVersion: chosen.version,
          }),
      };
    });
  }

  escalate(identity: Identity, id: string, expectedVersion: number, toStep: number, reason: string) {
    const why = requiredText(reason, 'reason');
    return this.act(identity, id, expectedVersion, 'ESCALATE', async (_manager, concern, user, now) => {
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
        after: (m, updated) =>
          emitConcernEvent(m, 'nets.concern.escalated.v1', {
            ...eventBase(updated, user.role, now),
            fromStep: concern.escalationStep,
            toStep,
          }),
      };
    });
  }

  addAction(identity: Identity, id: string, expectedVersion: number, input: AddActionInput) {
    const description = requiredText(input.description, 'input.description');
    if (!CONCERN_ACTION_KINDS.includes(input.kind))
      throw new BadUserInputError('Unknown action kind.', [{ path: 'input.kind', message: 'unknown' }]);
    if (
      input.workingDays !== undefined &&
      input.workingDays !== null &&
      (input.workingDays < 1 || input.workingDays > 100)
    )
      throw new BadUserInputError('Working days must be from 1 to 100.', [
        { path: 'input.workingDays', message: '1–100' },
      ]);
    if (input.dueAt && Number.isNaN(input.dueAt.getTime()))
      throw new BadUserInputError('input.dueAt is not a date.', [
        { path: 'input.dueAt', message: 'invalid' },
      ]);
    if (input.dueAt && input.dueAt.getTime() > this.clock().getTime() + MAX_ACTION_HORIZON_DAYS * 86400000)
      throw new BadUserInputError(`An action falls due within ${MAX_ACTION_HORIZON_DAYS} days.`, [
        { path: 'input.dueAt', message: 'too far ahead' },
      ]);
    return this.act(identity, id, expectedVersion, 'ADD_ACTION', async (manager, concern, user, now) => {
      const dueAt =
        input.dueAt ??
        (input.kind === 'IMMEDIATE_MANDATORY_REQUIREMENT' || input.workingDays
          ? addWorkingDays(
              now,
              input.workingDays ?? IMMEDIATE_MANDATORY_REQUIREMENT_WORKING_DAYS,
              this.bankHolidays,
            )
          : null);
      if (dueAt && dueAt.getTime() <= now.getTime())
        throw new BadUserInputError('An action is due in the future.', [
          { path: 'input.dueAt', message: 'in the past' },
        ]);
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
      await this.writer.records.insertAction(manager, action);
      return {
        what: `Action added: ${input.kind}${dueAt ? `, due ${dueAt.toISOString()}` : ''}`,
        why: description,
        actionId: action.id,
      };
    });
  }

  agreeActionPlan(identity: Identity, id: string, expectedVersion: number, reason?: Maybe<string>) {
    const why = checkedText(reason, 'reason', CONCERN_TEXT.narrative, true);
    return this.act(identity, id, expectedVersion, 'AGREE_ACTION_PLAN', async (manager, concern) => {
      const actions = await this.writer.records.actions(manager, [concern.id]);
      if (actions.length === 0)
        throw new ConflictError('Add at least one action before agreeing the action plan.');
      return { what: 'Action plan agreed with the provider', why };
    });
  }

  startMonitoring(identity: Identity, id: string, expectedVersion: number, reason?: Maybe<string>) {
    const why = checkedText(reason, 'reason', CONCERN_TEXT.narrative, true);
    return this.act(identity, id, expectedVersion, 'START_MONITORING', async () => ({
      what: 'Monitoring the action plan',
      why,
    }));
  }

  postUpdate(identity: Identity, id: string, expectedVersion: number, input: PostUpdateInput) {
    const text = requiredText(input.text, 'input.text');
    if (input.actionId) requireUuid(input.actionId, 'input.actionId');
    return this.act(identity, id, expectedVersion, 'POST_UPDATE', async (manager, concern, user, now) => {
      let actionLabel = '';
      if (input.actionId) {
        const action = (await this.writer.records.actions(manager, [concern.id])).find(
          (a) => a.id === input.actionId,
        );
        if (!action)
          throw new BadUserInputError('No such action on this concern.', [
            { path: 'input.actionId', message: 'unknown' },
          ]);
        actionLabel = ` on ${action.kind}`;
        if (input.completesAction) {
          if (action.status === 'COMPLETED') throw new ConflictError('That action is already completed.');
          await this.writer.records.completeAction(manager, action.id, now);
          actionLabel += ' (completed)';
        }
      }
      const interval = concern.isfConfigVersion
        ? (await this.isf.byVersion(manager, concern.isfConfigVersion)).find(
            (l) => l.level === concern.isfLevel,
          )?.reviewIntervalDays
        : undefined;
      return {
        changes: interval ? { nextUpdateDue: new Date(now.getTime() + interval * 86400000) } : {},
        what: `Progress update${actionLabel}: ${text}`,
        actionId: input.actionId ?? null,
        after: (m, updated) =>
          emitConcernEvent(m, 'nets.concern.update-posted.v1', {
            ...eventBase(updated, user.role, now),
            actionId: input.actionId ?? null,
          }),
      };
    });
  }

  proposeResolution(identity: Identity, id: string, expectedVersion: number, evidence: string) {
    const why = requiredText(evidence, 'evidence');
    return this.act(identity, id, expectedVersion, 'PROPOSE_RESOLUTION', async (_m, _c, user, now) => ({
      what: 'Resolution proposed by the provider',
      why,
      after: (m, updated) =>
        emitConcernEvent(m, 'nets.concern.resolution-proposed.v1', eventBase(updated, user.role, now)),
    }));
  }

  confirmResolution(
    identity: Identity,
    id: string,
    expectedVersion: number,
    accepted: boolean,
    reason: string,
  ) {
    const why = requiredText(reason, 'reason');
    const operation: ConcernOperation = accepted ? 'CONFIRM_RESOLUTION' : 'REJECT_RESOLUTION';
    return this.act(identity, id, expectedVersion, operation, async (_m, _c, user, now) => ({
      changes: accepted ? { resolvedAt: now, nextUpdateDue: null } : {},
      what: accepted
        ? 'Resolution confirmed by the quality team'
        : 'Resolution not accepted; monitoring continues',
      why,
      after: accepted
        ? (m, updated) => emitConcernEvent(m, 'nets.concern.resolved.v1', eventBase(updated, user.role, now))
        : undefined,
    }));
  }

  close(identity: Identity, id: string, expectedVersion: number, reason?: Maybe<string>) {
    const why = checkedText(reason, 'reason', CONCERN_TEXT.narrative, true);
    return this.act(identity, id, expectedVersion, 'CLOSE', async (_m, _c, user, now) => ({
      changes: { closedAt: now },
      what: 'Closed',
      why,
      after: (m, updated) =>
        emitConcernEvent(m, 'nets.concern.closed.v1', eventBase(updated, user.role, now)),
    }));
  }

  withdraw(identity: Identity, id: string, expectedVersion: number, reason: string) {
    const why = requiredText(reason, 'reason');
    return this.act(identity, id, expectedVersion, 'WITHDRAW', async (_m, _c, user, now) => ({
      changes: { closedAt: now, nextUpdateDue: null },
      what: 'Withdrawn',
      why,
      after: (m, updated) =>
        emitConcernEvent(m, 'nets.concern.withdrawn.v1', eventBase(updated, user.role, now)),
    }));
  }

  shareWithRegulators(
    identity: Identity,
    id: string,
    expectedVersion: number,
    regulators: readonly Regulator[],
    summary: string,
  ) {
    const what = requiredText(summary, 'summary');
    const unique = [...new Set(regulators)];
    if (unique.length === 0 || unique.some((r) => !REGULATORS.includes(r)))
      throw new BadUserInputError('Name at least one regulator of the Emerging Concerns Protocol.', [
        { path: 'regulators', message: 'one or more of the protocol signatories' },
      ]);
    return this.act(
      identity,
      id,
      expectedVersion,
      'SHARE_WITH_REGULATORS',
      async (manager, concern, user, now) => {
        await this.writer.records.insertShare(manager, {
          id: randomUUID(),
          concernId: concern.id,
          regulators: unique,
          summary: what,
          sharedBy: user.subject,
          sharedByRole: user.role,
          sharedAt: now,
        });
        return {
          what: `Shared with ${unique.join(', ')} under the Emerging Concerns Protocol`,
          why: what,
          after: (m, updated) =>
            emitConcernEvent(m, 'nets.concern.shared-with-regulator.v1', {
              ...eventBase(updated, user.role, now),
              regulators: unique,
            }),
        };
      },
    );
  }

  replyToLearner(identity: Identity, id: string, expectedVersion: number, text: string) {
    const reply = requiredText(text, 'text');
    return this.act(identity, id, expectedVersion, 'REPLY_TO_LEARNER', async (_m, concern) => {
      if (!concern.followUpCodeHash)
        throw new ConflictError('This concern was not raised by a learner with a follow-up code.');
      return { what: 'Replied to the learner', restrictedDetail: reply };
    });
  }

  /**
   * The one path for changing a concern. The row lock serialises writers; the expected version the caller
   * saw makes a stale request a CONFLICT; the guarded UPDATE is the last line. Any throw rolls back all.
   */
  private async act(
    identity: Identity,
    id: string,
    expectedVersion: number,
    operation: ConcernOperation,
    work: (manager: EntityManager, concern: ConcernRecord, user: UserIdentity, now: Date) => Promise<Outcome>,
  ): Promise<ConcernRecord> {
    const user = requireSignedIn(identity);
    if (!isUuid(id)) throw new NotFoundError(`No concern ${id.slice(0, 64)}.`);
    if (!isAllowedRole(operation, user.role))
      throw new ForbiddenError(
        `${user.role} may not ${operation.toLowerCase().replaceAll('_', ' ')} a concern.`,
      );
    return inTransaction(this.dataSource, async (manager) => {
      const concern = await this.writer.concerns.findById(manager, id, true);
      if (!concern) throw new NotFoundError(`No concern ${id}.`);
      assertCanAct(user, concern, operation);
      const status = checkOperation(operation, concern.status, user.role);
      if (concern.version !== expectedVersion)
        throw new ConflictError(
          `The concern changed since you read it (version ${concern.version}, not ${expectedVersion}); reload it.`,
        );
      const now = this.clock();
      const outcome = await work(manager, concern, user, now);
      const updated = await this.writer.concerns.updateIfVersion(manager, id, expectedVersion, {
        ...outcome.changes,
        status,
        updatedAt: now,
      });
      if (!updated)
        throw new ConflictError('Someone else changed the concern at the same moment; reload it.');
      const entry: NewTimelineEntry = {
        concernId: id,
        at: now,
        actor: user.subject,
        actorRole: user.role,
        kind: operation,
        what: status !== concern.status ? `${outcome.what} (${concern.status} → ${status})` : outcome.what,
        why: outcome.why ?? null,
        restrictedDetail: outcome.restrictedDetail ?? null,
        actionId: outcome.actionId ?? null,
      };
      await this.writer.records.appendTimeline(manager, entry);
      const after = await this.writer.concerns.findById(manager, id);
      if (!after) throw new NotFoundError(`No concern ${id}.`);
      await outcome.after?.(manager, after);
      return after;
    });
  }
}

function requiredText(value: string | null | undefined, path: string): string {
  return checkedText(value, path, CONCERN_TEXT.narrative);
}

function checkedRisk(risk: RiskInput, path: string): RiskInput {
  checkRisk(risk, path);
  return {
    likelihood: risk.likelihood,
    consequence: risk.consequence,
    controls: checkedText(risk.controls, `${path}.controls`, CONCERN_TEXT.line, true),
  };
}

/** Who raises decides the source; the quality team may record one raised by a regulator. */
function sourceFor(user: UserIdentity, requested: Maybe<ConcernSource>): ConcernSource {
  switch (user.role) {
    case 'QUALITY_TEAM':
      if (requested && requested !== 'QUALITY_TEAM' && requested !== 'REGULATOR')
        throw new BadUserInputError('The quality team records concerns of its own or from a regulator.', [
          { path: 'input.source', message: 'QUALITY_TEAM or REGULATOR' },
        ]);
      return requested ?? 'QUALITY_TEAM';
    case 'PROVIDER_USER':
      return 'PROVIDER_SELF_REPORT';
    case 'EDUCATION_PROVIDER_USER':
      return 'EDUCATION_PROVIDER';
    case 'NATIONAL_ANALYST':
    case 'ADMIN':
      throw new ForbiddenError('Analysts and administrators do not raise concerns.');
  }
}
