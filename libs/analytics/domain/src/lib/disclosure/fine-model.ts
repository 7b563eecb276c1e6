import { EDUCATION_REMAINDER_PREFIX, SITE_REMAINDER_PREFIX, type DisclosureModel } from './disclosure-model';
import { canonicalKeysOf, educationProviderOf, siteOf, type FineCounter } from './fine-counters';
import { assertConsistent, type Hierarchy } from './hierarchy';

/**
 * The fine table (organisation × site-or-no-site × education-provider-or-none × profession) of one
 * (cycle, measure), linked to the nodes of the disclosure model each fine cell lies in. Units (a site or
 * an organisation's "no site", crossed with an education provider or "none"),
 * organisations, regions and professions are small integer ids. Empty fine cells are added on demand
 * when a move would put learners there (only where every cell above them is non-empty: zero cells stay
 * zero). The partner indexes hold the non-empty cells only, largest first, built once.
 */
export interface FineModel {
  readonly n: number[];
  readonly k: number[];
  readonly unit: number[];
  readonly organisation: number[];
  readonly region: number[];
  readonly profession: number[];
  /** The site (or an organisation's "no site") and the education provider (or "none") of each fine cell's unit. */
  readonly site: number[];
  readonly education: number[];
  /** The unit of a site and an education provider, −1 where no fine cell has it. */
  readonly unitAt: (site: number, education: number) => number;
  /** Model nodes containing each fine cell (its canonical cells and, without a site or education provider, its remainders). */
  readonly nodesOf: (readonly number[])[];
  /** Non-empty fine cells inside each model node. */
  readonly finesOf: readonly (readonly number[])[];
  readonly index: PartnerIndex;
  /** The fine cell of a unit and profession, created empty if need be; −1 where it must stay empty. */
  readonly cellAt: (unit: number, profession: number) => number;
}

/** Non-empty fine cells grouped for the partner search, each list sorted largest first. */
export interface PartnerIndex {
  readonly all: readonly number[];
  readonly byUnit: ReadonlyMap<number, readonly number[]>;
  readonly byOrganisation: ReadonlyMap<number, readonly number[]>;
  readonly byRegion: ReadonlyMap<number, readonly number[]>;
  readonly byProfession: ReadonlyMap<number, readonly number[]>;
  /** Keyed by `profession * organisations + organisation` and `profession * regions + region`. */
  readonly byProfessionOrganisation: ReadonlyMap<number, readonly number[]>;
  readonly byProfessionRegion: ReadonlyMap<number, readonly number[]>;
  readonly organisations: number;
  readonly regions: number;
}

/** Professions per unit in the build-time key of a fine cell (far more than any hierarchy has). */
const UNIT_STRIDE = 1_000_003;
const NO_SITE = '\u0000';

class Ids {
  private readonly ids = new Map<string, number>();
  of(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(name, id);
    }
    return id;
  }
  get size(): number {
    return this.ids.size;
  }
}

