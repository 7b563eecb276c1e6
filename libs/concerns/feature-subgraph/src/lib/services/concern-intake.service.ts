import { randomUUID } from 'node:crypto';
import type { Transaction } from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import type { FlagChanged } from '@nets/analytics/contract-events';
import type { OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import type { SeriousConcernRaised } from '@nets/response/contract-events';
import type { ConcernCategory, ConcernSource } from '@nets/concerns/contract-events';
import type { ConcernRecordsRepository, ConcernRepository } from '@nets/concerns/data-access';
import {
  LEARNER_ACTOR_ROLE,
  categoryFromLearnerText,
  categoryFromMeasure,
  categoryFromStandard,
  raisedConcern,
  type ConcernRecord,
  type NewConcernRecord,
} from '@nets/concerns/domain';
import type { ConcernOpener } from '../recording/concern-opener';

const SYSTEM = 'nets-concerns-intake';

interface Candidate {
  intakeKey: string;
  id?: string;
  source: ConcernSource;
  organisationId: string;
  category: ConcernCategory;
  description: string;
  standardsAtRisk?: string[];
  learnerGroups?: string[];
  siteId?: string | null;
  raisedByRole: string;
  what: string;
  extra?: Partial<NewConcernRecord>;
}

/**
 * Automatic intake from other services' events, inside the consumer's transaction. Each candidate has a
 * business key (`intake_key`), so a redelivered or repeated fact never opens a second concern.
 */
export class ConcernIntakeService {
  constructor(
    private readonly opener: ConcernOpener,
    private readonly concerns: ConcernRepository,
    private readonly records: ConcernRecordsRepository,
    private readonly replicas: ReplicaRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async seriousConcern(transaction: Transaction, raised: SeriousConcernRaised): Promise<void> {
    await this.open(transaction, {
      intakeKey: `serious-concern:${raised.concernId}`,
      id: raised.concernId,
      source: 'LEARNER_SERIOUS_CONCERN',
      organisationId: raised.placement.organisationId,
      siteId: raised.placement.siteId,
      learnerGroups: [raised.learnerGroup],
      category: categoryFromLearnerText(raised.text),
      description:
        "A learner raised a serious concern about this placement in the NETS survey. The learner's own account is held by the regional quality team.",
      raisedByRole: LEARNER_ACTOR_ROLE,
      what: 'Raised from a serious concern a learner flagged in the NETS survey',
      extra: {
        learnerText: raised.text,
        contactDetails: raised.contactDetails,
        followUpCodeHash: raised.followUpCodeHash,
      },
    });
  }

  async flag(transaction: Transaction, flag: FlagChanged): Promise<void> {
    if (flag.flag !== 'RED') return;
    const intakeKey = `analytics-red:${flag.organisationId}:${flag.year}:${flag.measureKey}`;
    const concern =
      (await this.concerns.findByIntakeKey(transaction, intakeKey)) ??
      (await this.open(transaction, {
        intakeKey,
        source: flag.persistent ? 'ANALYTICS_PERSISTENT_RED_FLAG' : 'ANALYTICS_RED_FLAG',
        organisationId: flag.organisationId,
        category: categoryFromMeasure(flag.measureKey),
        learnerGroups: flag.learnerGroup ? [flag.learnerGroup] : [],
        description: `NETS ${flag.year}: RED outlier on ${flag.measureKey} (${flag.percentPositive}% positive from ${flag.respondents} respondents; benchmark ${flag.benchmark}%).`,
        raisedByRole: 'ANALYTICS',
        what: 'Triage candidate opened from an analytics RED flag',
      }));
    if (flag.persistent && !concern.isfReviewProposed)
      await this.proposeIsfReview(transaction, concern, flag);
  }

  async selfAssessment(
    transaction: Transaction,
    submitted: { organisationId: string; year: number; standardsNotMet: readonly string[] },
  ): Promise<void> {
    for (const code of submitted.standardsNotMet) {
      await this.open(transaction, {
        intakeKey: `self-assessment:${submitted.organisationId}:${submitted.year}:${code}`,
        source: 'PROVIDER_SELF_ASSESSMENT',
        organisationId: submitted.organisationId,
        category: categoryFromStandard(code),
        standardsAtRisk: [code],
        description: `In its ${submitted.year} self-assessment the provider rated Quality Framework standard ${code} as not met.`,
        raisedByRole: 'PROVIDER_SELF_ASSESSMENT',
        what: `Triage candidate opened: standard ${code} self-rated not met`,
      });
    }
  }

  /** Keeps concerns scoped by the registry: region changes, and merges hand concerns to the successor. */
  async organisationChanged(transaction: Transaction, organisation: OrganisationSnapshot): Promise<void> {
    await this.concerns.setRegionOfOrganisation(transaction, organisation.id, organisation.region);
    if (!organisation.successorId) return;
    const successor = await this.replicas.currentSuccessor(transaction, organisation.id);
    if (!successor || successor.id === organisation.id) return;
    const moved = await this.concerns.moveToSuccessor(
      transaction,
      organisation.id,
      successor.id,
      successor.region,
    );
    const now = this.clock();
    for (const concern of moved) {
      await this.records.appendTimeline(transaction, {
        concernId: concern.id,
        at: now,
        actor: SYSTEM,
        actorRole: 'SYSTEM',
        kind: 'ORGANISATION_MERGED',
        what: `${organisation.name} merged into ${successor.name}; the concern follows the successor`,
        why: null,
        restrictedDetail: null,
        actionId: null,
      });
    }
  }

  private async open(transaction: Transaction, candidate: Candidate): Promise<ConcernRecord> {
    const existing = await this.concerns.findByIntakeKey(transaction, candidate.intakeKey);
    if (existing) return existing;
    const organisation = await this.replicas.currentSuccessor(transaction, candidate.organisationId);
    const now = this.clock();
    return this.opener.open(
      transaction,
      raisedConcern({
        id: candidate.id ?? randomUUID(),
        source: candidate.source,
        organisationId: organisation?.id ?? candidate.organisationId,
        originalOrganisationId: candidate.organisationId,
        // Unknown until the registry event arrives; the organisation consumer fills it in.
        region: organisation?.region ?? null,
        siteId: candidate.siteId ?? null,
        learnerGroups: candidate.learnerGroups ?? [],
        category: candidate.category,
        standardsAtRisk: candidate.standardsAtRisk ?? [],
        description: candidate.description,
        intakeKey: candidate.intakeKey,
        raisedBy: SYSTEM,
        raisedByRole: candidate.raisedByRole,
        raisedAt: now,
        ...candidate.extra,
      }),
      { what: candidate.what, why: null },
    );
  }

  private async proposeIsfReview(
    transaction: Transaction,
    concern: ConcernRecord,
    flag: FlagChanged,
  ): Promise<void> {
    const current = await this.concerns.findById(transaction, concern.id, true);
    if (!current || current.isfReviewProposed) return;
    const now = this.clock();
    await this.concerns.updateIfVersion(transaction, current.id, current.version, {
      isfReviewProposed: true,
      updatedAt: now,
    });
    await this.records.appendTimeline(transaction, {
      concernId: current.id,
      at: now,
      actor: SYSTEM,
      actorRole: 'ANALYTICS',
      kind: 'ISF_REVIEW_PROPOSED',
      what: `ISF review proposed: ${flag.measureKey} RED for ${flag.consecutiveRedYears} consecutive cycles`,
      why: null,
      restrictedDetail: null,
      actionId: null,
    });
  }
}
