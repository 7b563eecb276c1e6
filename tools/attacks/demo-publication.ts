// What the analytics service publishes of one cycle of the demo dataset, computed as its release does
// (one pattern per series over all its canonical cells; measures on one question share a pattern; a
// follow-up inherits its parent's withheld cells) and read back through the engine's `publishCell` only.
// This is the system under attack; the attacker (./fast-attacker) sees only the resulting `Seen` cells.
import {
  canonicalCellsOf,
  cellKey,
  computeSharedSuppression,
  computeSuppression,
  inheritSuppression,
  publishCell,
  type CounterCell,
  type FineCounter,
  type Hierarchy,
  type SuppressionPattern,
} from '@nets/analytics/domain';
import type { SeriesDefinition } from './demo-counters';
import { placeKey, type AttackHierarchy, type Place, type Seen } from './lp-attacker';

export interface PublishedSeries {
  readonly series: string;
  readonly seen: readonly Seen[];
  /** Attacker keys of the cells the engine lists as inherent count disclosures. */
  readonly inherent: ReadonlySet<string>;
  /** Attacker keys of the non-empty cells below the minimum (the truth, for judging pinned positives). */
  readonly small: ReadonlySet<string>;
}

/** The hierarchy the service builds from the counters of a series (organisations with respondents only). */
function hierarchyOf(fine: readonly FineCounter[], public_: AttackHierarchy): Hierarchy {
  const regionOfOrganisation = new Map<string, string>();
  const organisationOfSite = new Map<string, string>();
  const learnerGroupOfProfession = new Map<string, string>();
  for (const f of fine) {
    if (f.respondents === 0) continue;
    regionOfOrganisation.set(f.organisationId, public_.regionOf.get(f.organisationId) as string);
    if (f.siteId) organisationOfSite.set(f.siteId, f.organisationId);
    learnerGroupOfProfession.set(f.profession, public_.learnerGroupOf.get(f.profession) as string);
  }
  return { regionOfOrganisation, organisationOfSite, learnerGroupOfProfession };
}

export function publishCycle(
  bySeries: ReadonlyMap<string, readonly FineCounter[]>,
  definitions: readonly SeriesDefinition[],
  public_: AttackHierarchy,
): Map<string, PublishedSeries> {
  const patterns = new Map<string, SuppressionPattern>();
  const cellsOf = new Map<string, CounterCell[]>();
  const present = definitions.filter((d) => bySeries.has(d.series));
  for (const d of present) {
    const fine = bySeries.get(d.series) as FineCounter[];
    cellsOf.set(d.series, canonicalCellsOf(fine, hierarchyOf(fine, public_)));
  }
  const own = (d: SeriesDefinition): SuppressionPattern => {
    const fine = bySeries.get(d.series) as FineCounter[];
    const siblings = present.filter((s) => s.isMeasure && d.isMeasure && s.questionCode === d.questionCode);
    if (siblings.length <= 1) {
      return computeSuppression(cellsOf.get(d.series) as CounterCell[], hierarchyOf(fine, public_), { fine });
    }
    const group = [d, ...siblings.filter((s) => s.series !== d.series)];
    const allFine = group.flatMap((s) => bySeries.get(s.series) as FineCounter[]);
    const inputs = group.map((s) => ({
      cells: cellsOf.get(s.series) as CounterCell[],
      fine: bySeries.get(s.series) as FineCounter[],
    }));
    return computeSharedSuppression(inputs, hierarchyOf(allFine, public_))[0];
  };
  const patternOf = (d: SeriesDefinition): SuppressionPattern => {
    const done = patterns.get(d.series);
    if (done) return done;
    const parent =
      d.parentSeries && d.parentSeries !== d.series
        ? present.find((p) => p.series === d.parentSeries)
        : undefined;
    const pattern = parent ? inheritSuppression(own(d), patternOf(parent)) : own(d);
    patterns.set(d.series, pattern);
    return pattern;
  };

  const published = new Map<string, PublishedSeries>();
  for (const d of present) {
    const pattern = patternOf(d);
    const counters = new Map(
      (cellsOf.get(d.series) as CounterCell[]).map((c) => [cellKey(c.coordinates), c]),
    );
    const seen: Seen[] = [];
    const inherent = new Set<string>();
    const small = new Set<string>();
    const engineInherent = new Set(pattern.inherentCountDisclosures);
    for (const [key, entry] of pattern.entries) {
      // The attacker reads the nine tables it models; the tables by education provider are not attacked yet.
      if (entry.scope.educationProviderId !== undefined) continue;
      const cell = counters.get(key) ?? { coordinates: entry.coordinates, respondents: 0, positive: 0 };
      const view = publishCell(cell, pattern);
      const place = view.coordinates as Place;
      const attackerKey = placeKey(place);
      if (engineInherent.has(key)) inherent.add(attackerKey);
      if (cell.respondents > 0 && cell.respondents < pattern.minCellSize) small.add(attackerKey);
      if (view.suppressed) seen.push({ kind: 'WITHHELD', place });
      else if (!view.noData) seen.push({ kind: 'PUBLISHED', place, n: view.respondents, k: view.positive });
    }
    published.set(d.series, { series: d.series, seen, inherent, small });
  }
  return published;
}
