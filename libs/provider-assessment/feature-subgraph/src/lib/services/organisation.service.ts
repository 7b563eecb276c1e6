import { randomUUID } from 'node:crypto';
import {
  type OutboxEntry,
  type Transaction,
  type UnitOfWork,
  isUniqueViolation,
} from '@nets/shared/data-access-typeorm';
import { BadUserInputError, ConflictError, NotFoundError, type ErrorDetail } from '@nets/shared/util-errors';
import type {
  NhsRegion,
  OrganisationKind,
  OrganisationRole,
} from '@nets/provider-assessment/contract-events';
import type { OrganisationRepository } from '@nets/provider-assessment/data-access';
import type { OrganisationRecord, OrganisationSearch, SiteRecord } from '@nets/provider-assessment/domain';
import { textProblem } from '@nets/shared/util-text';
import {
  decodeCursor,
  encodeCursor,
  parseOrganisationCsv,
  type CsvRejection,
  normaliseCode,
  normaliseDraft,
  organisationProblems,
  type OrganisationDraft,
} from '@nets/provider-assessment/domain';
import { emitOrganisationEvents, organisationEvent, toSnapshot } from '../provider-assessment-events';

export const MAX_PAGE_SIZE = 200;
export const MAX_SEARCH_LENGTH = 200;

