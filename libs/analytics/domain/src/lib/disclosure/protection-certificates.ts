import type { CanonicalTableId } from './canonical-tables';
import type { DisclosureModel } from './disclosure-model';
import { BELOW_MINIMUM, COMPLEMENTARY, HIDDEN, isSmallGroup, PUBLISHED } from './disclosure-checks';
import { canonicalKeysOf, siteOf, type FineCounter } from './fine-counters';
import { assertConsistent, type Hierarchy } from './hierarchy';

/**
 * The fine table (organisation × site-or-no-site × profession) of one (cycle, measure), linked to the
 * nodes of the disclosure model each fine cell lies in. Empty fine cells are added on demand when a move
 * would put learners there (only where every cell above them is non-empty: zero cells stay zero).
 */
export interface FineModel {
  readonly n: number[];
  readonly k: number[];
  readonly unit: string[];
  readonly organisation: string[];
  readonly region: string[];
  readonly profession: string[];
  /** Model nodes containing each fine cell (its canonical cells and, without a site, its remainder). */
  readonly nodesOf: (readonly number[])[];
  /** Non-empty fine cells inside each model node. */
  readonly finesOf: readonly number[][];
  readonly byUnit: ReadonlyMap<string, number[]>;
  readonly byProfession: ReadonlyMap<string, number[]>;
  readonly byOrganisation: ReadonlyMap<string, number[]>;
  readonly byRegion: ReadonlyMap<string, number[]>;
  /** The fine cell of a unit and profession, created empty if need be; −1 where it must stay empty. */
  readonly cellAt: (unit: string, profession: string) => number;
}

const REMAINDER_PREFIX = 'siteRemainder:';

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
const NO_SITE = '\u0000';

