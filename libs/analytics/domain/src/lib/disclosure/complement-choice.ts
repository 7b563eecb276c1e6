import { geographyRank, learnerRank } from './canonical-tables';
import type { DisclosureModel } from './disclosure-model';
import { PUBLISHED } from './disclosure-checks';

export interface ComplementContext {
  readonly model: DisclosureModel;
  readonly status: Uint8Array;
  readonly minCellSize: number;
  /** Relations that currently give something away; a candidate in several of them fixes several at once. */
  readonly needy: Uint8Array;
}

/**
 * What the complement has to do for the exposed node, if anything: let it move up (+1) or down (−1).
 * A candidate that must then move down needs room below its public minimum m.
 */
export interface Need {
  readonly exposed: number;
  readonly direction: 1 | -1;
}

/** Whether `candidate` would have to move down for `exposed` to move in `direction` within `relation`. */
function mustMoveDown(context: ComplementContext, relation: number, candidate: number, need: Need): boolean {
  const { total } = context.model.relations[relation];
  const sameSide = (candidate === total) === (need.exposed === total);
  // Siblings move against each other; a part and its total move together.
  return sameSide ? need.direction === 1 : need.direction === -1;
}

/**
 * The information lost by withholding a cell, as in τ-Argus's default: its respondents, divided by one
 * plus the number of needy relations it sits in, so a cell that fixes several leaks at once is preferred.
 * A candidate at exactly the minimum cannot give way downwards (its public range starts at m), so where
 * that is what is asked of it, it pays a surcharge.
 */
function cost(context: ComplementContext, node: number, cannotGiveWay: boolean): number {
  const { model, needy, minCellSize } = context;
  const n = model.nodes[node].respondents;
  let needyCount = 0;
  for (const r of model.relationsOfNode[node]) needyCount += needy[r];
  const surcharge = cannotGiveWay && n <= minCellSize ? 4 * minCellSize : 0;
  return (n + surcharge) / (1 + needyCount);
}

function depth(context: ComplementContext, node: number): number {
  const { table } = context.model.nodes[node];
  return geographyRank(table.geography) + learnerRank(table.learners);
}

function isCandidate(context: ComplementContext, node: number): boolean {
  return context.status[node] === PUBLISHED && context.model.nodes[node].respondents > 0;
}

/**
 * The cheapest published, non-empty cell among the members of the given relations, or −1. Ties go to
 * the finer table (keeps headline totals visible), then to the smaller key, so the result is deterministic.
 */
export function cheapestIn(context: ComplementContext, relations: readonly number[], need?: Need): number {
  let best = -1;
  let bestCost = Infinity;
  for (const r of relations) {
    const { total, parts } = context.model.relations[r];
    for (const member of [total, ...parts]) {
      if (!isCandidate(context, member)) continue;
      const c = cost(context, member, need !== undefined && mustMoveDown(context, r, member, need));
      if (
        best < 0 ||
        c < bestCost ||
        (c === bestCost &&
          (depth(context, member) > depth(context, best) ||
            (depth(context, member) === depth(context, best) &&
              context.model.nodes[member].key < context.model.nodes[best].key)))
      ) {
        best = member;
        bestCost = c;
      }
    }
  }
  return best;
}

/**
 * A complement for an exposed node: the cheapest candidate in the `preferred` relations (those that
 * actually pin it); failing that, in its covering relations; then in all its relations; then one withheld
 * cell further out, and so on (breadth first). Returns −1 only when the node's whole connected part of
 * the system is withheld.
 */
export function chooseComplement(
  context: ComplementContext,
  exposed: number,
  preferred: readonly number[],
  need?: Need,
): number {
  const { model, status } = context;
  const own = model.relationsOfNode[exposed];
  for (const level of [preferred, own.filter((r) => model.relations[r].covering)]) {
    const best = cheapestIn(context, level, need);
    if (best >= 0) return best;
  }

  const seenRelation = new Uint8Array(model.relations.length);
  const seenNode = new Uint8Array(model.nodes.length);
  seenNode[exposed] = 1;
  for (const r of own) seenRelation[r] = 1;
  let frontier: number[] = [...own];
  while (frontier.length > 0) {
    const best = cheapestIn(context, frontier);
    if (best >= 0) return best;
    const next: number[] = [];
    for (const r of frontier) {
      const { total, parts } = model.relations[r];
      for (const member of [total, ...parts]) {
        if (seenNode[member] === 1 || status[member] === PUBLISHED) continue;
        seenNode[member] = 1;
        for (const further of model.relationsOfNode[member]) {
          if (seenRelation[further] === 0) {
            seenRelation[further] = 1;
            next.push(further);
          }
        }
      }
    }
    frontier = next;
  }
  return -1;
}

export interface Ranges {
  /** Each node's public range before any inference. */
  readonly priorLower: Float64Array;
  readonly priorUpper: Float64Array;
  /** The range attacker's conclusions. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/**
 * A complement that opens up a pinned count. A move of the pinned cell by ±1 must be balanced in every
 * relation that blocks it, by a sibling moving the other way or the total moving with it. Search
 * breadth first over (node, direction): in each blocking relation a published cell that can make the
 * balancing move (any cell going up; going down, only one above the minimum m) is a candidate; a
 * withheld cell whose public range allows the move is followed further; one at the end of its public
 * range is a dead end. The cheapest candidate at the smallest depth wins.
 */
export function chooseRangeComplement(
  context: ComplementContext,
  ranges: Ranges,
  exposed: number,
  direction: 1 | -1,
  impliedRange: (relation: number, node: number) => [number, number],
  maxDepth = 6,
): number {
  const { model, status, minCellSize } = context;
  const seen = new Set<number>([exposed * 2 + (direction === 1 ? 1 : 0)]);
  let frontier: Need[] = [{ exposed, direction }];
  for (let depth = 0; depth < maxDepth && frontier.length > 0; depth++) {
    let best = -1;
    let bestCost = Infinity;
    const next: Need[] = [];
    for (const need of frontier) {
      const value = model.nodes[need.exposed].respondents;
      for (const r of model.relationsOfNode[need.exposed]) {
        if (!model.relations[r].covering) continue;
        const [lo, hi] = impliedRange(r, need.exposed);
        const blocks = need.direction === 1 ? hi <= value : lo >= value;
        if (!blocks) continue;
        const { total, parts } = model.relations[r];
        for (const member of [total, ...parts]) {
          if (member === need.exposed) continue;
          const down = mustMoveDown(context, r, member, need);
          const n = model.nodes[member].respondents;
          if (isCandidate(context, member)) {
            if (down && n <= minCellSize) continue;
            const c = cost(context, member, false);
            if (best < 0 || c < bestCost) {
              best = member;
              bestCost = c;
            }
            continue;
          }
          if (status[member] === PUBLISHED) continue;
          const movable = down ? n - 1 >= ranges.priorLower[member] : n + 1 <= ranges.priorUpper[member];
          const state = member * 2 + (down ? 0 : 1);
          if (movable && !seen.has(state)) {
            seen.add(state);
            next.push({ exposed: member, direction: down ? -1 : 1 });
          }
        }
      }
    }
    if (best >= 0) return best;
    frontier = next;
  }
  return -1;
}
