import type { CounterCell } from './cell-coordinates';
import { buildDisclosureModel } from './disclosure-model';
import {
  BELOW_MINIMUM,
  COMPLEMENTARY,
  findSmallResiduals,
  HIDDEN,
  INHERITED,
  isSmallGroup,
  mustStayUndetermined,
  PUBLISHED,
  unknownMask,
} from './disclosure-checks';
import { StalePatternError } from './disclosure-errors';
import type { FineCounter } from './fine-counters';
import type { Hierarchy } from './hierarchy';
import { findLinearlyDetermined } from './linear-audit';
import { buildFineModel } from './fine-model';
import { uncertified } from './protection-certificates';
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
  /**
   * Withheld cells (and small site remainders) whose protection certificates fall short of the level
   * they could reach (the protection width; less only where even withholding every cell but the national
   * one would give less): their respondents' interval may be too narrow, or their answers determined.
   */
  readonly unprotected: readonly string[];
  /** The pattern's declared inherent disclosures (no pattern could protect them). */
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
  fine: readonly FineCounter[],
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
    else status[i] = isSmallGroup(node.respondents, m) ? BELOW_MINIMUM : COMPLEMENTARY;
  });

  const unknown = unknownMask(status);
  const determined = findLinearlyDetermined(model, unknown).filter(
    (i) =>
      mustStayUndetermined(model, status, i, m) &&
      !pattern.inherentCountDisclosures.includes(model.nodes[i].key),
  );
  const inherentKeys = new Set(pattern.inherentCountDisclosures);
  // A residual made only of inherent disclosures is one of them (a national 4 = 3 published + 1).
  const smallResiduals = findSmallResiduals(model, status, m)
    .filter((r) => {
      const { total, parts } = model.relations[r];
      return [total, ...parts].some((i) => status[i] !== PUBLISHED && !inherentKeys.has(model.nodes[i].key));
    })
    .map((r) => model.nodes[model.relations[r].total].key);

  const declared = new Set(pattern.inherentCountDisclosures);
  const keyOf = (i: number): string => model.nodes[i].key;
  const unprotected = uncertified(model, buildFineModel(model, fine, hierarchy), status, {
    minCellSize: m,
    protectionWidth: pattern.protectionWidth,
  }).map(keyOf);

  const unique = (keys: readonly string[]): string[] => [...new Set(keys)].sort();
  const result = {
    publishedBelowMinimum: unique(publishedBelowMinimum),
    determined: unique(determined.map(keyOf)),
    smallResiduals: unique(smallResiduals),
    unprotected: unique(unprotected),
    inherentCountDisclosures: unique([...declared]),
  };
  return {
    ...result,
    safe:
      result.publishedBelowMinimum.length === 0 &&
      result.determined.length === 0 &&
      result.smallResiduals.length === 0 &&
      result.unprotected.length === 0,
    unknowns: unknown.reduce((s, u) => s + u, 0),
    relations: model.relations.length,
  };
}