export function buildFineModel(
  model: DisclosureModel,
  fine: readonly FineCounter[],
  hierarchy: Hierarchy,
): FineModel {
  const problems: string[] = [];
  const merged = new Map<string, { cell: FineCounter; n: number; k: number }>();
  for (const cell of fine) {
    if (cell.respondents === 0) continue;
    const key = `${cell.organisationId}\u0000${siteOf(cell) ?? ''}\u0000${cell.profession}`;
    const entry = merged.get(key);
    if (entry) {
      entry.n += cell.respondents;
      entry.k += cell.positive;
    } else merged.set(key, { cell, n: cell.respondents, k: cell.positive });
  }
  const n: number[] = [];
  const k: number[] = [];
  const unit: string[] = [];
  const organisation: string[] = [];
  const region: string[] = [];
  const profession: string[] = [];
  const nodesOf: number[][] = [];
  const finesOf: number[][] = model.nodes.map(() => []);
  const byUnit = new Map<string, number[]>();
  const byProfession = new Map<string, number[]>();
  const byOrganisation = new Map<string, number[]>();
  const byRegion = new Map<string, number[]>();
  const byUnitProfession = new Map<string, number>();
  const organisationOfUnit = new Map<string, { organisationId: string; siteId?: string }>();

  const nodesFor = (cell: FineCounter, report: string[]): number[] | undefined => {
    const keys = canonicalKeysOf(cell, hierarchy, report);
    if (report.length > 0) return undefined;
    const nodes: number[] = [];
    for (const key of keys) {
      const node = model.indexByKey.get(key);
      if (node === undefined) {
        report.push(`${key} has fine counters but no canonical cell`);
        return undefined;
      }
      nodes.push(node);
    }
    if (siteOf(cell) === undefined) {
      const remainder = model.indexByKey.get(`${REMAINDER_PREFIX}${model.nodes[nodes[4]].key}`);
      if (remainder === undefined) {
        report.push(`${cell.organisationId}: learners without a site but no remainder`);
        return undefined;
      }
      nodes.push(remainder);
    }
    return nodes;
  };

  const addCell = (cell: FineCounter, nodes: number[], cn: number, ck: number): number => {
    const j = n.length;
    const site = siteOf(cell);
    const unitId = site ?? `${NO_SITE}${cell.organisationId}`;
    n.push(cn);
    k.push(ck);
    unit.push(unitId);
    organisation.push(cell.organisationId);
    region.push(model.nodes[nodes[1]].scope.region ?? '');
    profession.push(cell.profession);
    nodesOf.push(nodes);
    organisationOfUnit.set(unitId, { organisationId: cell.organisationId, siteId: site });
    if (cn > 0) for (const node of nodes) finesOf[node].push(j);
    push(byUnit, unitId, j);
    push(byProfession, cell.profession, j);
    push(byOrganisation, cell.organisationId, j);
    push(byRegion, region[j], j);
    byUnitProfession.set(`${unitId}\u0000${cell.profession}`, j);
    return j;
  };

  for (const { cell, n: cn, k: ck } of merged.values()) {
    const nodes = nodesFor(cell, problems);
    if (nodes) addCell(cell, nodes, cn, ck);
  }
  assertConsistent(problems);
  // Every node's fine cells must add up to it; otherwise the certificates would describe another table.
  model.nodes.forEach((node, i) => {
    let sn = 0;
    let sk = 0;
    for (const f of finesOf[i]) {
      sn += n[f];
      sk += k[f];
    }
    if (sn !== node.respondents || sk !== node.positive)
      problems.push(
        `${node.key} (${node.respondents}, ${node.positive}) is not the sum of its fine counters (${sn}, ${sk})`,
      );
  });
  assertConsistent(problems);

  const cellAt = (unitId: string, professionId: string): number => {
    const key = `${unitId}\u0000${professionId}`;
    const existing = byUnitProfession.get(key);
    if (existing !== undefined) return existing;
    const owner = organisationOfUnit.get(unitId);
    if (!owner) return -1;
    const cell = { ...owner, profession: professionId, respondents: 0, positive: 0 };
    const nodes = nodesFor(cell, []);
    if (!nodes) {
      byUnitProfession.set(key, -1);
      return -1;
    }
    return addCell(cell, nodes, 0, 0);
  };
  return {
    n,
    k,
    unit,
    organisation,
    region,
    profession,
    nodesOf,
    finesOf,
    byUnit,
    byProfession,
    byOrganisation,
    byRegion,
    cellAt,
  };
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * A move: an integer change of the fine table that leaves every canonical cell it does not list
 * unchanged. `nets` is the change of each model node per step; the target node changes by `d` > 0.
 */
interface Move {
  readonly fines: readonly number[];
  readonly coefs: readonly number[];
  readonly nets: ReadonlyMap<number, number>;
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
  /** What each node could reach with every cell but the national one withheld (see `levelsOf`). */
  private readonly reachableWidth = new Map<number, number>();
  private readonly reachableAnswers = new Map<number, boolean>();

  constructor(
    private readonly model: DisclosureModel,
    private readonly fine: FineModel,
    private readonly status: Uint8Array,
    private readonly options: ProtectionOptions,
  ) {
    this.nationalNode = model.indexByKey.get('national') ?? -1;
    this.nationalRespondents = this.nationalNode >= 0 ? model.nodes[this.nationalNode].respondents : 0;
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
    const moves = open.movesOf(node);
    const evaluation = open.evaluate(node, moves);
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
    // A certificate survives any further withholding (its moves touch no published cell), so a protected
    // node is settled for good, except one whose answers a published 0% or 100% cell explains: that cell
    // may be withheld later, so those are looked at again until nothing changes.
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
        else if (outcome === 'exempt') continue;
        else if (outcome === 'unprotectable') this.unprotectable.add(node);
        else {
          added += outcome.length;
          queue.push(node, ...outcome);
        }
      }
      if (added === 0) break;
    }
    return { unprotectable: this.unprotectable, rounds };
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
  protect(node: number): 'settled' | 'exempt' | 'unprotectable' | number[] {
    const near = this.movesOf(node, false);
    let evaluation = this.evaluate(
      node,
      near.filter((m) => m.blockers.length === 0),
    );
    if (!evaluation.needsWidth && !evaluation.needsAnswers) return evaluation.exempt ? 'exempt' : 'settled';
    const moves = [...near, ...this.movesOf(node, true, false)];
    evaluation = this.evaluate(
      node,
      moves.filter((m) => m.blockers.length === 0),
    );
    if (!evaluation.needsWidth && !evaluation.needsAnswers) return evaluation.exempt ? 'exempt' : 'settled';
    const best = this.cheapestHelp(node, moves, evaluation);
    if (best) {
      for (const b of best.blockers) this.status[b] = COMPLEMENTARY;
      return [...best.blockers];
    }
    // Nothing withholdable helps: either the node already has all it could ever get (inherent), or the
    // certificates cannot show more; both are reported.
    return 'unprotectable';
  }

  evaluate(node: number, valid: readonly Move[]): Evaluation {
    const up = this.combinedSteps(node, valid, 1);
    const down = this.combinedSteps(node, valid, -1);
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
    for (const [node, net] of move.nets) {
      const change = net * sign;
      if (change >= 0) continue;
      const floor = this.status[node] === HIDDEN ? 0 : 1;
      steps = Math.min(steps, Math.floor((this.model.nodes[node].respondents - floor) / -change));
    }
    return Math.max(0, steps);
  }

  /**
   * The node's respondents moved in one direction by valid moves applied together: greedily, moves whose
   * decreasing fine cells and nodes (other than the target) are disjoint, so their limits do not interact.
   */
  combinedSteps(node: number, moves: readonly Move[], sign: 1 | -1): number {
    const options = moves
      .map((move) => ({ move, gain: this.maxRespondentSteps(move, sign) * move.d }))
      .filter((o) => o.gain > 0)
      .sort((a, b) => b.gain - a.gain);
    const usedFines = new Set<number>();
    const usedNodes = new Set<number>();
    let total = 0;
    for (const { move, gain } of options) {
      const fines = this.minusFines(move, sign);
      const nodes = [...move.nets].filter(([n, net]) => n !== node && net * sign < 0).map(([n]) => n);
      if (fines.some((f) => usedFines.has(f)) || nodes.some((n) => usedNodes.has(n))) continue;
      for (const f of fines) usedFines.add(f);
      for (const n of nodes) usedNodes.add(n);
      total += gain;
      if (total >= this.options.protectionWidth * 4) break;
    }
    if (sign === -1) total = Math.min(total, this.downRoom(node));
    return total;
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
    // A cell as large as the national one is the national one: withholding it would hide nothing.
    if (node === this.nationalNode || this.status[node] !== PUBLISHED) return Infinity;
    if (this.model.nodes[node].respondents === this.nationalRespondents) return Infinity;
    const { table, respondents } = this.model.nodes[node];
    return respondents * (TABLE_WEIGHT[table.id] ?? 1);
  }

  private makeMove(node: number, fines: number[], coefs: number[]): Move | undefined {
    const nets = new Map<number, number>();
    fines.forEach((f, i) => {
      for (const x of this.fine.nodesOf[f]) nets.set(x, (nets.get(x) ?? 0) + coefs[i]);
    });
    for (const [x, net] of nets) if (net === 0) nets.delete(x);
    let d = nets.get(node) ?? 0;
    if (d === 0) return undefined;
    if (d < 0) {
      coefs = coefs.map((c) => -c);
      for (const [x, net] of nets) nets.set(x, -net);
      d = -d;
    }
    const blockers: number[] = [];
    let cost = 0;
    for (const x of nets.keys()) {
      if (this.status[x] !== PUBLISHED) continue;
      blockers.push(x);
      cost += this.costOf(x);
    }
    return { fines, coefs, nets, d, blockers, cost };
  }

  /** Pairs and rectangles of fine cells through the node's fine cells, nearest partners first. */
  movesOf(node: number, far = true, near = true): Move[] {
    const maxTargetFines = this.options.maxTargetFines ?? 4;
    const maxPartners = this.options.maxPartners ?? 10;
    const inside = new Set(this.fine.finesOf[node]);
    const fines = [...inside]
      .sort((a, b) => this.fine.n[b] - this.fine.n[a] || a - b)
      .slice(0, maxTargetFines);
    const moves: Move[] = [];
    const seen = new Set<string>();
    const add = (fs: number[], cs: number[]): void => {
      // Moves are generated in one orientation (target fine cells on the + side), so the list is a key.
      const signature = fs.join(',');
      if (seen.has(signature)) return;
      seen.add(signature);
      const move = this.makeMove(node, fs, cs);
      if (move) moves.push(move);
    };
    const existing = (list: readonly number[] | undefined): number[] =>
      (list ?? []).filter((g) => this.fine.n[g] > 0);
    const addPair = (f: number, g: number): void => {
      add([f, g], [1, -1]);
      // The partner's learners moved into the target under their own unit or their own profession.
      for (const v of [
        this.fine.cellAt(this.fine.unit[g], this.fine.profession[f]),
        this.fine.cellAt(this.fine.unit[f], this.fine.profession[g]),
      ]) {
        if (v >= 0 && v !== g && v !== f && this.fine.nodesOf[v].includes(node)) add([v, g], [1, -1]);
      }
    };
    for (const f of fines) {
      const sameUnit = existing(this.fine.byUnit.get(this.fine.unit[f])).filter(
        (g) => g !== f && !inside.has(g),
      );
      const sameProfession = this.nearest(
        f,
        existing(this.fine.byProfession.get(this.fine.profession[f])).filter(
          (g) => g !== f && !inside.has(g),
        ),
        maxPartners,
      );
      if (near) {
        for (const g of sameUnit.slice(0, maxPartners)) addPair(f, g);
        for (const g of sameProfession) addPair(f, g);
      }
      if (!far) continue;
      // Diagonal pairs (another unit and another profession): nearest first.
      const around = [
        ...existing(this.fine.byOrganisation.get(this.fine.organisation[f])),
        ...this.nearest(f, existing(this.fine.byRegion.get(this.fine.region[f])), maxPartners),
      ].filter((g) => g !== f && !inside.has(g));
      for (const g of around.slice(0, maxPartners)) addPair(f, g);
      if (around.length < maxPartners) {
        const others = this.nearest(
          f,
          [...this.fine.byRegion.entries()]
            .filter(([region]) => region !== this.fine.region[f])
            .flatMap(([, list]) => list)
            .filter((g) => this.fine.n[g] > 0 && !inside.has(g)),
          maxPartners,
        );
        for (const g of others) addPair(f, g);
      }
      // Rectangles: (u,p)+ (u,q)− (v,p)− (v,q)+, all four fine cells present.
      for (const g1 of existing(this.fine.byUnit.get(this.fine.unit[f]))
        .filter((g) => g !== f)
        .slice(0, 6)) {
        for (const g2 of this.nearest(
          f,
          existing(this.fine.byProfession.get(this.fine.profession[f])).filter((g) => g !== f),
          maxPartners,
        )) {
          const f4 = this.fine.cellAt(this.fine.unit[g2], this.fine.profession[g1]);
          if (f4 < 0) continue;
          add([f, g1, g2, f4], [1, -1, -1, 1]);
        }
      }
    }
    return moves;
  }

  /**
   * Up to `limit` candidates, closest to f first (same organisation, same region, the rest), larger cells
   * first within each: one pass over the list, sorting only what is kept.
   */
  private nearest(f: number, candidates: readonly number[], limit: number): number[] {
    const buckets: number[][] = [[], [], []];
    const cap = limit * 4;
    for (const g of candidates) {
      const rank =
        this.fine.organisation[g] === this.fine.organisation[f]
          ? 0
          : this.fine.region[g] === this.fine.region[f]
            ? 1
            : 2;
      if (buckets[rank].length < cap) buckets[rank].push(g);
    }
    const out: number[] = [];
    for (const bucket of buckets) {
      bucket.sort((a, b) => this.fine.n[b] - this.fine.n[a] || a - b);
      for (const g of bucket) {
        if (out.length >= limit) return out;
        out.push(g);
      }
    }
    return out;
  }
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
    const valid = context.movesOf(i).filter((m) => m.blockers.length === 0);
    const evaluation = context.evaluate(i, valid);
    if (!evaluation.needsWidth && !evaluation.needsAnswers) return;
    const level = context.levelsOf(i);
    if (evaluation.width < level.width || (evaluation.needsAnswers && level.answers)) out.push(i);
  });
  return out;
}