export function buildFineModel(
  model: DisclosureModel,
  fine: readonly FineCounter[],
  hierarchy: Hierarchy,
): FineModel {
  const problems: string[] = [];
  const merged = new Map<string, { cell: FineCounter; n: number; k: number }>();
  for (const cell of fine) {
    if (cell.respondents === 0) continue;
    const key = `${cell.organisationId}\u0000${siteOf(cell) ?? ''}\u0000${cell.profession}\u0000${educationProviderOf(cell) ?? ''}`;
    const entry = merged.get(key);
    if (entry) {
      entry.n += cell.respondents;
      entry.k += cell.positive;
    } else merged.set(key, { cell, n: cell.respondents, k: cell.positive });
  }
  const n: number[] = [];
  const k: number[] = [];
  const unit: number[] = [];
  const organisation: number[] = [];
  const region: number[] = [];
  const profession: number[] = [];
  const site: number[] = [];
  const education: number[] = [];
  const siteIds = new Ids();
  const educationIds = new Ids();
  const unitBySiteEducation = new Map<string, number>();
  const nodesOf: number[][] = [];
  const finesOf: number[][] = model.nodes.map(() => []);
  const unitIds = new Ids();
  const organisationIds = new Ids();
  const regionIds = new Ids();
  const professionIds = new Ids();
  const professionNames: string[] = [];
  const cellOfUnitProfession = new Map<number, number>();
  const ownerOfUnit = new Map<
    number,
    { organisationId: string; siteId?: string; educationProviderId?: string }
  >();
  // Every organisation and region gets its id first, so the composite keys below stay unique.
  for (const organisationId of hierarchyKeys(hierarchy.regionOfOrganisation))
    organisationIds.of(organisationId);
  for (const { cell } of merged.values()) organisationIds.of(cell.organisationId);

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
    const organisationKey = model.nodes[nodes[4]].key;
    if (siteOf(cell) === undefined) {
      const remainder = model.indexByKey.get(`${SITE_REMAINDER_PREFIX}${organisationKey}`);
      if (remainder === undefined) {
        report.push(`${cell.organisationId}: learners without a site but no remainder`);
        return undefined;
      }
      nodes.push(remainder);
    }
    if (educationProviderOf(cell) === undefined) {
      const remainder = model.indexByKey.get(`${EDUCATION_REMAINDER_PREFIX}${organisationKey}`);
      if (remainder === undefined) {
        report.push(`${cell.organisationId}: learners without an education provider but no remainder`);
        return undefined;
      }
      nodes.push(remainder);
    }
    return nodes;
  };

  const unitKey = (u: number, p: number): number => u * UNIT_STRIDE + p;
  const addCell = (cell: FineCounter, nodes: number[], cn: number, ck: number): number => {
    const j = n.length;
    const siteId = siteOf(cell);
    const educationProviderId = educationProviderOf(cell);
    const siteKey = siteId ?? `${NO_SITE}${cell.organisationId}`;
    const u = unitIds.of(`${siteKey}${NO_SITE}${educationProviderId ?? ''}`);
    const s = siteIds.of(siteKey);
    const e = educationIds.of(educationProviderId ?? '');
    unitBySiteEducation.set(`${s}|${e}`, u);
    const p = professionIds.of(cell.profession);
    professionNames[p] = cell.profession;
    n.push(cn);
    k.push(ck);
    unit.push(u);
    organisation.push(organisationIds.of(cell.organisationId));
    region.push(regionIds.of(model.nodes[nodes[1]].scope.region ?? ''));
    profession.push(p);
    site.push(s);
    education.push(e);
    nodesOf.push(nodes);
    ownerOfUnit.set(u, { organisationId: cell.organisationId, siteId, educationProviderId });
    if (cn > 0) for (const node of nodes) finesOf[node].push(j);
    cellOfUnitProfession.set(unitKey(u, p), j);
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

  const index = buildPartnerIndex(
    n,
    unit,
    organisation,
    region,
    profession,
    organisationIds.size,
    regionIds.size,
  );

  // Every unit and profession has its id by now (empty cells are only made for known ones): a flat
  // table of the fine cell at each, −2 where not looked up yet.
  const professions = professionIds.size;
  const cellTable = new Int32Array(unitIds.size * professions).fill(-2);
  for (const [key, j] of cellOfUnitProfession)
    cellTable[Math.floor(key / UNIT_STRIDE) * professions + (key % UNIT_STRIDE)] = j;
  const cellAt = (u: number, p: number): number => {
    const slot = u * professions + p;
    const existing = cellTable[slot];
    if (existing !== -2) return existing;
    const owner = ownerOfUnit.get(u);
    const cell = owner && { ...owner, profession: professionNames[p], respondents: 0, positive: 0 };
    const nodes = cell && nodesFor(cell, []);
    cellTable[slot] = cell && nodes ? addCell(cell, nodes, 0, 0) : -1;
    return cellTable[slot];
  };
  const unitAt = (s: number, e: number): number => unitBySiteEducation.get(`${s}|${e}`) ?? -1;
  return {
    n,
    k,
    unit,
    organisation,
    region,
    profession,
    site,
    education,
    unitAt,
    nodesOf,
    finesOf,
    index,
    cellAt,
  };
}

function hierarchyKeys(lookup: Hierarchy['regionOfOrganisation']): string[] {
  return lookup instanceof Map ? [...(lookup as ReadonlyMap<string, string>).keys()] : Object.keys(lookup);
}

function buildPartnerIndex(
  n: readonly number[],
  unit: readonly number[],
  organisation: readonly number[],
  region: readonly number[],
  profession: readonly number[],
  organisations: number,
  regions: number,
): PartnerIndex {
  const all = n.map((_, j) => j).filter((j) => n[j] > 0);
  all.sort((a, b) => n[b] - n[a] || a - b);
  const group = (keyOf: (j: number) => number): Map<number, number[]> => {
    const map = new Map<number, number[]>();
    for (const j of all) {
      const key = keyOf(j);
      const list = map.get(key);
      if (list) list.push(j);
      else map.set(key, [j]);
    }
    return map;
  };
  return {
    all,
    byUnit: group((j) => unit[j]),
    byOrganisation: group((j) => organisation[j]),
    byRegion: group((j) => region[j]),
    byProfession: group((j) => profession[j]),
    byProfessionOrganisation: group((j) => profession[j] * organisations + organisation[j]),
    byProfessionRegion: group((j) => profession[j] * regions + region[j]),
    organisations,
    regions,
  };
}
