import type { CanonicalTableId } from './canonical-tables';
import type { DisclosureModel } from './disclosure-model';
import {
  BELOW_MINIMUM,
  COMPLEMENTARY,
  findSmallResiduals,
  HIDDEN,
  isSmallGroup,
  PUBLISHED,
  withheldResidual,
} from './disclosure-checks';
import type { FineModel } from './fine-model';

/**
 * What withholding a cell of each table costs per respondent: the national benchmarks (regions, learner
 * groups, professions) are the headline figures and are withheld last; the regional breakdowns next.
 */
const TABLE_WEIGHT: Partial<Record<CanonicalTableId, number>> = {
  REGION: 4,
  LEARNER_GROUP: 4,
  PROFESSION: 4,
  REGION_BY_LEARNER_GROUP: 2,
  REGION_BY_PROFESSION: 2,
};

/**
 * A move: an integer change of the fine table that leaves every canonical cell it does not list
 * unchanged. `nets[i]` is the change of model node `nodes[i]` per step; the target node changes by `d` > 0.
 */
interface Move {
  readonly fines: readonly number[];
  readonly coefs: readonly number[];
  readonly nodes: readonly number[];
  readonly nets: readonly number[];
  readonly d: number;
  /** Published nodes the move would change: it is a certificate only once they are withheld. */
  readonly blockers: readonly number[];
  readonly cost: number;
}

export interface ProtectionOptions {
  readonly minCellSize: number;
  /** The attacker's interval for a withheld cell's respondents must satisfy max − min ≥ this. */
  readonly protectionWidth: number;
  /** Fine cells of the target and partners tried per fine cell, to bound the work on large cells. */
  readonly maxTargetFines?: number;
  readonly maxPartners?: number;
}

export interface ProtectionResult {
  /** Nodes no pattern could protect: only the national figure and zero cells are left around them. */
  readonly unprotectable: ReadonlySet<number>;
  readonly rounds: number;
}

interface AnswerFlags {
  /** Some alternative gives the positives another value. */
  otherValue: boolean;
  /** Some table (the true one included) has a positive answer in the cell. */
  someNonZero: boolean;
  /** Some table has a negative answer in the cell. */
  someNotAll: boolean;
}

/**
 * Open: not every member known to have answered the same way, and, for a group below the minimum, its
 * positive count not pinned either (a member of a group of 2 with 1 positive knows the other's answer). A
 * complement of at least the minimum with its positive count pinned is no worse than publishing it.
 */
function isOpen(flags: AnswerFlags, small: boolean): boolean {
  return (flags.otherValue || !small) && flags.someNonZero && flags.someNotAll;
}

interface Evaluation {
  readonly width: number;
  readonly up: number;
  readonly down: number;
  readonly answers: AnswerFlags;
  readonly answersOpen: boolean;
  /** Answers open only because a published 0% or 100% cell above already tells them. */
  readonly exempt: boolean;
  readonly needsWidth: boolean;
  readonly needsAnswers: boolean;
}

/**
 * Withholds complements until every withheld cell (and every small site remainder) has a certificate:
 * alternative fine tables, consistent with everything published, every withheld cell ≥ 1, zero cells
 * 0 and 0 ≤ positives ≤ respondents, in which its respondents span at least `protectionWidth` and its
 * positives take two values, not forced to 0 nor to all (unless a published cell above it is at 0% or
 * 100%). The alternatives are moves of learners (pairs and rectangles of fine cells) that change only
 * withheld cells. Mutates `status`.
 */
export function protectWithCertificates(
  model: DisclosureModel,
  fineModel: FineModel,
  status: Uint8Array,
  options: ProtectionOptions,
): ProtectionResult {
  const context = new Context(model, fineModel, status, options);
  return context.run();
}

