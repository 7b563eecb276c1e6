import type { CounterCell } from './cell-coordinates';
import { buildDisclosureModel, SITE_REMAINDER_PREFIX, type DisclosureModel } from './disclosure-model';
import { BELOW_MINIMUM, COMPLEMENTARY, HIDDEN, isSmallGroup, PUBLISHED } from './disclosure-checks';
import type { FineCounter } from './fine-counters';
import type { Hierarchy } from './hierarchy';
import { buildFineModel } from './fine-model';
import { protectWithCertificates } from './protection-certificates';
import {
  DEFAULT_MIN_CELL_SIZE,
  DEFAULT_PROTECTION_WIDTH,
  indexByTable,
  type PatternEntry,
  type SuppressionPattern,
} from './suppression-pattern';

export interface SuppressionOptions {
  /** The fine counters (organisation × site-or-no-site × profession) the canonical cells are sums of. */
  readonly fine: readonly FineCounter[];
  /** Cells with 1..minCellSize−1 respondents are withheld. Default 3 (the NETS "n > 2" rule). */
  readonly minCellSize?: number;
  /** Every withheld cell's respondents must be open to the attacker over max − min ≥ this. Default 3. */
  readonly protectionWidth?: number;
  /** Keys of cells to withhold from the start (another measure on the same question withholds them). */
  readonly withhold?: Iterable<string>;
}

/**
 * The suppression pattern for one (cycle, measure): every cell of every canonical table, published or
 * withheld. Pass all the canonical cells of the (cycle, measure) with at least one respondent (absent
 * cells are zeros) and the fine counters they add up from (see `InconsistentCountersError`).
 *
 * Primary suppression withholds the small cells; then every withheld cell (and every small site
 * remainder) needs a protection certificate (`protectWithCertificates`): where it has none, the cheapest
 * complements that give it one are withheld, and the new complements need certificates in turn; small
 * residuals are closed, and the result is certified again against the final pattern. The national cell
 * is never a complement. Withholding only grows, so the loop ends.
 */
export function computeSuppression(
  cells: readonly CounterCell[],
  hierarchy: Hierarchy,
  options: SuppressionOptions,
): SuppressionPattern {
  const m = options.minCellSize ?? DEFAULT_MIN_CELL_SIZE;
  if (!Number.isSafeInteger(m) || m < 1)
    throw new RangeError(`minCellSize must be a positive integer, got ${m}`);
  const width = options.protectionWidth ?? DEFAULT_PROTECTION_WIDTH;
  if (!Number.isSafeInteger(width) || width < 1)
    throw new RangeError(`protectionWidth must be a positive integer, got ${width}`);
  const model = buildDisclosureModel(cells, hierarchy);
  const fineModel = buildFineModel(model, options.fine, hierarchy);

  const status = new Uint8Array(model.nodes.length);
  model.nodes.forEach((node, i) => {
    if (node.hidden) status[i] = HIDDEN;
    else if (isSmallGroup(node.respondents, m)) status[i] = BELOW_MINIMUM;
  });
  for (const key of options.withhold ?? []) {
    const i = model.indexByKey.get(key);
    if (i !== undefined && status[i] === PUBLISHED && key !== 'national') status[i] = COMPLEMENTARY;
  }
  const { unprotectable, rounds } = protectWithCertificates(model, fineModel, status, {
    minCellSize: m,
    protectionWidth: width,
  });
  return toPattern(model, status, m, width, unprotectable, rounds);
}

export interface SharedSuppressionInput {
  readonly cells: readonly CounterCell[];
  readonly fine: readonly FineCounter[];
}

/**
 * Patterns for measures that share one question (the same respondents in every cell, different positive
 * answers): they must withhold the same cells, or one measure's published count would give away the
 * other's withheld one. Each is computed, the union withheld in all, and each re-protected from the
 * union until they agree (withholding only grows, so this ends).
 */
export function computeSharedSuppression(
  inputs: readonly SharedSuppressionInput[],
  hierarchy: Hierarchy,
  options: Omit<SuppressionOptions, 'fine' | 'withhold'> = {},
): SuppressionPattern[] {
  let withhold = new Set<string>();
  for (;;) {
    const patterns = inputs.map((input) =>
      computeSuppression(input.cells, hierarchy, { ...options, fine: input.fine, withhold }),
    );
    const union = new Set(withhold);
    for (const pattern of patterns)
      for (const [key, entry] of pattern.entries) if (entry.suppressed) union.add(key);
    const agree = patterns.every(
      (pattern) => [...pattern.entries.values()].filter((e) => e.suppressed).length === union.size,
    );
    if (agree) return patterns;
    withhold = union;
  }
}

function toPattern(
  model: DisclosureModel,
  status: Uint8Array,
  m: number,
  protectionWidth: number,
  inherent: ReadonlySet<number>,
  rounds: number,
): SuppressionPattern {
  const entries = new Map<string, PatternEntry>();
  let belowMinimum = 0;
  let complementary = 0;
  let siteRemainders = 0;
  let educationRemainders = 0;
  model.nodes.forEach((node, i) => {
    if (node.hidden) {
      if (node.key.startsWith(SITE_REMAINDER_PREFIX)) siteRemainders++;
      else educationRemainders++;
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
    protectionWidth,
    entries,
    keysByTable: indexByTable(entries),
    inherentCountDisclosures: [...inherent].map((i) => model.nodes[i].key).sort(),
    statistics: {
      cells: entries.size,
      belowMinimum,
      complementary,
      siteRemainders,
      educationRemainders,
      rounds,
      respondentsHidden: hiddenRespondents(model, status),
    },
  };
}

/** Respondents of the withheld cells, counted once per cell (for the over-suppression figures). */
function hiddenRespondents(model: DisclosureModel, status: Uint8Array): number {
  let total = 0;
  model.nodes.forEach((node, i) => {
    if (!node.hidden && status[i] !== PUBLISHED) total += node.respondents;
  });
  return total;
}
