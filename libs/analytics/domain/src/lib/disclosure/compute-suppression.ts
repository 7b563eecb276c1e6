import type { CounterCell } from './cell-coordinates';
import { impliedRange } from './bounds-audit';
import {
  cheapestIn,
  chooseComplement,
  chooseRangeComplement,
  type ComplementContext,
  type Need,
  type Ranges,
} from './complement-choice';
import { buildDisclosureModel, type DisclosureModel } from './disclosure-model';
import {
  auditRanges,
  type RangeAudit,
  BELOW_MINIMUM,
  COMPLEMENTARY,
  findInherentPins,
  findSmallResiduals,
  HIDDEN,
  isSmallGroup,
  mustKeepCountOpen,
  mustStayUndetermined,
  publicRanges,
  PUBLISHED,
  unknownMask,
  withheldResidual,
} from './disclosure-checks';
import type { Hierarchy } from './hierarchy';
import { findLinearlyDetermined, type LinearAuditCache } from './linear-audit';
import {
  DEFAULT_MIN_CELL_SIZE,
  indexByTable,
  type PatternEntry,
  type SuppressionPattern,
} from './suppression-pattern';

export interface SuppressionOptions {
  /** Cells with 1..minCellSize−1 respondents are withheld. Default 3 (the NETS "n > 2" rule). */
  readonly minCellSize?: number;
}

/**
 * The suppression pattern for one (cycle, measure): every cell of every canonical table, published or
 * withheld with its reason. Pass all the canonical cells of the (cycle, measure) with at least one
 * respondent (absent cells are zeros); they must add up (see `InconsistentCountersError`).
 *
 * Primary suppression withholds the small cells. Then, until the audit finds nothing:
 * 1. local rules on each covering relation (a lone withheld cell; a small cell the relation alone pins),
 *    a partner chosen in that relation — cheap, and settles most of the pattern;
 * 2. a partner for every relation whose published total minus published parts is a small group;
 * 3. the exact linear audit: a partner near every withheld cell it finds determined;
 * 4. the range attacker: a partner in the relations that pin a small cell, unless no pattern could help.
 * Withholding more never undoes 1–4, so the loop ends, and it ends only when the audit is clean.
 */
export function computeSuppression(
  cells: readonly CounterCell[],
  hierarchy: Hierarchy,
  options: SuppressionOptions = {},
): SuppressionPattern {
  const m = options.minCellSize ?? DEFAULT_MIN_CELL_SIZE;
  if (!Number.isSafeInteger(m) || m < 1)
    throw new RangeError(`minCellSize must be a positive integer, got ${m}`);
  const model = buildDisclosureModel(cells, hierarchy);

  const status = new Uint8Array(model.nodes.length);
  model.nodes.forEach((node, i) => {
    if (node.hidden) status[i] = HIDDEN;
    else if (isSmallGroup(node.respondents, m)) status[i] = BELOW_MINIMUM;
  });
  const inherent = findInherentPins(model, status, m);
  const cache: LinearAuditCache = new Map();
  const context: ComplementContext = {
    model,
    status,
    minCellSize: m,
    needy: new Uint8Array(model.relations.length),
  };

  let rounds = 0;
  for (;;) {
    rounds++;
    applyLocalRules(context);
    withholdForResiduals(context);
    const determined = findLinearlyDetermined(model, unknownMask(status), cache).filter((i) =>
      mustStayUndetermined(model, status, i, m),
    );
    if (determined.length > 0) {
      withholdForExposed(
        context,
        determined.map((exposed) => ({ exposed, preferred: [] })),
      );
      continue;
    }
    const ranges = auditRanges(model, status, m);
    const pinned = ranges.pinned.filter((i) => !inherent.has(i));
    if (pinned.length > 0) {
      withholdForPinned(context, ranges, pinned);
      continue;
    }
    break;
  }
  return toPattern(model, status, m, inherent, rounds);
}

/**
 * What one covering relation gives away on its own, judged with public ranges only: a lone withheld
 * cell that must stay unknown (plain subtraction), or a small cell whose range the relation pins (its
 * withheld cells all small and all at the same end, e.g. a row whose withheld cells are all 2s).
 */