class Context {
  private readonly nationalNode: number;
  private readonly nationalRespondents: number;
  private readonly unprotectable = new Set<number>();
  /** Per-node accumulator for `makeMove`, all zeros between calls. */
  private readonly scratch: Int32Array;
  private readonly touched: number[] = [];
  /** What withholding each node costs while it is published (see `TABLE_WEIGHT`). */
  private readonly weightedSize: Float64Array;
  /**
   * Nodes short of the width for good whose answers are open only through a published 0% or 100% cell:
   * not settled, because that cell may be withheld later and then their answers need protecting.
   */
  private readonly shortOfWidth = new Set<number>();
  private readonly settledBlockers = new Map<number, readonly number[]>();
  /** Width of each node given up as unprotectable, when it was. */
  private readonly widthWhenShort = new Map<number, number>();
  /** What each node could reach with every cell but the national one withheld (see `levelsOf`). */
  private readonly reachableWidth = new Map<number, number>();
  private readonly reachableAnswers = new Map<number, boolean>();

  constructor(
    private readonly model: DisclosureModel,
    private readonly fine: FineModel,
    private readonly status: Uint8Array,
    private readonly options: ProtectionOptions,
  ) {
    this.scratch = new Int32Array(model.nodes.length);
    this.nationalNode = model.indexByKey.get('national') ?? -1;
    this.nationalRespondents = this.nationalNode >= 0 ? model.nodes[this.nationalNode].respondents : 0;
    this.weightedSize = Float64Array.from(model.nodes, ({ table, respondents }, i) =>
      // A cell as large as the national one is the national one: withholding it would hide nothing.
      i === this.nationalNode || respondents === this.nationalRespondents
        ? Infinity
        : respondents * (TABLE_WEIGHT[table.id] ?? 1),
    );
  }

  /**
   * The protection a node can get at all: its certificates with every non-empty cell withheld except
   * the national one (which is always published). Where even that gives less than the protection width,
   * or leaves the answers determined, the shortfall is inherent, and the node's level is what is reachable.
   */
  levelsOf(node: number): { width: number; answers: boolean } {
    const known = this.reachableWidth.get(node);
    if (known !== undefined) return { width: known, answers: this.reachableAnswers.get(node) ?? false };
    const everything = new Uint8Array(this.status.length);
    this.status.forEach((s, i) => {
      everything[i] = s === HIDDEN ? HIDDEN : i === this.nationalNode ? s : COMPLEMENTARY;
    });
    const open = new Context(this.model, this.fine, everything, this.options);
    const { evaluation } = open.certify(node);
    const width = Math.min(evaluation.width, this.options.protectionWidth);
    this.reachableWidth.set(node, width);
    this.reachableAnswers.set(node, evaluation.answersOpen);
    return { width, answers: evaluation.answersOpen };
  }

  /** Whether the node falls short of the full protection level even at best (an inherent disclosure). */
  isInherent(node: number): boolean {
    const level = this.levelsOf(node);
    return level.width < this.options.protectionWidth || !level.answers;
  }

  run(): ProtectionResult {
    let rounds = 0;
    // A protected node is settled until the end: further withholding only adds valid moves (its moves
    // touch no published cell). Answers a published 0% or 100% cell explains are looked at again every
    // round (that cell may be withheld later). The combination of moves is greedy, so more valid moves
    // can combine worse: once nothing is added, every settled node is certified again against the final
    // pattern, exactly as the audit will, and the loop goes on until that finds nothing.
    const settled = new Uint8Array(this.status.length);
    for (;;) {
      rounds++;
      let added = 0;
      const queue = this.targets().filter((i) => settled[i] === 0 && !this.unprotectable.has(i));
      for (let head = 0; head < queue.length; head++) {
        const node = queue[head];
        if (settled[node] === 1 || this.unprotectable.has(node)) continue;
        const outcome = this.protect(node);
        if (outcome === 'settled') settled[node] = 1;
        else if (outcome === 'exempt') this.shortOfWidth.delete(node);
        else if (outcome === 'exempt-short') this.shortOfWidth.add(node);
        else if (outcome === 'unprotectable') {
          this.unprotectable.add(node);
          this.widthWhenShort.set(node, this.certify(node).evaluation.width);
        } else {
          added += outcome.length;
          queue.push(node, ...outcome);
        }
      }
      if (added === 0) added = this.closeSmallResiduals().length;
      if (added === 0) added = this.unsettleFallen(settled);
      if (added === 0) break;
    }
    for (const node of this.shortOfWidth) this.unprotectable.add(node);
    return { unprotectable: this.unprotectable, rounds };
  }

