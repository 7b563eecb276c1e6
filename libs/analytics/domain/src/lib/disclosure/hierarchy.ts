import { InconsistentCountersError } from './disclosure-errors';
import type { CellCoordinates, CellScope } from './cell-coordinates';

export type Lookup = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/** site ⊂ organisation ⊂ region, profession ⊂ learner group: each child has exactly one parent. */
export interface Hierarchy {
  readonly regionOfOrganisation: Lookup;
  readonly organisationOfSite: Lookup;
  readonly learnerGroupOfProfession: Lookup;
}

function isMap(table: Lookup): table is ReadonlyMap<string, string> {
  return table instanceof Map;
}

function lookup(table: Lookup, key: string): string | undefined {
  if (isMap(table)) return table.get(key);
  // Own properties only: "constructor" or "__proto__" must not resolve to something.
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/**
 * Every dimension the coordinates imply (an organisation's region, a site's organisation and region, a
 * profession's learner group). A cell outside the hierarchy cannot be placed in its relations, so it is
 * reported rather than guessed.
 */
export function resolveScope(
  coordinates: CellCoordinates,
  hierarchy: Hierarchy,
  problems: string[],
): CellScope {
  let { region, organisationId, learnerGroup } = coordinates;
  const { siteId, profession, educationProviderId } = coordinates;
  if (siteId !== undefined) {
    organisationId = lookup(hierarchy.organisationOfSite, siteId);
    if (organisationId === undefined) problems.push(`site ${siteId} has no organisation in the hierarchy`);
  }
  if (organisationId !== undefined) {
    region = lookup(hierarchy.regionOfOrganisation, organisationId);
    if (region === undefined) problems.push(`organisation ${organisationId} has no region in the hierarchy`);
  }
  if (profession !== undefined) {
    learnerGroup = lookup(hierarchy.learnerGroupOfProfession, profession);
    if (learnerGroup === undefined)
      problems.push(`profession ${profession} has no learner group in the hierarchy`);
  }
  return { region, organisationId, siteId, learnerGroup, profession, educationProviderId };
}

export function assertConsistent(problems: readonly string[]): void {
  if (problems.length > 0) throw new InconsistentCountersError(problems);
}
