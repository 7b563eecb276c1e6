import type { OrganisationReplica } from './replica.models';

/**
 * Follows merges from `id` to the organisation that carries on (results and concerns follow the successor).
 * The walk stops at the last organisation `known` holds, and at a loop, so a half-copied registry never
 * loses the organisation itself. Undefined when `id` is not known at all.
 */
export function followSuccessors(
  id: string,
  known: ReadonlyMap<string, OrganisationReplica>,
): OrganisationReplica | undefined {
  const seen = new Set<string>();
  let current = known.get(id);
  while (current?.successorId && !seen.has(current.id) && known.has(current.successorId)) {
    seen.add(current.id);
    current = known.get(current.successorId);
  }
  return current;
}

/** The successors named by `loaded` that are not `known` yet: what to read next to finish the walks. */
export function successorsToLoad(
  loaded: readonly OrganisationReplica[],
  known: ReadonlyMap<string, OrganisationReplica>,
): string[] {
  return [
    ...new Set(loaded.flatMap((o) => (o.successorId && !known.has(o.successorId) ? [o.successorId] : []))),
  ];
}