  /** Settled nodes whose certificate no longer reaches the level: unsettled, and how many. */
  private unsettleFallen(settled: Uint8Array): number {
    let fallen = 0;
    // Nodes given up as short of the level are kept only if their width has not fallen since.
    for (const [node, width] of this.widthWhenShort) {
      if (this.certify(node).evaluation.width >= width) continue;
      this.unprotectable.delete(node);
      this.widthWhenShort.delete(node);
      fallen++;
    }
    for (let node = 0; node < settled.length; node++) {
      if (settled[node] === 0) continue;
      // Only a move that has become valid since can change the evaluation.
      const blockers = this.settledBlockers.get(node);
      if (blockers && blockers.every((b) => this.status[b] === PUBLISHED)) continue;
      const { evaluation, moves } = this.certify(node);
      if (!evaluation.needsWidth && !evaluation.needsAnswers) {
        this.noteBlockers(node, moves);
        continue;
      }
      settled[node] = 0;
      fallen++;
    }
    return fallen;
  }

  /**
   * The published cells blocking a move a settled node was evaluated with that could take a step once
   * they are withheld. Other moves cannot change its width, and its answer flags only ever gain.
   */
  private noteBlockers(node: number, moves: readonly Move[]): void {
    // The greedy combination takes the largest single move first, so it never gives less than the best
    // single move up plus the best single move down: where those reach the level, no later move can
    // bring the width below it (the answers flags only ever gain), and nothing needs noting.
    let up = 0;
    let down = 0;
    for (const move of moves) {
      if (move.blockers.length > 0) continue;
      up = Math.max(up, this.maxRespondentSteps(move, 1) * move.d);
      down = Math.max(down, this.maxRespondentSteps(move, -1) * move.d);
    }
    if (up + Math.min(down, this.downRoom(node)) >= this.options.protectionWidth) {
      this.settledBlockers.set(node, []);
      return;
    }
    const blockers = new Set<number>();
    for (const move of moves) {
      if (move.blockers.length === 0) continue;
      if (this.maxRespondentSteps(move, 1) === 0 && this.maxRespondentSteps(move, -1) === 0) continue;
      for (const b of move.blockers) blockers.add(b);
    }
    this.settledBlockers.set(node, [...blockers]);
  }

  /**
   * Relations whose published total minus its published parts leaves a group of 1..m−1 (a residual: the
   * withheld parts together, with their positives). Each member may have its certificate and the group
   * still be small when the minimum exceeds the protection width; the cheapest published part (or else
   * the total) is withheld. Inherent disclosures included: they follow from the one-reason ranges, but
   * should not follow by plain subtraction of published figures as well. Returns what it withheld.
   */
  private closeSmallResiduals(): number[] {
    const added: number[] = [];
    for (const r of findSmallResiduals(this.model, this.status, this.options.minCellSize)) {
      if (!isSmallGroup(withheldResidual(this.model, this.status, r), this.options.minCellSize)) continue;
      const { total, parts } = this.model.relations[r];
      let best = -1;
      let bestCost = Infinity;
      for (const p of parts) {
        const cost = this.costOf(p);
        if (cost < bestCost) {
          best = p;
          bestCost = cost;
        }
      }
      if (best < 0 && Number.isFinite(this.costOf(total))) best = total;
      if (best < 0) continue;
      this.status[best] = COMPLEMENTARY;
      added.push(best);
    }
    return added;
  }

  isSmall(node: number): boolean {
    return isSmallGroup(this.model.nodes[node].respondents, this.options.minCellSize);
  }

