import { canReadOrganisation, requireRole, requireSignedIn, type Identity } from '@nets/shared/auth';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import type { OrganisationReplica } from '@nets/replicas/domain';
import type { UnitOfWork } from '@nets/shared/data-access-typeorm';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '@nets/shared/util-errors';
import type { FeedbackReleaseRepository, ResponseCommentRepository } from '@nets/response/data-access';
import type { CommentRecord, CommentStatus } from '@nets/response/domain';
import {
  DEFAULT_MAX_TEXT_LENGTH,
  feedbackDisclosure,
  learnerGroupOffer,
  selectLearnerGroup,
  shownLearnerGroup,
  type FeedbackReleaseState,
} from '@nets/response/domain';
import { hasUnstorableCharacters } from '@nets/shared/util-text';
import { isUuid } from '../replicas/replica-reads';
import { recordReviewDecision } from '../redaction/review-queue-metrics';

/** What the Organisation entity resolves to in this subgraph. */
export interface OrganisationRef {
  id: string;
}

export interface FeedbackCommentView {
  id: string;
  questionCode: string;
  text: string;
  unredactedText: string | null;
  status: CommentStatus;
  learnerGroup: string | null;
}

export type FeedbackSuppressionCode = 'NOT_RELEASED' | 'WITHHELD' | 'LEARNER_GROUP_WITHHELD';

export interface OrganisationFeedbackView {
  organisationId: string;
  year: number;
  suppressed: boolean;
  suppressionCode: FeedbackSuppressionCode | null;
  suppressionReason: string | null;
  responseCount: number | null;
  comments: FeedbackCommentView[];
  learnerGroups: string[];
  learnerGroupsWithheldReason: string | null;
  learnerGroup: string | null;
}

/** Batched reads for one request, so many organisations cost one query per table. */
export interface FeedbackLoaders {
  organisation(id: string): Promise<OrganisationReplica | undefined>;
  release(organisationId: string, year: number): Promise<FeedbackReleaseState>;
}

/**
 * Learners' comments for providers and quality teams. The n >= 3 rule and scoping are enforced here, for every
 * path (root query, entity field, references).
 */
