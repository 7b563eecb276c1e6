import type { StaffPortalConcernDetailFragment } from '../../__generated__/graphql';
import { STATUS_WORDS, dateTimeOf } from './concern-words';

type Concern = Pick<StaffPortalConcernDetailFragment, 'status' | 'version' | 'timeline'>;

/** What the user's form was built on: the concern's version and how much of its timeline they had seen. */
export interface SeenState {
  version: number;
  timelineLength: number;
}

/**
 * What changed between the concern the user's form was built on and the concern now: the timeline entries
 * added since (the timeline is append-only, so they are everything that happened), newest last.
 */
export function changesSince(seen: SeenState, now: Concern) {
  return {
    status: STATUS_WORDS[now.status],
    entries: now.timeline.slice(seen.timelineLength).map((entry) => ({
      at: dateTimeOf(entry.at),
      who: `${entry.actor} (${entry.actorRole.toLowerCase().replace(/_/g, ' ')})`,
      what: entry.what,
      why: entry.why,
    })),
  };
}

/** Reads the hidden fields that say what the form was built on; anything else is not a version. */
export function readSeenState(form: Readonly<Record<string, unknown>>): SeenState | null {
  const version = Number(form['expectedVersion']);
  const timelineLength = Number(form['seenTimeline']);
  return Number.isInteger(version) && version >= 0 && Number.isInteger(timelineLength) && timelineLength >= 0
    ? { version, timelineLength }
    : null;
}
