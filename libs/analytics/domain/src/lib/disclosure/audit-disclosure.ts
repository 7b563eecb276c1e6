import type { CounterCell } from './cell-coordinates';
import { buildDisclosureModel } from './disclosure-model';
import {
  BELOW_MINIMUM,
  COMPLEMENTARY,
  findInherentPins,
  findPinnedCounts,
  findSmallResiduals,
  HIDDEN,
  INHERITED,
  isSmallGroup,
  mustStayUndetermined,
  PUBLISHED,
  unknownMask,
} from './disclosure-checks';
import { StalePatternError } from './disclosure-errors';
import type { Hierarchy } from './hierarchy';
import { findLinearlyDetermined } from './linear-audit';
import type { SuppressionPattern } from './suppression-pattern';

export interface DisclosureAudit {
  /** True when every list below except `inherentCountDisclosures` is empty. */
  readonly safe: boolean;
  /** Published cells with 1..m−1 respondents (primary suppression missing). */
  readonly publishedBelowMinimum: readonly string[];
  /** Withheld cells whose respondents (and, the system being the same, positives) follow exactly. */
  readonly determined: readonly string[];
  /** Totals whose published value minus their published parts is a group of 1..m−1 respondents. */
  readonly smallResiduals: readonly string[];
  /** Small withheld cells whose count the range attacker pins, where more suppression could prevent it. */
  readonly pinnedCounts: readonly string[];
  /** Small withheld cells whose count the ranges alone pin (no pattern can prevent it). */
  readonly inherentCountDisclosures: readonly string[];
  /** Size of the audited linear system. */
  readonly unknowns: number;
  readonly relations: number;
}

/**
 * Plays every attacker this library knows against a pattern, from scratch: builds the full system of
 * published relations over the canonical cells (published cells are constants, withheld cells and site
 * remainders unknowns), then runs the exact linear audit (integer Gaussian elimination), the residual
 * check and the range attacker. `computeSuppression` runs the same checks in its loop; this entry point
 * re-checks a pattern independently of how it was produced (a cached one, an inherited one).
 */
export function auditDisclosure(
  cells: readonly CounterCell[],
  pattern: SuppressionPattern,
  hierarchy: Hierarchy,
): DisclosureAudit {
  const m = pattern.minCellSize;
  const model = buildDisclosureModel(cells, hierarchy);
  const status = new Uint8Array(model.nodes.length);
  const publishedBelowMinimum: string[] = [];
  model.nodes.forEach((node, i) => {
    if (node.hidden) {
      status[i] = HIDDEN;
      return;
    }
    const entry = pattern.entries.get(node.key);
    if (!entry) {
      if (node.respondents === 0) return;
      throw new StalePatternError(`${node.key} is not in the pattern`);
    }
    if (entry.respondents !== node.respondents)
      throw new StalePatternError(`${node.key} changed since the pattern`);
    if (!entry.suppressed) {
      if (isSmallGroup(node.respondents, m)) publishedBelowMinimum.push(node.key);
      return;
    }
    if (entry.inherited) status[i] = INHERITED;
    else if (entry.reason === 'BELOW_MINIMUM' && isSmallGroup(node.respondents, m)) status[i] = BELOW_MINIMUM;
    else if (entry.reason === 'COMPLEMENTARY' && node.respondents >= m) status[i] = COMPLEMENTARY;
    else
      throw new StalePatternError(
        `${node.key}: reason ${entry.reason} does not fit ${node.respondents} respondents`,
      );
  });

  const unknown = unknownMask(status);
  const determined = findLinearlyDetermined(model, unknown).filter((i) =>
    mustStayUndetermined(model, status, i, m),
  );
  const smallResiduals = findSmallResiduals(model, status, m).map(
    (r) => model.nodes[model.relations[r].total].key,
  );

  const primary = new Uint8Array(status.length);
  status.forEach((s, i) => {
    primary[i] = s === COMPLEMENTARY ? PUBLISHED : s;
  });
  const inherent = findInherentPins(model, primary, m);
  const pinned = findPinnedCounts(model, status, m);
  const keyOf = (i: number): string => model.nodes[i].key;
  const pinnedCounts = pinned.filter((i) => !inherent.has(i)).map(keyOf);

  const unique = (keys: readonly string[]): string[] => [...new Set(keys)].sort();
  const result = {
    publishedBelowMinimum: unique(publishedBelowMinimum),
    determined: unique(determined.map(keyOf)),
    smallResiduals: unique(smallResiduals),
    pinnedCounts: unique(pinnedCounts),
    inherentCountDisclosures: unique([...inherent].map(keyOf)),
  };
  return {
    ...result,
    safe:
      result.publishedBelowMinimum.length === 0 &&
      result.determined.length === 0 &&
      result.smallResiduals.length === 0 &&
      result.pinnedCounts.length === 0,
    unknowns: unknown.reduce((s, u) => s + u, 0),
    relations: model.relations.length,
  };
}
