/**
 * What a form was built on, for the graph's optimistic lock: the record's version (sent back as
 * `expectedVersion`) and how many entries of its append-only history (a concern's timeline, an assessment's
 * reviews) the user had seen, so that a conflict can show what happened since. The form carries both as the
 * hidden fields `expectedVersion` and `seenTimeline` (`seenFields` in what-changed.njk).
 */
export interface SeenState {
  version: number;
  timelineLength: number;
}

/** Reads the hidden fields that say what the form was built on; anything else is not a version. */
export function readSeenState(form: Readonly<Record<string, unknown>>): SeenState | null {
  const version = Number(form['expectedVersion']);
  const timelineLength = Number(form['seenTimeline']);
  return Number.isInteger(version) && version >= 0 && Number.isInteger(timelineLength) && timelineLength >= 0
    ? { version, timelineLength }
    : null;
}
