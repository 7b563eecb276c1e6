// An independent linear / integer programming attacker on published NETS results. It shares no code with
// the suppression engine: it knows only the published cells a reader sees, the public hierarchy and what
// the labels mean (a withheld cell has at least 1 respondent, a cell not shown in a table the reader may
// read has none, 0 ≤ positives ≤ respondents), and solves min / max of every withheld cell's respondents
// and positives with HiGHS over the learner-level table (organisation × site-or-none × profession).
import highsLoader from 'highs';

type Highs = Awaited<ReturnType<typeof highsLoader>>;

export interface AttackHierarchy {
  readonly regionOf: ReadonlyMap<string, string>;
  readonly organisationOfSite: ReadonlyMap<string, string>;
  readonly learnerGroupOf: ReadonlyMap<string, string>;
}

/** Where a published cell sits: exactly the dimensions of its table. */
export interface Place {
  readonly region?: string;
  readonly organisationId?: string;
  readonly siteId?: string;
  readonly learnerGroup?: string;
  readonly profession?: string;
}

export type Seen =
  | { readonly kind: 'PUBLISHED'; readonly place: Place; readonly n: number; readonly k: number }
  | { readonly kind: 'WITHHELD'; readonly place: Place };

export type Table =
  | 'NATIONAL'
  | 'REGION'
  | 'LEARNER_GROUP'
  | 'PROFESSION'
  | 'ORGANISATION'
  | 'SITE'
  | 'ORGANISATION_BY_LEARNER_GROUP'
  | 'REGION_BY_LEARNER_GROUP'
  | 'REGION_BY_PROFESSION';

const TABLE_DIMENSIONS: Record<Table, readonly (keyof Place)[]> = {
  NATIONAL: [],
  REGION: ['region'],
  LEARNER_GROUP: ['learnerGroup'],
  PROFESSION: ['profession'],
  ORGANISATION: ['organisationId'],
  SITE: ['siteId'],
  ORGANISATION_BY_LEARNER_GROUP: ['organisationId', 'learnerGroup'],
  REGION_BY_LEARNER_GROUP: ['region', 'learnerGroup'],
  REGION_BY_PROFESSION: ['region', 'profession'],
};

export function tableOfPlace(place: Place): Table {
  const dims = (Object.keys(place) as (keyof Place)[]).filter((d) => place[d] !== undefined).sort();
  const found = (Object.keys(TABLE_DIMENSIONS) as Table[]).find(
    (t) => [...TABLE_DIMENSIONS[t]].sort().join(',') === dims.join(','),
  );
  if (!found) throw new Error(`no table has dimensions ${dims.join(', ')}`);
  return found;
}

export function placeKey(place: Place): string {
  const t = tableOfPlace(place);
  return `${t}:${TABLE_DIMENSIONS[t].map((d) => place[d]).join('/')}`;
}

/** What a reader read, and which tables (and scope) it read them in: cells of those not shown are empty. */
export interface Knowledge {
  readonly seen: readonly Seen[];
  /** Whether an unlisted cell at this place would have been shown to the reader (so it is known to be 0). */
  readonly wouldSee: (place: Place) => boolean;
  /**
   * Respondent counts read elsewhere (an organisation's feedback response count, where every respondent
   * answered the measure): the cell's respondents, with nothing of its positives.
   */
  readonly counts?: readonly { readonly place: Place; readonly n: number }[];
  /**
   * A withheld cell may be empty: a follow-up question's cells inherit every cell its parent withholds,
   * including those where nobody was asked it, and look the same. Otherwise a withheld cell has ≥ 1.
   */
  readonly withheldMayBeEmpty?: boolean;
}

export interface FineCell {
  readonly unit: string;
  readonly organisationId: string;
  readonly siteId?: string;
  readonly region: string;
  readonly profession: string;
  readonly learnerGroup: string;
}

/** The canonical cells a learner-level cell adds to. */
export function placesOf(f: FineCell): Place[] {
  const places: Place[] = [
    {},
    { region: f.region },
    { learnerGroup: f.learnerGroup },
    { profession: f.profession },
    { organisationId: f.organisationId },
    { organisationId: f.organisationId, learnerGroup: f.learnerGroup },
    { region: f.region, learnerGroup: f.learnerGroup },
    { region: f.region, profession: f.profession },
  ];
  if (f.siteId !== undefined) places.push({ siteId: f.siteId });
  return places;
}

export interface CellVerdict {
  readonly key: string;
  readonly respondents: readonly [number, number];
  readonly positives: readonly [number, number];
  /** Largest number of negative answers the cell can hold (0: every member answered positively). */
  readonly maxNegatives: number;
  readonly widthBroken: boolean;
  /** Every member answered the same way in every consistent table (all positive or all negative). */
  readonly answersDetermined: boolean;
  /** The positive count takes a single value. */
  readonly positivesPinned: boolean;
  /** A published cell above it is at 0% or 100%: its answers are published there (inherent). */
  readonly explainedByPublishedRate: boolean;
}