  isWithheld(node: number): boolean {
    const s = this.status[node];
    return s === BELOW_MINIMUM || s === COMPLEMENTARY;
  }

  private targets(): number[] {
    const list: number[] = [];
    this.model.nodes.forEach((node, i) => {
      if (this.isWithheld(i)) list.push(i);
      else if (this.status[i] === HIDDEN && isSmallGroup(node.respondents, this.options.minCellSize))
        list.push(i);
    });
    // Smallest first: their complements often protect the larger ones too.
    return list.sort((a, b) => this.model.nodes[a].respondents - this.model.nodes[b].respondents || a - b);
  }

  /** [] when the node is protected, the newly withheld complements, or undefined when nothing can help. */
  protect(node: number): 'settled' | 'exempt' | 'exempt-short' | 'unprotectable' | number[] {
    const { evaluation, moves } = this.certify(node);
    if (!evaluation.needsWidth && !evaluation.needsAnswers) {
      if (evaluation.exempt) return 'exempt';
      this.noteBlockers(node, moves);
      return 'settled';
    }
    const best = this.cheapestHelp(node, moves, evaluation);
    if (best) {
      for (const b of best.blockers) this.status[b] = COMPLEMENTARY;
      return [...best.blockers];
    }
    // Nothing withholdable helps: either the node already has all it could ever get (inherent), or the
    // certificates cannot show more; both are reported. Answers open only through a published 0% or
    // 100% cell are looked at again: that cell may be withheld later.
    return evaluation.exempt ? 'exempt-short' : 'unprotectable';
  }

  /**
   * The node's certificate from its valid moves: the near ones (same unit, same profession) first, and
   * only if they fall short all of them. The engine, the audit and the reachable levels all evaluate
   * through here, so they agree move for move. `moves` includes the blocked ones.
   */
  certify(node: number): { evaluation: Evaluation; moves: readonly Move[] } {
    const near = this.movesOf(node, false);
    const evaluation = this.evaluate(node, valid(near));
    if (!evaluation.needsWidth && !evaluation.needsAnswers) return { evaluation, moves: near };
    const moves = [...near, ...this.movesOf(node, true, false)];
    return { evaluation: this.evaluate(node, valid(moves)), moves };
  }

  evaluate(node: number, valid: readonly Move[]): Evaluation {
    const up = this.combinedSteps(valid, 1);
    const down = this.combinedSteps(valid, -1);
    const width = up + down;
    const answers = this.answerFlags(node, valid);
    const exempt = !isOpen(answers, this.isSmall(node)) && this.inherentAnswers(node);
    const answersOpen = isOpen(answers, this.isSmall(node)) || exempt;
    return {
      width,
      up,
      down,
      answers,
      answersOpen,
      exempt,
      needsWidth: width < this.options.protectionWidth,
      needsAnswers: !answersOpen,
    };
  }

  /** Whether a published cell containing the node is at 0% or 100%: its answers are published there. */
  private inherentAnswers(node: number): boolean {
    const fines = this.fine.finesOf[node];
    if (fines.length === 0) return false;
    for (const candidate of this.fine.nodesOf[fines[0]]) {
      if (this.status[candidate] !== PUBLISHED) continue;
      const c = this.model.nodes[candidate];
      if (c.positive !== 0 && c.positive !== c.respondents) continue;
      if (fines.every((f) => this.fine.nodesOf[f].includes(candidate))) return true;
    }
    return false;
  }

