import type { Identity } from '@nets/shared/auth';
import type { ConcernRecord, LearnerContactDetails, TimelineEntryRecord } from '@nets/concerns/data-access';
import { canSeeLearnerDetails } from '../domain/concern-access';

/** A concern as one caller may see it: learner text and contact details are removed unless allowed. */
export interface ConcernView
  extends Omit<ConcernRecord, 'learnerText' | 'contactDetails' | 'followUpCodeHash' | 'intakeKey'> {
  learnerDetails: { text: string; contact: LearnerContactDetails | null } | null;
  /** Whether this caller may read restricted timeline text (replies to the learner). */
  restrictedVisible: boolean;
}

export function toConcernView(record: ConcernRecord, identity: Identity): ConcernView {
  const visible = canSeeLearnerDetails(identity, record);
  const { learnerText, contactDetails, followUpCodeHash: _hash, intakeKey: _key, ...rest } = record;
  return {
    ...rest,
    learnerDetails: visible && learnerText !== null ? { text: learnerText, contact: contactDetails } : null,
    restrictedVisible: visible,
  };
}

export type TimelineEntryView = Omit<TimelineEntryRecord, 'restrictedDetail'> & { detail: string | null };

export function toTimelineView(entry: TimelineEntryRecord, restrictedVisible: boolean): TimelineEntryView {
  const { restrictedDetail, ...rest } = entry;
  return { ...rest, detail: restrictedVisible ? restrictedDetail : null };
}

/** This subgraph adds `concerns` to the organisation entity; provider-assessment owns the rest. */
export interface OrganisationRef {
  id: string;
}