function localExposure(
  context: ComplementContext,
  relation: number,
  lower: Float64Array,
  upper: Float64Array,
): Need | undefined {
  const { model, status, minCellSize: m } = context;
  const { total, parts } = model.relations[relation];
  const withheld = [total, ...parts].filter((member) => status[member] !== PUBLISHED);
  if (withheld.length === 1 && mustStayUndetermined(model, status, withheld[0], m)) {
    // Any partner hides it from subtraction; one that can give way also keeps its range open.
    const lone = withheld[0];
    return { exposed: lone, direction: model.nodes[lone].respondents > lower[lone] ? -1 : 1 };
  }
  for (const e of withheld) {
    if (!mustKeepCountOpen(model, status, e, m)) continue;
    const [lo, hi] = impliedRange(model, lower, upper, relation, e);
    const from = Math.max(lo, lower[e]);
    if (from === Math.min(hi, upper[e])) return { exposed: e, direction: from > 1 ? -1 : 1 };
  }
  return undefined;
}

/**
 * Local rules to a fixpoint over a worklist of covering relations, one partner per offending relation.
 * Relations with a lone withheld cell are marked needy, so a partner that also settles another row or
 * column is preferred to a cheaper one that settles only this one.
 */
function applyLocalRules(context: ComplementContext): void {
  const { model, status, minCellSize: m, needy } = context;
  const [lower, upper] = publicRanges(model, status, m);
  const withheldCount = new Int32Array(model.relations.length);
  const queued = new Uint8Array(model.relations.length);
  const queue: number[] = [];
  const enqueue = (r: number): void => {
    if (queued[r] === 0) {
      queued[r] = 1;
      queue.push(r);
    }
  };
  model.relations.forEach((relation, r) => {
    if (!relation.covering) return;
    for (const member of [relation.total, ...relation.parts])
      if (status[member] !== PUBLISHED) withheldCount[r]++;
    needy[r] = withheldCount[r] === 1 ? 1 : 0;
    enqueue(r);
  });
  for (let head = 0; head < queue.length; head++) {
    const r = queue[head];
    queued[r] = 0;
    const need = localExposure(context, r, lower, upper);
    if (!need) continue;
    const chosen = cheapestIn(context, [r], need);
    // Nothing left to withhold in this relation: the global checks decide whether it matters.
    if (chosen < 0) continue;
    status[chosen] = COMPLEMENTARY;
    lower[chosen] = m;
    upper[chosen] = Infinity;
    for (const next of model.relationsOfNode[chosen]) {
      if (!model.relations[next].covering) continue;
      withheldCount[next]++;
      needy[next] = withheldCount[next] === 1 ? 1 : 0;
      enqueue(next);
    }
  }
  needy.fill(0);
}

/** One complement per offending relation (any relation, not only covering); any member will do, each is ≥ m. */
function withholdForResiduals(context: ComplementContext): void {
  const { model, status, minCellSize: m, needy } = context;
  const offending = findSmallResiduals(model, status, m);
  for (const r of offending) needy[r] = 1;
  for (const r of offending) {
    if (!isSmallGroup(withheldResidual(model, status, r), m)) continue;
    const chosen = cheapestIn(context, [r]);
    if (chosen < 0)
      throw new Error(`internal: no complement for ${model.nodes[model.relations[r].total].key}`);
    status[chosen] = COMPLEMENTARY;
    needy[r] = 0;
  }
  needy.fill(0);
}

/**
 * A complement for each pinned count, found by following the relations that block it (see
 * `chooseRangeComplement`); the general search is the fallback. One per cell of a relation per round.
 */
