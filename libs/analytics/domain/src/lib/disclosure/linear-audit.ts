import type { DisclosureModel } from './disclosure-model';
import { determinedColumns, type SparseRow } from './integer-elimination';

/** Results per connected component of unknowns, keyed by the component's unknown set; valid across rounds. */
export type LinearAuditCache = Map<string, readonly number[]>;

interface Term {
  readonly node: number;
  readonly coefficient: bigint;
}

function find(parent: Int32Array, x: number): number {
  let root = x;
  while (parent[root] !== root) root = parent[root];
  while (parent[x] !== root) {
    const next = parent[x];
    parent[x] = root;
    x = next;
  }
  return root;
}

/**
 * Nodes whose value follows exactly from the published values through the additive relations.
 *
 * Unknowns are only the nodes flagged in `unknown`; every other node is a published constant, so each
 * relation `total − Σ parts = 0` becomes a sparse row over the unknowns. Only covering relations are
 * used: they span all the others, so the row space (and the answer) is the same with fewer rows.
 * Unknowns split into independent components; each is eliminated exactly and cached by its unknown set
 * (a component's rows depend on nothing else).
 */
export function findLinearlyDetermined(
  model: DisclosureModel,
  unknown: Uint8Array,
  cache: LinearAuditCache = new Map(),
): number[] {
  const parent = new Int32Array(model.nodes.length);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const rows: Term[][] = [];
  for (const relation of model.relations) {
    if (!relation.covering) continue;
    const terms: Term[] = [];
    if (unknown[relation.total] === 1) terms.push({ node: relation.total, coefficient: 1n });
    for (const p of relation.parts) if (unknown[p] === 1) terms.push({ node: p, coefficient: -1n });
    if (terms.length === 0) continue;
    for (const t of terms) {
      const a = find(parent, terms[0].node);
      const b = find(parent, t.node);
      if (a !== b) parent[a] = b;
    }
    rows.push(terms);
  }

  const rowsByComponent = new Map<number, Term[][]>();
  for (const terms of rows) {
    const root = find(parent, terms[0].node);
    const list = rowsByComponent.get(root);
    if (list) list.push(terms);
    else rowsByComponent.set(root, [terms]);
  }

  const determined: number[] = [];
  for (const componentRows of rowsByComponent.values()) {
    const unknowns = [...new Set(componentRows.flatMap((terms) => terms.map((t) => t.node)))].sort(
      (a, b) => a - b,
    );
    const signature = unknowns.join(',');
    const cached = cache.get(signature);
    if (cached) {
      determined.push(...cached);
      continue;
    }
    const column = new Map(unknowns.map((node, i) => [node, i]));
    const sparse: SparseRow[] = componentRows.map((terms) => {
      const entries = terms.map((t) => [column.get(t.node) as number, t.coefficient] as const);
      entries.sort((x, y) => x[0] - y[0]);
      return { cols: entries.map(([c]) => c), vals: entries.map(([, v]) => v) };
    });
    const result = determinedColumns(unknowns.length, sparse);
    const found = unknowns.filter((_, i) => result[i]);
    cache.set(signature, found);
    determined.push(...found);
  }
  return determined;
}