export interface AttackReport {
  readonly withheld: number;
  readonly verdicts: readonly CellVerdict[];
  /** Withheld cells whose respondents' interval is narrower than the protection width. */
  readonly widthBreaks: readonly string[];
  /** Withheld cells whose members' answers are determined, other than through a published 0%/100% cell. */
  readonly determinedAnswers: readonly string[];
  /** Withheld cells whose positive count is pinned, other than through a published 0%/100% cell above. */
  readonly pinnedPositives: readonly string[];
}

const EPS = 1e-6;

/**
 * Solves, for every withheld cell the reader saw, the min and max of its respondents and positives (and
 * the max of its negatives) over every learner-level table consistent with what the reader knows.
 * `integer` makes the variables integers (an ILP attacker); otherwise it is the LP relaxation, rounded.
 */
export async function attack(
  knowledge: Knowledge,
  hierarchy: AttackHierarchy,
  options: { protectionWidth: number; integer: boolean; only?: ReadonlySet<string> },
): Promise<AttackReport> {
  const highs = await highsLoader();
  const model = buildModel(knowledge, hierarchy);
  const verdicts: CellVerdict[] = [];
  const withheld = knowledge.seen.filter((s) => s.kind === 'WITHHELD');
  for (const cell of withheld) {
    const key = placeKey(cell.place);
    if (options.only && !options.only.has(key)) continue;
    const inside = model.cellsOf.get(key) ?? [];
    const n = inside.map((i) => `n${i}`);
    const k = inside.map((i) => `k${i}`);
    const solve = (sense: 'Minimize' | 'Maximize', terms: string[]): number =>
      solveObjective(highs, model, sense, terms, options.integer);
    const nMin = solve('Minimize', n);
    const nMax = solve('Maximize', n);
    const kMin = solve('Minimize', k);
    const kMax = solve('Maximize', k);
    const negatives = solve('Maximize', [...n, ...k.map((t) => `- ${t}`)]);
    const lo = Math.ceil(nMin - EPS);
    const hi = Math.floor(nMax + EPS);
    const kLo = Math.ceil(kMin - EPS);
    const kHi = Math.floor(kMax + EPS);
    const widthBroken = hi - lo < options.protectionWidth;
    const determined = kHi < 1 || Math.floor(negatives + EPS) < 1;
    verdicts.push({
      key,
      respondents: [lo, hi],
      positives: [kLo, kHi],
      maxNegatives: Math.floor(negatives + EPS),
      widthBroken,
      answersDetermined: determined,
      positivesPinned: kHi - kLo < 1,
      explainedByPublishedRate: publishedRateAbove(knowledge, cell.place, hierarchy),
    });
  }
  return {
    withheld: withheld.length,
    verdicts,
    widthBreaks: verdicts.filter((v) => v.widthBroken).map((v) => v.key),
    determinedAnswers: verdicts
      .filter((v) => v.answersDetermined && !v.explainedByPublishedRate)
      .map((v) => v.key),
    pinnedPositives: verdicts
      .filter((v) => v.positivesPinned && !v.explainedByPublishedRate)
      .map((v) => v.key),
  };
}

interface Model {
  readonly variables: number;
  readonly rows: readonly string[];
  readonly cellsOf: ReadonlyMap<string, number[]>;
}

export interface LearnerTable {
  /** Learner-level cells (organisation × site-or-none × profession) that no cell known to be empty rules out. */
  readonly fine: readonly FineCell[];
  /** For each canonical cell's key, the learner-level cells inside it. */
  readonly cellsOf: ReadonlyMap<string, number[]>;
  /** What the reader saw, by key. */
  readonly seenByKey: ReadonlyMap<string, Seen>;
}

/** The attacker's unknowns: every learner-level cell that may hold learners, and which seen cells hold it. */
export function learnerTable(knowledge: Knowledge, hierarchy: AttackHierarchy): LearnerTable {
  const seenByKey = new Map(knowledge.seen.map((s) => [placeKey(s.place), s]));
  const units: { unit: string; organisationId: string; siteId?: string; region: string }[] = [];
  for (const [organisationId, region] of hierarchy.regionOf) {
    units.push({ unit: `${organisationId}/-`, organisationId, region });
  }
  for (const [siteId, organisationId] of hierarchy.organisationOfSite) {
    const region = hierarchy.regionOf.get(organisationId);
    if (region !== undefined) units.push({ unit: siteId, organisationId, siteId, region });
  }
  const fine: FineCell[] = [];
  for (const u of units) {
    for (const [profession, learnerGroup] of hierarchy.learnerGroupOf) {
      const cell = { ...u, profession, learnerGroup };
      // A cell the reader would have seen in some table and was not shown is empty: so is everything in it.
      const empty = placesOf(cell).some((p) => !seenByKey.has(placeKey(p)) && knowledge.wouldSee(p));
      if (!empty) fine.push(cell);
    }
  }
  const cellsOf = new Map<string, number[]>();
  fine.forEach((f, i) => {
    for (const p of placesOf(f)) {
      const key = placeKey(p);
      const list = cellsOf.get(key) ?? [];
      list.push(i);
      cellsOf.set(key, list);
    }
  });
  return { fine, cellsOf, seenByKey };
}

