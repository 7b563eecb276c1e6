import type { Identity, UserIdentity } from '@nets/shared/auth';
import { requireSignedIn } from '@nets/shared/auth';
import type { Transaction, UnitOfWork } from '@nets/shared/data-access-typeorm';
import type { ConcernRecordsRepository, ConcernRepository } from '@nets/concerns/data-access';
import {
  assertCanAct,
  checkOperation,
  isAllowedRole,
  isUuid,
  type ConcernChanges,
  type ConcernOperation,
  type ConcernRecord,
  type NewTimelineEntry,
} from '@nets/concerns/domain';
import { ConflictError, ForbiddenError, NotFoundError } from '@nets/shared/util-errors';

/** What one operation does to a concern, decided by the service that knows the operation. */
export interface ChangeOutcome {
  changes?: ConcernChanges;
  what: string;
  why?: string | null;
  restrictedDetail?: string | null;
  actionId?: string | null;
  /** Written after the guarded update, with the concern as it now is. */
  after?: (transaction: Transaction, updated: ConcernRecord) => Promise<void>;
}

export type ChangeWork = (
  transaction: Transaction,
  concern: ConcernRecord,
  user: UserIdentity,
  now: Date,
) => Promise<ChangeOutcome>;

/**
 * The one path for changing an existing concern: one transaction, one guarded update, one timeline entry,
 * its event. The row lock serialises writers; the expected version the caller saw makes a stale request a
 * CONFLICT; the guarded UPDATE is the last line. Any throw rolls back all.
 */
export class ConcernChanger {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly concerns: ConcernRepository,
    private readonly records: ConcernRecordsRepository,
    readonly clock: () => Date = () => new Date(),
  ) {}

  async change(
    identity: Identity,
    id: string,
    expectedVersion: number,
    operation: ConcernOperation,
    work: ChangeWork,
  ): Promise<ConcernRecord> {
    const user = requireSignedIn(identity);
    if (!isUuid(id)) throw new NotFoundError(`No concern ${id.slice(0, 64)}.`);
    if (!isAllowedRole(operation, user.role))
      throw new ForbiddenError(
        `${user.role} may not ${operation.toLowerCase().replaceAll('_', ' ')} a concern.`,
      );
    return this.unitOfWork.run(async (transaction) => {
      const concern = await this.concerns.findById(transaction, id, true);
      if (!concern) throw new NotFoundError(`No concern ${id}.`);
      assertCanAct(user, concern, operation);
      const status = checkOperation(operation, concern.status, user.role);
      if (concern.version !== expectedVersion)
        throw new ConflictError(
          `The concern changed since you read it (version ${concern.version}, not ${expectedVersion}); reload it.`,
        );
      const now = this.clock();
      const outcome = await work(transaction, concern, user, now);
      const updated = await this.concerns.updateIfVersion(transaction, id, expectedVersion, {
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
      await this.records.appendTimeline(transaction, entry);
      const after = await this.concerns.findById(transaction, id);
      if (!after) throw new NotFoundError(`No concern ${id}.`);
      await outcome.after?.(transaction, after);
      return after;
    });
  }
}
