import type { Identity } from '@nets/shared/auth';
import {
  availableOperations,
  type ConcernOperation,
  canSeeLearnerDetails,
  disclosedTime,
  learnerOriginDisclosure,
  toUtcDay,
  type ConcernRecord,
  type LearnerContactDetails,
  type LearnerOriginDisclosure,
  type TimelineEntryRecord,
} from '@nets/concerns/domain';

/**
 * A concern as one caller may see it: learner text and contact details are removed unless allowed, and a
 * learner-originated concern shows times and placement details as `learnerOriginDisclosure` decides.
 */
export interface ConcernView
  extends Omit<
    ConcernRecord,
    'learnerText' | 'contactDetails' | 'followUpCodeHash' | 'intakeKey' | 'learnerIdentifiable'
  > {
  learnerDetails: { text: string; contact: LearnerContactDetails | null } | null;
  /** Whether this caller may read restricted timeline text (replies to the learner). */
  restrictedVisible: boolean;
  disclosure: LearnerOriginDisclosure;
  availableCommands: ConcernOperation[];
}

export function toConcernView(record: ConcernRecord, identity: Identity): ConcernView {
  const visible = canSeeLearnerDetails(identity, record);
  const disclosure = learnerOriginDisclosure(identity, record);
  const {
    learnerText,
    contactDetails,
    followUpCodeHash: _hash,
    intakeKey: _key,
    learnerIdentifiable: _identifiable,
    ...rest
  } = record;
  const untouched = record.updatedAt.getTime() === record.raisedAt.getTime();
  return {
    ...rest,
    ...(disclosure.exactTimes
      ? {}
      : {
          raisedAt: toUtcDay(record.raisedAt),
          updatedAt: untouched ? toUtcDay(record.updatedAt) : record.updatedAt,
        }),
    ...(disclosure.placementDetails ? {} : { siteId: null, learnerGroups: [] }),
    learnerDetails: visible && learnerText !== null ? { text: learnerText, contact: contactDetails } : null,
    restrictedVisible: visible,
    disclosure,
    availableCommands: availableOperations(identity, record),
  };
}

export type TimelineEntryView = Omit<TimelineEntryRecord, 'restrictedDetail'> & { detail: string | null };

/**
 * One timeline entry as the caller may see it. Its id is its place in the concern's timeline: the stored
 * id comes from one sequence across all concerns, which would order a learner's concern among others.
 */
export function toTimelineView(
  entry: TimelineEntryRecord,
  index: number,
  concern: ConcernView,
): TimelineEntryView {
  const { restrictedDetail, ...rest } = entry;
  return {
    ...rest,
    id: `${concern.id}:${index + 1}`,
    at: concern.disclosure.exactTimes ? entry.at : disclosedTime(concern, entry.actorRole, entry.at),
    detail: concern.restrictedVisible ? restrictedDetail : null,
  };
}

/** This subgraph adds `concerns` to the organisation entity; provider-assessment owns the rest. */
export interface OrganisationRef {
  id: string;
}