/** One row per published or withheld cell, over the learner table's unknowns n (respondents) and k (positives). */
function buildModel(knowledge: Knowledge, hierarchy: AttackHierarchy): Model {
  const { fine, cellsOf, seenByKey } = learnerTable(knowledge, hierarchy);
  const rows: string[] = [];
  fine.forEach((_, i) => rows.push(`k${i} - n${i} <= 0`));
  for (const [key, s] of seenByKey) {
    const inside = cellsOf.get(key) ?? [];
    if (s.kind === 'PUBLISHED') {
      if (inside.length === 0) {
        if (s.n > 0) rows.push(`0 n0 = ${s.n}`);
        continue;
      }
      rows.push(`${inside.map((i) => `n${i}`).join(' + ')} = ${s.n}`);
      rows.push(`${inside.map((i) => `k${i}`).join(' + ')} = ${s.k}`);
    } else if (inside.length > 0 && !knowledge.withheldMayBeEmpty) {
      rows.push(`${inside.map((i) => `n${i}`).join(' + ')} >= 1`);
    }
  }
  for (const { place, n } of knowledge.counts ?? []) {
    const inside = cellsOf.get(placeKey(place)) ?? [];
    if (inside.length > 0) rows.push(`${inside.map((i) => `n${i}`).join(' + ')} = ${n}`);
    else if (n > 0) rows.push(`0 n0 = ${n}`);
  }
  return { variables: fine.length, rows, cellsOf };
}

function solveObjective(
  highs: Highs,
  model: Model,
  sense: 'Minimize' | 'Maximize',
  terms: readonly string[],
  integer: boolean,
): number {
  if (terms.length === 0) return 0;
  const variables = Array.from({ length: model.variables }, (_, i) => [`n${i}`, `k${i}`]).flat();
  const lp = [
    sense,
    ` obj: ${terms.join(' + ').replace(/\+ -/g, '-')}`,
    'Subject To',
    ...model.rows.map((row, i) => ` r${i}: ${row}`),
    'Bounds',
    ...variables.map((v) => ` ${v} >= 0`),
    ...(integer ? ['General', ` ${variables.join(' ')}`] : []),
    'End',
  ].join('\n');
  const solution = highs.solve(lp, { presolve: 'on' });
  if (solution.Status !== 'Optimal') {
    if (solution.Status === 'Unbounded') return sense === 'Maximize' ? Infinity : -Infinity;
    throw new Error(`the attacker's model is ${solution.Status}: the published cells contradict each other`);
  }
  return solution.ObjectiveValue;
}

/** Whether a published cell containing the place is at 0% or 100% (every member's answer is published). */
export function publishedRateAbove(knowledge: Knowledge, place: Place, hierarchy: AttackHierarchy): boolean {
  const fixed = (s: Seen): boolean => s.kind === 'PUBLISHED' && (s.k === 0 || s.k === s.n);
  if (knowledge.seen.some((s) => fixed(s) && contains(s.place, fullPlace(place, hierarchy)))) return true;
  // Member by member: each learner-level cell that may hold a member of the cell lies in a published 0% or
  // 100% cell, so every member's answer is published with their group (the inherent homogeneity limit).
  const table = tableFor(knowledge, hierarchy);
  const members = table.cellsOf.get(placeKey(place)) ?? [];
  return (
    members.length > 0 &&
    members.every((i) =>
      placesOf(table.fine[i]).some((p) => {
        const s = table.seenByKey.get(placeKey(p));
        return s !== undefined && fixed(s);
      }),
    )
  );
}

const tables = new WeakMap<Knowledge, LearnerTable>();

function tableFor(knowledge: Knowledge, hierarchy: AttackHierarchy): LearnerTable {
  let table = tables.get(knowledge);
  if (!table) {
    table = learnerTable(knowledge, hierarchy);
    tables.set(knowledge, table);
  }
  return table;
}

function fullPlace(place: Place, hierarchy: AttackHierarchy): Place {
  const organisationId =
    place.organisationId ?? (place.siteId ? hierarchy.organisationOfSite.get(place.siteId) : undefined);
  return {
    region: place.region ?? (organisationId ? hierarchy.regionOf.get(organisationId) : undefined),
    organisationId,
    siteId: place.siteId,
    learnerGroup:
      place.learnerGroup ?? (place.profession ? hierarchy.learnerGroupOf.get(place.profession) : undefined),
    profession: place.profession,
  };
}

function contains(outer: Place, inner: Place): boolean {
  return (Object.keys(outer) as (keyof Place)[]).every(
    (d) => outer[d] === undefined || outer[d] === inner[d],
  );
}