function withholdForPinned(context: ComplementContext, audit: RangeAudit, pinned: readonly number[]): void {
  const { model, status, minCellSize: m } = context;
  const [priorLower, priorUpper] = publicRanges(model, status, m);
  const ranges: Ranges = { priorLower, priorUpper, lower: audit.lower, upper: audit.upper };
  const implied = (r: number, node: number): [number, number] =>
    impliedRange(model, audit.lower, audit.upper, r, node);
  const touched = new Uint8Array(model.relations.length);
  let added = 0;
  for (const e of [...pinned].sort((a, b) => (model.nodes[a].key < model.nodes[b].key ? -1 : 1))) {
    if (model.relationsOfNode[e].some((r) => touched[r] === 1 && model.relations[r].covering)) continue;
    const value = model.nodes[e].respondents;
    const directions: (1 | -1)[] = value > priorLower[e] ? [-1, 1] : [1, -1];
    let chosen = -1;
    for (const direction of directions) {
      if (value + direction < priorLower[e] || value + direction > priorUpper[e]) continue;
      chosen = chooseRangeComplement(context, ranges, e, direction, implied);
      if (chosen >= 0) break;
    }
    if (chosen < 0) chosen = chooseComplement(context, e, []);
    if (chosen < 0) continue;
    status[chosen] = COMPLEMENTARY;
    added++;
    for (const r of model.relationsOfNode[chosen]) touched[r] = 1;
  }
  if (added === 0)
    throw new Error(`internal: ${model.nodes[pinned[0]].key} is pinned with everything around it withheld`);
}

interface Exposure {
  readonly exposed: number;
  readonly preferred: readonly number[];
  readonly need?: Need;
}

/**
 * A complement for each exposed node, skipping nodes whose covering relations already received one this
 * round (the next audit decides whether they still need it): fewer, better-placed complements.
 */
function withholdForExposed(context: ComplementContext, exposures: readonly Exposure[]): void {
  const { model, status, needy } = context;
  const ordered = [...exposures].sort((a, b) =>
    model.nodes[a.exposed].key < model.nodes[b.exposed].key ? -1 : 1,
  );
  for (const { exposed } of ordered) for (const r of model.relationsOfNode[exposed]) needy[r] = 1;
  const touched = new Uint8Array(model.relations.length);
  let added = 0;
  for (const { exposed, preferred, need } of ordered) {
    if (model.relationsOfNode[exposed].some((r) => touched[r] === 1 && model.relations[r].covering)) continue;
    const chosen = chooseComplement(context, exposed, preferred, need);
    // Nothing left to withhold near it may be the work of this round's earlier complements: re-audit first.
    if (chosen < 0) continue;
    status[chosen] = COMPLEMENTARY;
    added++;
    for (const r of model.relationsOfNode[chosen]) touched[r] = 1;
  }
  needy.fill(0);
  if (added === 0) {
    // Cannot happen: with every non-empty cell of a component withheld the system is homogeneous and
    // doubling every value is another solution, so nothing non-empty is determined; range pins that
    // survive that were excluded as inherent. Failing beats returning a pattern that leaks.
    throw new Error(
      `internal: ${model.nodes[ordered[0].exposed].key} is exposed with everything around it withheld`,
    );
  }
}

function toPattern(
  model: DisclosureModel,
  status: Uint8Array,
  m: number,
  inherent: ReadonlySet<number>,
  rounds: number,
): SuppressionPattern {
  const entries = new Map<string, PatternEntry>();
  let belowMinimum = 0;
  let complementary = 0;
  let siteRemainders = 0;
  model.nodes.forEach((node, i) => {
    if (node.hidden) {
      siteRemainders++;
      return;
    }
    const base = {
      table: node.table.id,
      coordinates: node.coordinates,
      scope: node.scope,
      respondents: node.respondents,
    };
    if (status[i] === PUBLISHED) {
      entries.set(node.key, { ...base, suppressed: false });
      return;
    }
    const reason = status[i] === BELOW_MINIMUM ? 'BELOW_MINIMUM' : 'COMPLEMENTARY';
    if (reason === 'BELOW_MINIMUM') belowMinimum++;
    else complementary++;
    entries.set(node.key, { ...base, suppressed: true, reason, inherited: false });
  });
  return {
    minCellSize: m,
    entries,
    keysByTable: indexByTable(entries),
    inherentCountDisclosures: [...inherent].map((i) => model.nodes[i].key).sort(),
    statistics: { cells: entries.size, belowMinimum, complementary, siteRemainders, rounds },
  };
}
