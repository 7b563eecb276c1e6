import { createHash } from 'node:crypto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { requireSignedIn, type Identity, type Region } from '@nets/shared/auth';
import type { UnitOfWork } from '@nets/shared/data-access-typeorm';
import type {
  ConcernRecordsRepository,
  ConcernRepository,
  IsfConfigRepository,
} from '@nets/concerns/data-access';
import {
  CONCERN_TEXT,
  canReadConcern,
  checkedText,
  decodeConcernCursor,
  encodeConcernCursor,
  inScope,
  isUuid,
  requireReaderScope,
  requireUuid,
  type ConcernActionRecord,
  type ConcernDashboardRecord,
  type ConcernListFilter,
  type ConcernPage,
  type ConcernRecord,
  type IsfLevelRecord,
  type RegulatorShareRecord,
  type TimelineEntryRecord,
} from '@nets/concerns/domain';
import { ForbiddenError, NotFoundError, RateLimitedError } from '@nets/shared/util-errors';

export interface ConcernFollowUpView {
  reference: string;
  status: ConcernRecord['status'];
  raisedAt: Date;
  updatedAt: Date;
  replies: Array<{ text: string; at: Date }>;
}

/** Reads, always scoped by the caller: a concern outside the caller's scope is never returned. */
export class ConcernQueryService {
  /** Follow-up codes are secrets: a caller gets a few guesses a minute, not a brute-force loop. */
  private readonly followUpLimiter = new RateLimiterMemory({ points: 10, duration: 60 });

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly concerns: ConcernRepository,
    private readonly records: ConcernRecordsRepository,
    private readonly isf: IsfConfigRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Batched for DataLoader: one query for any number of ids; out-of-scope ids come back undefined. */
  async byIds(ids: readonly string[], identity: Identity): Promise<Array<ConcernRecord | undefined>> {
    const found = new Map(
      (await this.concerns.findByIds(this.unitOfWork.reads, ids.filter(isUuid))).map((concern) => [
        concern.id,
        concern,
      ]),
    );
    return ids.map((id) => {
      const concern = found.get(id);
      return concern && canReadConcern(identity, concern) ? concern : undefined;
    });
  }

  /** One concern the caller may read, or FORBIDDEN / NOT_FOUND. */
  assertReadable(concern: ConcernRecord | undefined, id: string, identity: Identity): ConcernRecord {
    requireReaderScope(identity);
    if (!concern) throw new NotFoundError(`No concern ${id} that you may see.`);
    return concern;
  }

  async list(
    identity: Identity,
    filter: ConcernListFilter,
    first: number,
    after?: string,
  ): Promise<Omit<ConcernPage, 'endCursor'> & { endCursor: string | null }> {
    const scope = requireReaderScope(identity);
    if (filter.organisationId) requireUuid(filter.organisationId, 'filter.organisationId');
    const size = Math.min(Math.max(first, 1), 100);
    const cursor = after ? decodeConcernCursor(after) : undefined;
    const page = await this.concerns.list(this.unitOfWork.reads, scope, filter, size, cursor, this.clock());
    return { ...page, endCursor: page.endCursor ? encodeConcernCursor(page.endCursor) : null };
  }

  async forOrganisation(
    identity: Identity,
    organisationId: string,
    first: number,
    status?: ConcernRecord['status'],
  ): Promise<ConcernRecord[]> {
    const scope = requireReaderScope(identity);
    if (!isUuid(organisationId)) return [];
    const page = await this.concerns.list(
      this.unitOfWork.reads,
      scope,
      { organisationId, status },
      Math.min(Math.max(first, 1), 100),
      undefined,
      this.clock(),
    );
    return page.items.filter((concern) => inScope(scope, concern));
  }

  async dashboard(
    identity: Identity,
    region: Region | undefined,
  ): Promise<ConcernDashboardRecord & { region: Region | null }> {
    const user = requireSignedIn(identity);
    if (user.role === 'QUALITY_TEAM') {
      if (region && region !== user.region) throw new ForbiddenError('The quality team sees its own region.');
      const own = user.region as Region;
      return { region: own, ...(await this.concerns.dashboard(this.unitOfWork.reads, own, this.clock())) };
    }
    if (user.role !== 'NATIONAL_ANALYST' && user.role !== 'ADMIN')
      throw new ForbiddenError('The dashboard is for the quality team and national roles.');
    return {
      region: region ?? null,
      ...(await this.concerns.dashboard(this.unitOfWork.reads, region, this.clock())),
    };
  }

  async followUp(code: string, clientAddress: string): Promise<ConcernFollowUpView> {
    try {
      await this.followUpLimiter.consume(clientAddress || 'unknown');
    } catch (error) {
      if (error instanceof RateLimiterRes)
        throw new RateLimitedError('Too many follow-up attempts; try again later.');
      throw error;
    }
    const typed = checkedText(code, 'followUpCode', CONCERN_TEXT.followUpCode);
    const hash = createHash('sha256').update(typed).digest('hex');
    const concern = await this.concerns.findByFollowUpHash(this.unitOfWork.reads, hash);
    if (!concern) throw new NotFoundError('No concern has this follow-up code.');
    const timeline = await this.records.timelines(this.unitOfWork.reads, [concern.id]);
    return {
      reference: concern.reference,
      status: concern.status,
      raisedAt: concern.raisedAt,
      updatedAt: concern.updatedAt,
      replies: timeline
        .filter((entry) => entry.kind === 'REPLY_TO_LEARNER' && entry.restrictedDetail !== null)
        .map((entry) => ({ text: entry.restrictedDetail ?? '', at: entry.at })),
    };
  }

  async timelines(concernIds: readonly string[]): Promise<TimelineEntryRecord[][]> {
    return groupBy(concernIds, await this.records.timelines(this.unitOfWork.reads, concernIds));
  }

  async actions(concernIds: readonly string[]): Promise<ConcernActionRecord[][]> {
    return groupBy(concernIds, await this.records.actions(this.unitOfWork.reads, concernIds));
  }

  async shares(concernIds: readonly string[]): Promise<RegulatorShareRecord[][]> {
    return groupBy(concernIds, await this.records.shares(this.unitOfWork.reads, concernIds));
  }

  isfLevels(version?: number): Promise<IsfLevelRecord[]> {
    return version === undefined
      ? this.isf.current(this.unitOfWork.reads)
      : this.isf.byVersion(this.unitOfWork.reads, version);
  }

  now(): Date {
    return this.clock();
  }
}

function groupBy<T extends { concernId: string }>(ids: readonly string[], rows: readonly T[]): T[][] {
  const grouped = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.concernId)?.push(row);
  return ids.map((id) => grouped.get(id) ?? []);
}
