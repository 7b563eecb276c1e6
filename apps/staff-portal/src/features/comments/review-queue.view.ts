import { regionName } from '../provider-dashboard/result-cell.view';

/** A queued comment as the graph answers it (StaffPortalCommentReviewQueue). */
export interface QueuedCommentData {
  id: string;
  organisationId: string;
  year: number;
  questionCode: string;
  region: string;
  reviewReasons: readonly string[];
  redactedText: string;
  unredactedText: string | null;
  status: string;
}

export interface QueuedCommentView {
  id: string;
  organisationName: string;
  odsCode: string;
  region: string;
  year: number;
  questionCode: string;
  reviewReasons: string;
  redactedText: string;
  /** The learner's own words: only while the comment waits in the queue. */
  unredactedText: string | null;
}

/** The queue, oldest cycle first; a released comment never shows its unredacted words, even if the graph sent them. */
export function reviewQueueView(
  queue: readonly QueuedCommentData[],
  organisations: ReadonlyMap<string, { name: string; odsCode: string }>,
): QueuedCommentView[] {
  return queue
    .filter((c) => c.status === 'IN_REVIEW')
    .map((c) => {
      const organisation = organisations.get(c.organisationId);
      return {
        id: c.id,
        organisationName: organisation?.name ?? 'Organisation not in the registry',
        odsCode: organisation?.odsCode ?? '',
        region: regionName(c.region),
        year: c.year,
        questionCode: c.questionCode,
        reviewReasons: c.reviewReasons.join(', '),
        redactedText: c.redactedText,
        unredactedText: c.unredactedText,
      };
    })
    .sort((a, b) => a.year - b.year);
}