export interface OrganisationConnectionView {
  edges: Array<{ cursor: string; node: OrganisationRecord }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

export interface RegisterOrganisationInput {
  odsCode: string;
  name: string;
  kind: OrganisationKind;
  roles: OrganisationRole[];
  region: NhsRegion;
  sites?: Array<{ code: string; name: string }> | null;
}

export interface UpdateOrganisationInput {
  name?: string | null;
  roles?: OrganisationRole[] | null;
  region?: NhsRegion | null;
  sites?: Array<{ code: string; name: string }> | null;
}

export interface ImportReport {
  committed: boolean;
  registered: number;
  updated: number;
  unchanged: number;
  rejected: CsvRejection[];
}

/** The organisation registry: rules, transactions and registry events. */
export class OrganisationService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly organisations: OrganisationRepository,
  ) {}

  async search(
    filter: OrganisationSearch,
    first: number,
    after?: string | null,
  ): Promise<OrganisationConnectionView> {
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
      throw new BadUserInputError(`first must be between 1 and ${MAX_PAGE_SIZE}.`, [
        { path: 'first', message: 'out of range' },
      ]);
    }
    const searchProblem =
      filter.search === undefined ? undefined : textProblem(filter.search, { max: MAX_SEARCH_LENGTH });
    if (searchProblem) {
      throw new BadUserInputError(`filter.search ${searchProblem}.`, [
        { path: 'filter.search', message: searchProblem },
      ]);
    }
    const cursor = after ? decodeCursor(after) : undefined;
    const page = await this.organisations.search(this.unitOfWork.reads, filter, first, cursor);
    const edges = page.organisations.map((node) => ({ cursor: encodeCursor(node), node }));
    return {
      edges,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: page.totalCount,
    };
  }

  /** Batched for loaders: one query for any number of ids, answered in the ids' order. */
  async byIds(ids: readonly string[]): Promise<Array<OrganisationRecord | undefined>> {
    const valid = ids.filter(isUuid);
    const found = new Map(
      (await this.organisations.findByIds(this.unitOfWork.reads, valid)).map((o) => [o.id, o]),
    );
    return ids.map((id) => found.get(id));
  }

  async byOdsCode(odsCode: string): Promise<OrganisationRecord | undefined> {
    if (textProblem(odsCode, { max: MAX_SEARCH_LENGTH })) return undefined;
    const [found] = await this.organisations.findByOdsCodes(this.unitOfWork.reads, [normaliseCode(odsCode)]);
    return found;
  }

  async register(input: RegisterOrganisationInput): Promise<OrganisationRecord> {
    const draft = checkDraft({ ...input, sites: input.sites ?? [] });
    return this.uniquely(() =>
      this.unitOfWork.run(async (transaction) => {
        await this.checkCodesFree(transaction, draft, undefined);
        const organisation = newOrganisation(draft);
        await this.organisations.insert(transaction, [organisation]);
        await emitOrganisationEvents(transaction, [
          organisationEvent('nets.organisation.registered.v1', organisation.id, {
            organisation: toSnapshot(organisation),
          }),
        ]);
        return organisation;
      }),
    );
  }

  async update(id: string, input: UpdateOrganisationInput): Promise<OrganisationRecord> {
    return this.uniquely(() =>
      this.unitOfWork.run(async (transaction) => {
        const current = await this.lock(transaction, id);
        if (current.status === 'CLOSED')
          throw new ConflictError(`${current.odsCode} is closed and cannot change.`);
        const draft = checkDraft({
          odsCode: current.odsCode,
          kind: current.kind,
          name: input.name ?? current.name,
          roles: input.roles ?? current.roles,
          region: input.region ?? current.region,
          sites: input.sites ?? current.sites,
        });
        await this.checkCodesFree(transaction, draft, id);
        const next = withDraft(current, draft);
        await this.organisations.update(transaction, next);
        await emitOrganisationEvents(transaction, [
          organisationEvent('nets.organisation.updated.v1', id, { organisation: toSnapshot(next) }),
        ]);
        return next;
      }),
    );
  }

  /** `from` closes with `into` as successor; its sites and its own predecessors follow `into`. */
  async merge(
    fromId: string,
    intoId: string,
  ): Promise<{ organisation: OrganisationRecord; successor: OrganisationRecord }> {
    if (fromId === intoId) {
      throw new BadUserInputError('An organisation cannot merge into itself.', [
        { path: 'intoId', message: 'same as fromId' },
      ]);
    }
    return this.unitOfWork.run(async (transaction) => {
      const locked = await this.organisations.findByIds(transaction, [fromId, intoId].filter(isUuid), true);
      const from = locked.find((o) => o.id === fromId);
      const into = locked.find((o) => o.id === intoId);
      if (!from) throw new NotFoundError(`No organisation ${fromId}.`);
      if (!into) throw new NotFoundError(`No organisation ${intoId}.`);
      if (from.status === 'CLOSED') throw new ConflictError(`${from.odsCode} is already closed.`);
      if (into.status === 'CLOSED')
        throw new ConflictError(`${into.odsCode} is closed; merge into its successor instead.`);
      const closed: OrganisationRecord = { ...from, status: 'CLOSED', successorId: into.id, sites: [] };
      const successor: OrganisationRecord = {
        ...into,
        sites: [...into.sites, ...from.sites].sort((a, b) => a.code.localeCompare(b.code)),
        roles: [...new Set([...into.roles, ...from.roles])].sort(),
      };
      await this.organisations.update(transaction, closed);
      await this.organisations.update(transaction, successor);
      const events: OutboxEntry[] = [
        organisationEvent('nets.organisation.merged.v1', closed.id, {
          organisation: toSnapshot(closed),
          successor: toSnapshot(successor),
        }),
        organisationEvent('nets.organisation.updated.v1', successor.id, {
          organisation: toSnapshot(successor),
        }),
      ];
      for (const predecessor of await this.organisations.findPredecessors(transaction, from.id)) {
        const repointed = { ...predecessor, successorId: into.id };
        await this.organisations.update(transaction, repointed);
        events.push(
          organisationEvent('nets.organisation.updated.v1', repointed.id, {
            organisation: toSnapshot(repointed),
          }),
        );
      }
      await emitOrganisationEvents(transaction, events);
      return { organisation: closed, successor };
    });
  }

  async close(id: string): Promise<OrganisationRecord> {
    return this.unitOfWork.run(async (transaction) => {
      const current = await this.lock(transaction, id);
      if (current.status === 'CLOSED') throw new ConflictError(`${current.odsCode} is already closed.`);
      const closed: OrganisationRecord = { ...current, status: 'CLOSED' };
      await this.organisations.update(transaction, closed);
      await emitOrganisationEvents(transaction, [
        organisationEvent('nets.organisation.closed.v1', id, { organisation: toSnapshot(closed) }),
      ]);
      return closed;
    });
  }

  /**
   * Imports an ODS-style CSV in one transaction. Rows are checked against the file and the registry;
   * with any rejection nothing is stored unless `skipInvalidRows`, and a dry run never stores.
   */
  async importCsv(
    csv: string,
    options: { skipInvalidRows: boolean; dryRun: boolean },
  ): Promise<ImportReport> {
    const parsed = parseOrganisationCsv(csv);
    return this.uniquely(() =>
      this.unitOfWork.run(async (transaction) => {
        const rejected = [...parsed.rejections];
        const existing = new Map(
          (
            await this.organisations.findByOdsCodes(
              transaction,
              parsed.organisations.map((o) => o.draft.odsCode),
            )
          ).map((o) => [o.odsCode, o]),
        );
        const siteOwners = await this.organisations.findSiteOwners(
          transaction,
          parsed.organisations.flatMap((o) => o.draft.sites.map((s) => s.code)),
        );
        const toRegister: OrganisationRecord[] = [];
        const toUpdate: OrganisationRecord[] = [];
        let unchanged = 0;
        for (const row of parsed.organisations) {
          const current = existing.get(row.draft.odsCode);
          const reasons: string[] = [];
          if (current?.status === 'CLOSED') reasons.push(`${current.odsCode} is closed in the registry.`);
          if (current && current.kind !== row.draft.kind) {
            reasons.push(`${current.odsCode} is registered as ${current.kind}, not ${row.draft.kind}.`);
          }
          row.draft.sites.forEach((site) => {
            const owner = siteOwners.get(site.code);
            if (owner && owner !== current?.id)
              reasons.push(`Site ${site.code} belongs to another organisation.`);
          });
          if (reasons.length > 0) {
            rejected.push({ line: row.line, code: row.draft.odsCode, reasons });
            continue;
          }
          if (!current) toRegister.push(newOrganisation(row.draft));
          else {
            const next = withDraft(current, row.draft);
            if (sameOrganisation(current, next)) unchanged++;
            else toUpdate.push(next);
          }
        }
        rejected.sort((a, b) => a.line - b.line);
        const committed = !options.dryRun && (rejected.length === 0 || options.skipInvalidRows);
        if (committed) {
          await this.organisations.insert(transaction, toRegister);
          for (const organisation of toUpdate) await this.organisations.update(transaction, organisation);
          await emitOrganisationEvents(transaction, [
            ...toRegister.map((o) =>
              organisationEvent('nets.organisation.registered.v1', o.id, { organisation: toSnapshot(o) }),
            ),
            ...toUpdate.map((o) =>
              organisationEvent('nets.organisation.updated.v1', o.id, { organisation: toSnapshot(o) }),
            ),
          ]);
        }
        // A dry run is the preview of the import: it counts what the import would do. A refused import counts 0.
        const counted = committed || options.dryRun;
        return {
          committed,
          registered: counted ? toRegister.length : 0,
          updated: counted ? toUpdate.length : 0,
          unchanged: counted ? unchanged : 0,
          rejected,
        };
      }),
    );
  }

  private async lock(transaction: Transaction, id: string): Promise<OrganisationRecord> {
    const [found] = isUuid(id) ? await this.organisations.findByIds(transaction, [id], true) : [];
    if (!found) throw new NotFoundError(`No organisation ${id}.`);
    return found;
  }

  private async checkCodesFree(
    transaction: Transaction,
    draft: OrganisationDraft,
    selfId: string | undefined,
  ) {
    const problems: ErrorDetail[] = [];
    const [holder] = await this.organisations.findByOdsCodes(transaction, [draft.odsCode]);
    if (holder && holder.id !== selfId) {
      throw new ConflictError(`The ODS code ${draft.odsCode} is already registered to ${holder.name}.`);
    }
    const owners = await this.organisations.findSiteOwners(
      transaction,
      draft.sites.map((s) => s.code),
    );
    draft.sites.forEach((site, index) => {
      const owner = owners.get(site.code);
      if (owner && owner !== selfId)
        problems.push({
          path: `sites[${index}].code`,
          message: `Site ${site.code} belongs to another organisation.`,
        });
    });
    if (problems.length > 0) throw new ConflictError(problems.map((p) => p.message).join(' '));
  }

  /** Two concurrent writers of one code: the database's unique index decides, the loser gets CONFLICT. */
  private async uniquely<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('An ODS or site code was registered at the same moment; try again.');
      throw error;
    }
  }
}