  /** Alternatives for the node's positives from single steps of the moves (respondents or answers). */
  private answerFlags(node: number, moves: readonly Move[], start?: AnswerFlags): AnswerFlags {
    const target = this.model.nodes[node];
    const n0 = target.respondents;
    const k0 = target.positive;
    const small = this.isSmall(node);
    const flags: AnswerFlags = start
      ? { ...start }
      : { otherValue: false, someNonZero: k0 >= 1, someNotAll: k0 < n0 };
    const note = (n: number, k: number): void => {
      if (k !== k0) flags.otherValue = true;
      if (k >= 1) flags.someNonZero = true;
      if (k < n) flags.someNotAll = true;
    };
    for (const move of moves) {
      for (const sign of [1, -1] as const) {
        const d = move.d * sign;
        if (this.maxRespondentSteps(move, sign) >= 1) {
          const minus = this.minusFines(move, sign);
          if (minus.every((f) => this.fine.k[f] >= 1)) note(n0 + d, k0 + d);
          if (minus.every((f) => this.fine.n[f] - this.fine.k[f] >= 1)) note(n0 + d, k0);
        }
        if (this.answerStepPossible(move, sign)) note(n0, k0 + d);
      }
      if (isOpen(flags, small)) break;
    }
    return flags;
  }

  private minusFines(move: Move, sign: 1 | -1): number[] {
    const out: number[] = [];
    move.fines.forEach((f, i) => {
      if (move.coefs[i] * sign < 0) out.push(f);
    });
    return out;
  }

  /** One positive answer moved along the move (respondents unchanged). */
  private answerStepPossible(move: Move, sign: 1 | -1): boolean {
    for (let i = 0; i < move.fines.length; i++) {
      const f = move.fines[i];
      if (move.coefs[i] * sign > 0 ? this.fine.k[f] >= this.fine.n[f] : this.fine.k[f] < 1) return false;
    }
    return true;
  }

  /**
   * How many steps the move can take in a direction with every withheld node ≥ 1, remainders ≥ 0, fine
   * cells ≥ 0 and their positives within 0..respondents (the moved learners carry a mix of answers that
   * leaves the positives of published cells unchanged). Blockers count as withheld.
   */
  maxRespondentSteps(move: Move, sign: 1 | -1): number {
    const minus = this.minusFines(move, sign);
    let steps = Infinity;
    if (minus.length > 0) {
      let minK = Infinity;
      let minRest = Infinity;
      for (const f of minus) {
        minK = Math.min(minK, this.fine.k[f]);
        minRest = Math.min(minRest, this.fine.n[f] - this.fine.k[f]);
      }
      steps = minK + minRest;
    }
    for (let i = 0; i < move.nodes.length; i++) {
      const node = move.nodes[i];
      const change = move.nets[i] * sign;
      if (change >= 0) continue;
      const floor = this.status[node] === HIDDEN ? 0 : 1;
      steps = Math.min(steps, Math.floor((this.model.nodes[node].respondents - floor) / -change));
    }
    return Math.max(0, steps);
  }

  /**
   * The node's respondents moved in one direction by valid moves applied together, largest gain first,
   * sharing capacity: each move takes as many steps as what the earlier ones left allows (every
   * decreasing node above its floor, the target included, every decreasing fine cell's positive and
   * negative learners not already moved out). Increases are never credited, so the combined table is
   * consistent: withheld cells ≥ 1, remainders and fine cells ≥ 0, 0 ≤ positives ≤ respondents, and
   * each move keeps every published cell (its positives too) unchanged, so their sum does.
   */
  combinedSteps(moves: readonly Move[], sign: 1 | -1): number {
    const options = moves
      .map((move) => ({ move, gain: this.maxRespondentSteps(move, sign) * move.d }))
      .filter((o) => o.gain > 0)
      .sort((a, b) => b.gain - a.gain);
    const takenRespondents = new Map<number, number>();
    const takenPositive = new Map<number, number>();
    const takenNegative = new Map<number, number>();
    const goal = this.options.protectionWidth * 4;
    let total = 0;
    for (const { move } of options) {
      const minus = this.minusFines(move, sign);
      let positive = Infinity;
      let negative = Infinity;
      for (const f of minus) {
        positive = Math.min(positive, this.fine.k[f] - (takenPositive.get(f) ?? 0));
        negative = Math.min(negative, this.fine.n[f] - this.fine.k[f] - (takenNegative.get(f) ?? 0));
      }
      let steps = minus.length > 0 ? positive + negative : Infinity;
      for (let i = 0; i < move.nodes.length; i++) {
        const change = move.nets[i] * sign;
        if (change >= 0) continue;
        const x = move.nodes[i];
        const room = this.model.nodes[x].respondents - this.floorOf(x) - (takenRespondents.get(x) ?? 0);
        steps = Math.min(steps, Math.floor(room / -change));
      }
      if (!(steps > 0) || !Number.isFinite(steps)) continue;
      const fromPositive = Math.min(steps, positive);
      for (const f of minus) {
        takenPositive.set(f, (takenPositive.get(f) ?? 0) + fromPositive);
        takenNegative.set(f, (takenNegative.get(f) ?? 0) + steps - fromPositive);
      }
      for (let i = 0; i < move.nodes.length; i++) {
        const change = move.nets[i] * sign;
        if (change < 0)
          takenRespondents.set(move.nodes[i], (takenRespondents.get(move.nodes[i]) ?? 0) - change * steps);
      }
      total += steps * move.d;
      if (total >= goal) break;
    }
    return total;
  }

