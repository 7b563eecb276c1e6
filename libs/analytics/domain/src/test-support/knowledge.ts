import { publishCell, type PublishedCell } from '../lib/disclosure/publish-cell';
import type { SuppressionPattern } from '../lib/disclosure/suppression-pattern';
import type { AttackSetup, Knowledge, UniverseCell } from './attacker';

export function viewOf(cell: UniverseCell, pattern: SuppressionPattern): PublishedCell {
  return publishCell({ coordinates: cell.coordinates, respondents: cell.n, positive: cell.k }, pattern);
}

export function knowledgeOf(view: PublishedCell): Knowledge {
  if (view.suppressed) return { kind: 'WITHHELD', reason: view.reason };
  if (view.noData) return { kind: 'KNOWN', n: 0, k: 0 };
  return { kind: 'KNOWN', n: view.respondents, k: view.positive };
}

/** Everything a reader who asked for every cell learns. */
export function fullKnowledge(setup: AttackSetup, pattern: SuppressionPattern): Map<string, Knowledge> {
  return new Map(setup.universe.map((cell) => [cell.key, knowledgeOf(viewOf(cell, pattern))]));
}

export function knownValues(
  knowledge: ReadonlyMap<string, Knowledge>,
  field: 'n' | 'k',
): Map<string, number> {
  const values = new Map<string, number>();
  for (const [key, k] of knowledge) if (k.kind === 'KNOWN') values.set(key, k[field]);
  return values;
}

/**
 * Public ranges of respondents: published exactly; withheld ≥ 1 (zero cells are published as no data, and
 * every withheld cell carries the same reason, so nothing more); unseen or remainder ≥ 0.
 */
export function publicRanges(knowledge: ReadonlyMap<string, Knowledge>): Map<string, [number, number]> {
  const ranges = new Map<string, [number, number]>();
  for (const [key, k] of knowledge) {
    if (k.kind === 'KNOWN') ranges.set(key, [k.n, k.n]);
    else if (k.kind === 'WITHHELD') ranges.set(key, [1, Infinity]);
  }
  return ranges;
}
