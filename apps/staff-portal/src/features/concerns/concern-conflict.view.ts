import type { StaffPortalConcernDetailFragment } from '../../__generated__/graphql';
import type { SeenState } from '../../views/seen-state';
import { STATUS_WORDS, dateTimeOf } from './concern-words';

type Concern = Pick<StaffPortalConcernDetailFragment, 'status' | 'version' | 'timeline'>;

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