  /** Withheld cells keep at least one respondent; a site remainder may be emptied. */
  private floorOf(node: number): number {
    return this.status[node] === HIDDEN ? 0 : 1;
  }

  /**
   * The cheapest blocked move that would give the node what it lacks once its blockers are withheld:
   * least respondents withheld, coarse tables (regions, learner groups, professions) dearer, so
   * complements are the smallest and least useful cells.
   */
  private cheapestHelp(node: number, moves: readonly Move[], evaluation: Evaluation): Move | undefined {
    let best: Move | undefined;
    let bestScore = Infinity;
    const level = this.options.protectionWidth;
    for (const move of moves) {
      if (move.blockers.length === 0 || !Number.isFinite(move.cost)) continue;
      let helps = 0;
      if (evaluation.needsWidth) {
        // Optimistic about how it combines with the valid moves; the next evaluation is exact.
        const width =
          evaluation.up +
          this.maxRespondentSteps(move, 1) * move.d +
          Math.min(evaluation.down + this.maxRespondentSteps(move, -1) * move.d, this.downRoom(node));
        helps += Math.min(width, level) - Math.min(evaluation.width, level);
      }
      if (
        evaluation.needsAnswers &&
        isOpen(this.answerFlags(node, [move], evaluation.answers), this.isSmall(node))
      )
        helps += level;
      if (helps <= 0) continue;
      const score = move.cost / helps;
      if (score < bestScore) {
        best = move;
        bestScore = score;
      }
    }
    return best;
  }

  private downRoom(node: number): number {
    return this.model.nodes[node].respondents - (this.status[node] === HIDDEN ? 0 : 1);
  }

  private costOf(node: number): number {
    return this.status[node] === PUBLISHED ? this.weightedSize[node] : Infinity;
  }

  private makeMove(node: number, fines: number[], coefs: number[]): Move | undefined {
    const { scratch, touched } = this;
    touched.length = 0;
    for (let i = 0; i < fines.length; i++) {
      for (const x of this.fine.nodesOf[fines[i]]) {
        if (scratch[x] === 0) touched.push(x);
        scratch[x] += coefs[i];
      }
    }
    let d = scratch[node];
    const flip = d < 0 ? -1 : 1;
    d *= flip;
    const nodes: number[] = [];
    const nets: number[] = [];
    const blockers: number[] = [];
    let cost = 0;
    for (const x of touched) {
      const net = scratch[x] * flip;
      scratch[x] = 0;
      if (net === 0) continue;
      nodes.push(x);
      nets.push(net);
      if (this.status[x] === PUBLISHED) {
        blockers.push(x);
        cost += this.costOf(x);
      }
    }
    if (d === 0) return undefined;
    return { fines, coefs: flip === 1 ? coefs : coefs.map((c) => -c), nodes, nets, d, blockers, cost };
  }