export class FeedbackService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly releases: FeedbackReleaseRepository,
    private readonly comments: ResponseCommentRepository,
    private readonly replicas: ReplicaRepository,
  ) {}

  organisations(ids: readonly string[]): Promise<OrganisationReplica[]> {
    return this.replicas.organisations(this.unitOfWork.reads, ids.filter(isUuid));
  }

  /** Per organisation of one cycle: released or not, the count frozen at release, and whether results publish it. */
  async releaseStates(
    organisationIds: readonly string[],
    year: number,
  ): Promise<Map<string, FeedbackReleaseState>> {
    const state = await this.releases.state(this.unitOfWork.reads, year, organisationIds.filter(isUuid));
    return new Map(
      organisationIds.map((id) => {
        const organisation = state.organisations.get(id);
        return [
          id,
          {
            released: state.released,
            responseCount: organisation?.responseCount ?? 0,
            published: organisation?.published ?? false,
          },
        ];
      }),
    );
  }

  /** Whether the caller may see anything about this organisation's feedback (used for references too). */
  async assertScoped(
    identity: Identity,
    organisationId: string,
    loaders: FeedbackLoaders,
  ): Promise<OrganisationReplica> {
    requireSignedIn(identity);
    const organisation = isUuid(organisationId) ? await loaders.organisation(organisationId) : undefined;
    if (!organisation) throw new NotFoundError('No organisation with this id.');
    if (!canReadOrganisation(identity, organisation)) {
      throw new ForbiddenError('You may only see feedback for organisations within your scope.');
    }
    return organisation;
  }

  /**
   * Feedback of a cycle shows only once its results are released, only where analytics published the
   * organisation's result for exactly the responses counted then, and never changes after (see
   * domain/feedback-release.ts). Unredacted text: the region's quality team, comments in review only.
   */
  async feedback(
    identity: Identity,
    organisationId: string,
    year: number,
    loaders: FeedbackLoaders,
    learnerGroup: string | null = null,
  ): Promise<OrganisationFeedbackView> {
    const organisation = await this.assertScoped(identity, organisationId, loaders);
    const disclosure = feedbackDisclosure(await loaders.release(organisation.id, year), year);
    const suppressed = (code: FeedbackSuppressionCode, reason: string): OrganisationFeedbackView => ({
      organisationId,
      year,
      suppressed: true,
      suppressionCode: code,
      suppressionReason: reason,
      responseCount: null,
      comments: [],
      learnerGroups: [],
      learnerGroupsWithheldReason: null,
      learnerGroup,
    });
    if (!disclosure.shown) return suppressed(disclosure.code, disclosure.reason);
    const reviewerRegion =
      identity.kind === 'user' && identity.role === 'QUALITY_TEAM' ? identity.region : undefined;
    const statuses: CommentStatus[] = reviewerRegion ? ['RELEASED', 'IN_REVIEW'] : ['RELEASED'];
    const comments = await this.comments.forOrganisation(
      this.unitOfWork.reads,
      organisation.id,
      year,
      statuses,
    );
    // Counted over the released comments, the same for every reader (see domain/comment-filter.rules.ts).
    const offer = learnerGroupOffer(comments.filter((comment) => comment.status === 'RELEASED'));
    let shown = comments;
    if (learnerGroup !== null) {
      const selection = selectLearnerGroup(comments, offer, learnerGroup);
      if (!selection.shown) return suppressed('LEARNER_GROUP_WITHHELD', selection.reason);
      shown = selection.comments;
    }
    return {
      organisationId,
      year,
      suppressed: false,
      suppressionCode: null,
      suppressionReason: null,
      responseCount: disclosure.responseCount,
      comments: shown.map((comment) => ({
        id: comment.id,
        questionCode: comment.questionCode,
        text: comment.redactedText,
        unredactedText: unredactedFor(comment, reviewerRegion),
        status: comment.status,
        learnerGroup: shownLearnerGroup(comment, offer),
      })),
      learnerGroups: offer.learnerGroups,
      learnerGroupsWithheldReason: offer.withheldReason,
      learnerGroup,
    };
  }

  /** The review queue of the caller's region. */
  awaitingReview(identity: Identity, limit: number): Promise<CommentRecord[]> {
    const region = this.reviewerRegion(identity);
    return this.comments.awaitingReview(this.unitOfWork.reads, region, Math.min(Math.max(limit, 1), 500));
  }

  release(identity: Identity, id: string): Promise<CommentRecord> {
    return this.review(identity, id, undefined);
  }

  amend(identity: Identity, id: string, redactedText: string): Promise<CommentRecord> {
    const text = redactedText.trim();
    if (text.length === 0 || text.length > DEFAULT_MAX_TEXT_LENGTH || hasUnstorableCharacters(text)) {
      throw new BadUserInputError('The amended comment is not valid.', [
        {
          path: 'redactedText',
          message: `Give 1 to ${DEFAULT_MAX_TEXT_LENGTH} characters, without control characters.`,
        },
      ]);
    }
    return this.review(identity, id, text);
  }

  private review(identity: Identity, id: string, amended: string | undefined): Promise<CommentRecord> {
    const region = this.reviewerRegion(identity);
    const reviewer = requireRole(identity, 'QUALITY_TEAM').subject;
    if (!isUuid(id)) throw new NotFoundError('No comment with this id.');
    return this.unitOfWork.run(async (transaction) => {
      const comment = await this.comments.find(transaction, id, true);
      if (!comment || comment.region !== region)
        throw new NotFoundError('No comment with this id in your region.');
      if (amended === undefined && comment.status !== 'IN_REVIEW') {
        throw new ConflictError('This comment has already been released.');
      }
      const text = amended ?? comment.redactedText;
      await this.comments.release(transaction, id, text, reviewer);
      recordReviewDecision(
        transaction,
        amended === undefined ? 'approved' : comment.status === 'IN_REVIEW' ? 'amended' : 'corrected',
      );
      return {
        ...comment,
        redactedText: text,
        status: 'RELEASED' as const,
        reviewedBy: reviewer,
        reviewedAt: new Date(),
      };
    });
  }

  private reviewerRegion(identity: Identity): string {
    const user = requireRole(identity, 'QUALITY_TEAM');
    if (!user.region) throw new ForbiddenError('Your account has no region.');
    return user.region;
  }
}

/**
 * The learner's own words are for the regional quality team deciding on a comment the redactor was unsure of:
 * only while it waits for review, and only in that team's region. Everywhere else, null.
 */
export function unredactedFor(
  comment: Pick<CommentRecord, 'status' | 'region' | 'originalText'>,
  reviewerRegion: string | null | undefined,
): string | null {
  return reviewerRegion && comment.status === 'IN_REVIEW' && comment.region === reviewerRegion
    ? comment.originalText
    : null;
}
