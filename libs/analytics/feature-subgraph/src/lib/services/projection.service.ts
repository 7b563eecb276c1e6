import type { EntityManager } from 'typeorm';
import type { ResponseSubmitted } from '@nets/response/contract-events';
import type { QuestionnairePublished } from '@nets/survey/contract-events';
import { transactionOf } from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import type { OrganisationReplica } from '@nets/replicas/domain';
import type {
  FineCellDelta,
  PendingResponseRecord,
  ReleaseRepository,
  RollupRepository,
} from '@nets/analytics/data-access';
import {
  addContributions,
  changedSeries,
  foldPlanOf,
  type FoldPlan,
  type Placement,
} from '../domain/fold-plan';

/**
 * Folds submitted responses into the counter rollups, a batch at a time, in the consumer's transaction
 * (which also records the events as processed, so a redelivered event is never folded twice). A response
 * whose questionnaire or organisation is not known yet waits in the pending table and is folded when the
 * missing fact arrives. A response of a cycle whose results are already released is kept aside, not
 * folded: released results never change.
 */
export class ProjectionService {
  private readonly plans = new Map<string, FoldPlan>();

  constructor(
    private readonly rollups: RollupRepository,
    private readonly replicas: ReplicaRepository,
    private readonly releases: ReleaseRepository,
  ) {}

  async foldResponses(manager: EntityManager, batch: readonly ResponseSubmitted[]): Promise<number> {
    if (batch.length === 0) return 0;
    const released = await this.releases.lockForFolding(
      manager,
      batch.map((r) => r.cycleYear),
    );
    await this.releases.addLate(
      manager,
      batch
        .filter((r) => released.has(r.cycleYear))
        .map((r) => ({ responseId: r.responseId, year: r.cycleYear, payload: r })),
    );
    const responses = batch.filter((r) => !released.has(r.cycleYear));
    if (responses.length === 0) return 0;
    const plans = await this.plansFor(
      manager,
      responses.map((r) => r.questionnaireId),
    );
    const placements = await this.organisationsFor(
      manager,
      responses.map((r) => r.placement.organisationId),
    );
    const ready: Array<{ response: ResponseSubmitted; plan: FoldPlan; placement: Placement }> = [];
    const waiting: PendingResponseRecord[] = [];
    for (const response of responses) {
      const plan = plans.get(response.questionnaireId);
      const organisation = placements.get(response.placement.organisationId);
      if (!plan || !organisation) {
        waiting.push({
          responseId: response.responseId,
          questionnaireId: response.questionnaireId,
          organisationId: response.placement.organisationId,
          payload: response,
        });
        continue;
      }
      const placement: Placement = {
        region: organisation.region,
        organisationId: organisation.id,
        siteId: response.placement.siteId,
      };
      ready.push({ response, plan, placement });
    }
    // A response re-emitted under a new event id (or twice in one batch) is folded once.
    const fresh = await this.rollups.markFolded(
      manager,
      ready.map((r) => r.response.responseId),
    );
    const cells = new Map<string, FineCellDelta>();
    for (const { response, plan, placement } of ready) {
      if (fresh.delete(response.responseId)) addContributions(response, plan, placement, cells);
    }
    await this.rollups.addCells(manager, [...cells.values()]);
    await this.rollups.addPending(manager, waiting);
    await this.rollups.registerSeries(manager, changedSeries(cells.values()));
    return ready.length;
  }

  /** Folds every waiting response whose questionnaire and organisation have arrived since. */
  async foldPending(manager: EntityManager): Promise<number> {
    let folded = 0;
    for (;;) {
      const ready = await this.rollups.takeReadyPending(manager);
      if (ready.length === 0) return folded;
      folded += await this.foldResponses(
        manager,
        ready.map((r) => r.payload as ResponseSubmitted),
      );
    }
  }

  private async plansFor(manager: EntityManager, ids: readonly string[]): Promise<Map<string, FoldPlan>> {
    const found = new Map<string, FoldPlan>();
    for (const id of new Set(ids)) {
      let plan = this.plans.get(id);
      if (!plan) {
        const questionnaire: QuestionnairePublished | undefined = await this.replicas.questionnaire(
          transactionOf(manager),
          id,
        );
        if (!questionnaire) continue;
        // Published questionnaire versions are frozen, so their plans can be kept for the process's life.
        plan = foldPlanOf(questionnaire);
        this.plans.set(id, plan);
      }
      found.set(id, plan);
    }
    return found;
  }

  /** Each placement organisation resolved to the one its results follow (the successor after merges). */
  private async organisationsFor(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<Map<string, OrganisationReplica>> {
    const known = new Map<string, OrganisationReplica>();
    let missing = [...new Set(ids)];
    while (missing.length > 0) {
      const loaded = await this.replicas.organisations(transactionOf(manager), missing);
      for (const organisation of loaded) known.set(organisation.id, organisation);
      missing = [
        ...new Set(
          loaded.flatMap((o) => (o.successorId && !known.has(o.successorId) ? [o.successorId] : [])),
        ),
      ];
    }
    const resolved = new Map<string, OrganisationReplica>();
    for (const id of new Set(ids)) {
      const seen = new Set<string>();
      let current = known.get(id);
      while (current?.successorId && !seen.has(current.id) && known.has(current.successorId)) {
        seen.add(current.id);
        current = known.get(current.successorId);
      }
      if (current) resolved.set(id, current);
    }
    return resolved;
  }
}