function checkDraft(input: OrganisationDraft): OrganisationDraft {
  const draft = normaliseDraft(input);
  const problems = organisationProblems(draft);
  if (problems.length > 0) throw new BadUserInputError('The organisation is not valid.', problems);
  return draft;
}

function newOrganisation(draft: OrganisationDraft): OrganisationRecord {
  return {
    id: randomUUID(),
    ...draft,
    status: 'ACTIVE',
    successorId: null,
    sites: draft.sites.map((site) => ({ id: randomUUID(), ...site })),
  };
}

/** The draft applied to an existing organisation; sites keep their ids by code. */
function withDraft(current: OrganisationRecord, draft: OrganisationDraft): OrganisationRecord {
  const byCode = new Map(current.sites.map((site) => [site.code, site]));
  const sites: SiteRecord[] = draft.sites.map((site) => ({
    id: byCode.get(site.code)?.id ?? randomUUID(),
    ...site,
  }));
  return { ...current, name: draft.name, roles: draft.roles, region: draft.region, sites };
}

function sameOrganisation(a: OrganisationRecord, b: OrganisationRecord): boolean {
  return JSON.stringify(toComparable(a)) === JSON.stringify(toComparable(b));
}

function toComparable(o: OrganisationRecord) {
  return { ...o, sites: [...o.sites].sort((x, y) => x.code.localeCompare(y.code)) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