  /** Pairs and rectangles of fine cells through the node's fine cells, nearest partners first. */
  movesOf(node: number, far = true, near = true): Move[] {
    const maxTargetFines = this.options.maxTargetFines ?? 4;
    const maxPartners = this.options.maxPartners ?? 25;
    const fine = this.fine;
    const index = fine.index;
    const insideList = fine.finesOf[node];
    const inside = new Set(insideList);
    const fines = [...insideList].sort((a, b) => fine.n[b] - fine.n[a] || a - b).slice(0, maxTargetFines);
    const moves: Move[] = [];
    const seen = new Set<number | string>();
    const add = (fs: number[], cs: number[]): void => {
      // Moves are generated in one orientation (target fine cells on the + side), so the list is a key.
      const signature = fs.length === 2 ? fs[0] * PAIR_STRIDE + fs[1] : fs.join(',');
      if (seen.has(signature)) return;
      seen.add(signature);
      const move = this.makeMove(node, fs, cs);
      if (move) moves.push(move);
    };
    const addPair = (f: number, g: number): void => {
      add([f, g], [1, -1]);
      // The partner's learners moved into the target under their own unit or their own profession.
      for (const v of [
        fine.cellAt(fine.unit[g], fine.profession[f]),
        fine.cellAt(fine.unit[f], fine.profession[g]),
      ]) {
        if (v >= 0 && v !== g && v !== f && fine.nodesOf[v].includes(node)) add([v, g], [1, -1]);
      }
    };
    const outside = (g: number): boolean => !inside.has(g);
    for (const f of fines) {
      const notF = (g: number): boolean => g !== f;
      const notFOutside = (g: number): boolean => g !== f && !inside.has(g);
      // Answer-aware partners: where f's learners all answered alike, a partner holding the other answer
      // opens the answers with one move, however small it is.
      const differs =
        fine.k[f] === fine.n[f]
          ? (g: number): boolean => fine.k[g] < fine.n[g] && notFOutside(g)
          : fine.k[f] === 0
            ? (g: number): boolean => fine.k[g] > 0 && notFOutside(g)
            : undefined;
      if (near) {
        for (const g of take(index.byUnit.get(fine.unit[f]), maxPartners, notFOutside)) addPair(f, g);
        for (const g of this.sameProfession(f, maxPartners, notFOutside)) addPair(f, g);
        if (differs) {
          for (const g of take(index.byUnit.get(fine.unit[f]), ANSWER_PARTNERS, differs)) addPair(f, g);
          for (const g of this.sameProfession(f, ANSWER_PARTNERS, differs)) addPair(f, g);
        }
      }
      if (!far) continue;
      // Diagonal pairs (another unit and another profession): same organisation, same region, elsewhere.
      const organisation = fine.organisation[f];
      const region = fine.region[f];
      const around = take(index.byOrganisation.get(organisation), maxPartners, notFOutside);
      take(
        index.byRegion.get(region),
        maxPartners,
        (g) => fine.organisation[g] !== organisation && outside(g),
        around,
      );
      take(index.all, maxPartners, (g) => fine.region[g] !== region && outside(g), around);
      for (const g of around) addPair(f, g);
      if (differs) {
        const other = take(index.byOrganisation.get(organisation), ANSWER_PARTNERS, differs);
        take(index.byRegion.get(region), ANSWER_PARTNERS, differs, other);
        take(index.all, ANSWER_PARTNERS, differs, other);
        for (const g of other) addPair(f, g);
      }
      // Rectangles: (u,p)+ (u,q)− (v,p)− (v,q)+, all four fine cells present.
      const sameProfession = this.sameProfession(f, RECTANGLE_PARTNERS, notF);
      for (const g1 of take(index.byUnit.get(fine.unit[f]), 6, notF)) {
        for (const g2 of sameProfession) {
          const f4 = fine.cellAt(fine.unit[g2], fine.profession[g1]);
          if (f4 < 0) continue;
          add([f, g1, g2, f4], [1, -1, -1, 1]);
        }
      }
      // Education rectangles: (s,e)+ (s,e′)− (t,e)− (t,e′)+ in one profession: learners of two education
      // providers swap placements, so every site, organisation, education provider and profession total
      // stays put and only the four education provider × organisation cells change.
      const sameSite = take(
        index.byProfessionOrganisation.get(fine.profession[f] * index.organisations + organisation),
        6,
        (g) => g !== f && fine.site[g] === fine.site[f] && fine.education[g] !== fine.education[f],
      );
      if (sameSite.length > 0) {
        const sameEducation = this.sameProfession(
          f,
          RECTANGLE_PARTNERS,
          (g) => fine.education[g] === fine.education[f] && fine.site[g] !== fine.site[f],
        );
        for (const g1 of sameSite) {
          for (const g2 of sameEducation) {
            const u = fine.unitAt(fine.site[g2], fine.education[g1]);
            const f4 = u < 0 ? -1 : fine.cellAt(u, fine.profession[f]);
            if (f4 < 0) continue;
            add([f, g1, g2, f4], [1, -1, -1, 1]);
          }
        }
      }
    }
    return moves;
  }

