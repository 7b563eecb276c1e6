import type { ResponseSubmitted } from '@nets/response/contract-events';
import type { QuestionnairePublished } from '@nets/survey/contract-events';
import type { Transaction } from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import type { ReleaseRepository, RollupRepository } from '@nets/analytics/data-access';
import {
  addContributions,
  changedSeries,
  foldPlanOf,
  type FineCellDelta,
  type FoldPlan,
  type PendingResponseRecord,
  type Placement,
} from '@nets/analytics/domain';

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

  async foldResponses(transaction: Transaction, batch: readonly ResponseSubmitted[]): Promise<number> {
    if (batch.length === 0) return 0;
    const released = await this.releases.lockForFolding(
      transaction,
      batch.map((r) => r.cycleYear),
    );
    await this.releases.addLate(
      transaction,
      batch
        .filter((r) => released.has(r.cycleYear))
        .map((r) => ({ responseId: r.responseId, year: r.cycleYear, payload: r })),
    );
    const responses = batch.filter((r) => !released.has(r.cycleYear));
    if (responses.length === 0) return 0;
    const plans = await this.plansFor(
      transaction,
      responses.map((r) => r.questionnaireId),
    );
    const placements = await this.replicas.currentSuccessors(
      transaction,
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
      transaction,
      ready.map((r) => r.response.responseId),
    );
    const cells = new Map<string, FineCellDelta>();
    for (const { response, plan, placement } of ready) {
      if (fresh.delete(response.responseId)) addContributions(response, plan, placement, cells);
    }
    await this.rollups.addCells(transaction, [...cells.values()]);
    await this.rollups.addPending(transaction, waiting);
    await this.rollups.registerSeries(transaction, changedSeries(cells.values()));
    return ready.length;
  }

  /** Folds every waiting response whose questionnaire and organisation have arrived since. */
  async foldPending(transaction: Transaction): Promise<number> {
    let folded = 0;
    for (;;) {
      const ready = await this.rollups.takeReadyPending(transaction);
      if (ready.length === 0) return folded;
      folded += await this.foldResponses(
        transaction,
        ready.map((r) => r.payload),
      );
    }
  }

  private async plansFor(transaction: Transaction, ids: readonly string[]): Promise<Map<string, FoldPlan>> {
    const found = new Map<string, FoldPlan>();
    for (const id of new Set(ids)) {
      let plan = this.plans.get(id);
      if (!plan) {
        const questionnaire: QuestionnairePublished | undefined = await this.replicas.questionnaire(
          transaction,
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
}
