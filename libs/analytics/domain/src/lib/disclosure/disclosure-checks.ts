import type { DisclosureModel } from './disclosure-model';
import { propagateBounds } from './bounds-audit';

/** What a reader sees of a node. */
export const PUBLISHED = 0;
export const BELOW_MINIMUM = 1;
export const COMPLEMENTARY = 2;
/** A site remainder: never published. */
export const HIDDEN = 3;
/** Withheld because a parent pattern withholds it; protected by that pattern, not this one. */
export const INHERITED = 4;

export function unknownMask(status: Uint8Array): Uint8Array {
  const mask = new Uint8Array(status.length);
  for (let i = 0; i < status.length; i++) mask[i] = status[i] === PUBLISHED ? 0 : 1;
  return mask;
}

/** A group of 1..m−1 respondents: its count and answers must not be derivable. */
export function isSmallGroup(respondents: number, minCellSize: number): boolean {
  return respondents >= 1 && respondents < minCellSize;
}

/**
 * Withheld nodes whose exact value must not follow linearly from what is published: every withheld
 * cell this pattern chose, and a site remainder when it is a small group.
 */
export function mustStayUndetermined(
  model: DisclosureModel,
  status: Uint8Array,
  node: number,
  m: number,
): boolean {
  const s = status[node];
  if (s === BELOW_MINIMUM || s === COMPLEMENTARY) return true;
  return s === HIDDEN && isSmallGroup(model.nodes[node].respondents, m);
}

/** Withheld small groups whose count must not be pinned by ranges. */
export function mustKeepCountOpen(
  model: DisclosureModel,
  status: Uint8Array,
  node: number,
  m: number,
): boolean {
  const s = status[node];
  return s === BELOW_MINIMUM || (s === HIDDEN && isSmallGroup(model.nodes[node].respondents, m));
}

/**
 * Each node's public range: a published count exactly; below the minimum 1..m−1 (zero cells are shown
 * as no data, so a withheld small cell is known to be non-empty); complementary ≥ m (only cells at or
 * above the minimum are ever chosen); a remainder or an inherited cell ≥ 0.
 */
export function publicRanges(
  model: DisclosureModel,
  status: Uint8Array,
  m: number,
): [Float64Array, Float64Array] {
  const lower = new Float64Array(model.nodes.length);
  const upper = new Float64Array(model.nodes.length);
  model.nodes.forEach((node, i) => {
    switch (status[i]) {
      case PUBLISHED:
        lower[i] = node.respondents;
        upper[i] = node.respondents;
        break;
      case BELOW_MINIMUM:
        lower[i] = 1;
        upper[i] = m - 1;
        break;
      case COMPLEMENTARY:
        lower[i] = m;
        upper[i] = Infinity;
        break;
      default:
        lower[i] = 0;
        upper[i] = Infinity;
    }
  });
  return [lower, upper];
}

export interface RangeAudit {
  /** Small groups whose count the range attacker pins to one value. */
  readonly pinned: readonly number[];
  /** The attacker's final ranges. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

export function auditRanges(model: DisclosureModel, status: Uint8Array, m: number): RangeAudit {
  const [lower, upper] = publicRanges(model, status, m);
  propagateBounds(model, lower, upper);
  const pinned: number[] = [];
  for (let i = 0; i < model.nodes.length; i++) {
    if (lower[i] === upper[i] && mustKeepCountOpen(model, status, i, m)) pinned.push(i);
  }
  return { pinned, lower, upper };
}

export function findPinnedCounts(model: DisclosureModel, status: Uint8Array, m: number): readonly number[] {
  return auditRanges(model, status, m).pinned;
}

/**
 * Pins that survive withholding every non-empty cell: they come from the ranges alone, so no pattern
 * can remove them and the search for complements must not chase them.
 */
export function findInherentPins(model: DisclosureModel, primary: Uint8Array, m: number): Set<number> {
  const all = new Uint8Array(primary.length);
  model.nodes.forEach((node, i) => {
    if (primary[i] !== PUBLISHED) all[i] = primary[i];
    else if (isSmallGroup(node.respondents, m)) all[i] = BELOW_MINIMUM;
    else if (node.respondents > 0) all[i] = COMPLEMENTARY;
  });
  return new Set(findPinnedCounts(model, all, m).filter((i) => mustKeepCountOpen(model, primary, i, m)));
}

/** Σ respondents of the withheld parts of a relation whose total is published: a derivable group. */
export function withheldResidual(model: DisclosureModel, status: Uint8Array, relation: number): number {
  const { total, parts } = model.relations[relation];
  if (status[total] !== PUBLISHED) return 0;
  let residual = 0;
  for (const p of parts) if (status[p] !== PUBLISHED) residual += model.nodes[p].respondents;
  return residual;
}

/**
 * Relations that give away a group of 1..m−1 respondents by subtraction: the published total minus the
 * published parts is the sum over the withheld parts. Each withheld cell may be undetermined and still
 * the group they form is known, with its positives; it also defeats a respondent who subtracts their own
 * answer (the "singleton" problem).
 */
export function findSmallResiduals(model: DisclosureModel, status: Uint8Array, m: number): number[] {
  const found: number[] = [];
  for (let r = 0; r < model.relations.length; r++) {
    if (isSmallGroup(withheldResidual(model, status, r), m)) found.push(r);
  }
  return found;
}