  /**
   * Up to `limit` non-empty cells of f's profession that pass `keep`, closest to f first (same
   * organisation, same region, the rest), larger cells first within each: scans of presorted lists.
   */
  private sameProfession(f: number, limit: number, keep: (g: number) => boolean): number[] {
    const fine = this.fine;
    const index = fine.index;
    const p = fine.profession[f];
    const organisation = fine.organisation[f];
    const region = fine.region[f];
    const out = take(index.byProfessionOrganisation.get(p * index.organisations + organisation), limit, keep);
    take(
      index.byProfessionRegion.get(p * index.regions + region),
      limit,
      (g) => fine.organisation[g] !== organisation && keep(g),
      out,
    );
    take(index.byProfession.get(p), limit, (g) => fine.region[g] !== region && keep(g), out);
    return out;
  }
}

function valid(moves: readonly Move[]): Move[] {
  return moves.filter((m) => m.blockers.length === 0);
}

/** Fine cells are numbered below this (cells are added during the search, so not `n.length`). */
const PAIR_STRIDE = 2 ** 24;

/** Partners of the target's profession tried per fine cell for rectangles (each makes up to 6 moves). */
const RECTANGLE_PARTNERS = 10;

/** Partners holding the other answer tried per fine cell and list, besides the nearest ones. */
const ANSWER_PARTNERS = 3;

/** How many entries of a presorted list a scan may look at before giving up: bounds the work per cell. */
const MAX_SCAN = 400;

/** Appends to `out` (until it holds `limit`) the first entries of `list` that pass `keep`. */
function take(
  list: readonly number[] | undefined,
  limit: number,
  keep: (g: number) => boolean,
  out: number[] = [],
): number[] {
  if (!list) return out;
  const end = Math.min(list.length, MAX_SCAN);
  for (let i = 0; i < end && out.length < limit; i++) if (keep(list[i])) out.push(list[i]);
  return out;
}

/**
 * Re-checks a finished pattern: the withheld nodes (and small remainders) whose certificates fall short
 * of the level they could reach (the protection width, or less where that is inherent). For audits.
 */
export function uncertified(
  model: DisclosureModel,
  fineModel: FineModel,
  status: Uint8Array,
  options: ProtectionOptions,
): number[] {
  const context = new Context(model, fineModel, new Uint8Array(status), options);
  const out: number[] = [];
  model.nodes.forEach((node, i) => {
    const target =
      context.isWithheld(i) || (status[i] === HIDDEN && isSmallGroup(node.respondents, options.minCellSize));
    if (!target) return;
    const { evaluation } = context.certify(i);
    if (!evaluation.needsWidth && !evaluation.needsAnswers) return;
    const level = context.levelsOf(i);
    if (evaluation.width < level.width || (evaluation.needsAnswers && level.answers)) out.push(i);
  });
  return out;
}
