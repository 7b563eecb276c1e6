import type { StaffPortalCommentReviewQueueQuery } from '../../__generated__/graphql';
import { regionName } from '../quality-flags/region-names';

export type QueuedComment = StaffPortalCommentReviewQueueQuery['responseCommentsAwaitingReview'][number];

export interface QueuedCommentView {
  id: string;
  organisationName: string;
  year: number;
  region: string;
  question: string;
  reviewReasons: string;
  redactedText: string;
  /** The learner's own words: only while the comment waits in the queue. */
  unredactedText: string | null;
  href: string;
}

/** The queue, oldest cycle first; a comment no longer in review never shows its learner's words. */
export function reviewQueueView(
  queue: readonly QueuedComment[],
  organisations: ReadonlyMap<string, { name: string; odsCode: string }>,
  questions: ReadonlyMap<number, ReadonlyMap<string, string>> = new Map(),
): QueuedCommentView[] {
  return queue
    .filter((c) => c.status === 'IN_REVIEW')
    .map((c) => {
      const organisation = organisations.get(c.organisationId);
      return {
        id: c.id,
        organisationName: organisation
          ? `${organisation.name} (${organisation.odsCode})`
          : 'An organisation not in the registry',
        year: c.year,
        region: regionName(c.region),
        question: questions.get(c.year)?.get(c.questionCode) ?? c.questionCode,
        reviewReasons: c.reviewReasons.join(', ') || 'The redactor was unsure',
        redactedText: c.redactedText,
        unredactedText: c.unredactedText,
        href: `/comments/review/${encodeURIComponent(c.id)}`,
      };
    })
    .sort((a, b) => a.year - b.year);
}
