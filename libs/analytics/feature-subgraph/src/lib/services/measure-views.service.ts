import type { UnitOfWork } from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import type { RollupRepository } from '@nets/analytics/data-access';
import {
  buildMeasureView,
  canonicalCells,
  canonicalReasonCounts,
  computeSharedSuppression,
  measureRowsOf,
  measuresOf,
  mergeHierarchies,
  yearDefinitionsOf,
  type CanonicalTableId,
  type CellFilter,
  type CounterCell,
  type CounterDelta,
  type CycleView,
  type MeasurePlan,
  type MeasureResultView,
  type MeasureView,
  type SuppressionPattern,
  type YearDefinitions,
} from '@nets/analytics/domain';
import type { ReleaseService } from './release.service';

export interface CachedView {
  view: MeasureView;
  reasonCounts?: Map<string, Map<string, number>>;
  /** Answers already computed from this view, by table and filter (a view never changes once built). */
  rows: Map<string, MeasureResultView[]>;
}

/** Distinct (table, filter) answers kept per view: enough for dashboards, bounded against odd filters. */
const MAX_CACHED_ANSWERS = 256;

/**
 * The views every results question reads: one suppression pattern per (cycle, series), computed over all
 * its canonical cells when its counters change, cached by version, and the cycle's definitions (measures and
 * reason questions) from the questionnaire replicas. Only released cycles are read (`ReleaseService`).
 */
export class MeasureViewsService {
  private readonly views = new Map<string, Promise<CachedView>>();
  private readonly definitions = new Map<number, { version: string; definitions: YearDefinitions }>();

  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly rollups: RollupRepository,
    private readonly replicas: ReplicaRepository,
    private readonly minCellSize: number,
    readonly releases: Pick<ReleaseService, 'isReleased' | 'releasedYears'>,
  ) {}

  /** The current view of a (cycle, series), rebuilt when its counters changed. For the publisher too. */
  async view(year: number, series: string, definitions?: YearDefinitions): Promise<CachedView | undefined> {
    return (await this.viewsOf(year, [series], definitions)).get(series);
  }

  /** The current views of several series of a cycle, with one version lookup. */
  async viewsOf(
    year: number,
    series: readonly string[],
    definitions?: YearDefinitions,
  ): Promise<Map<string, CachedView>> {
    const versions = await this.rollups.versions(this.unitOfWork.reads, year, series);
    const views = new Map<string, CachedView>();
    for (const version of versions) {
      views.set(version.series, await this.viewAt(year, version.series, version.version, definitions));
    }
    return views;
  }

  /**
   * Builds every released cycle's views not built yet (a released cycle's counters never change, so each is
   * built once), or only `onlyYear`'s (the release, before it answers), so the first reads find them warm.
   */
  async warm(onlyYear?: number): Promise<number> {
    let rebuilt = 0;
    const all = await this.rollups.seriesOf(this.unitOfWork.reads);
    const released = await this.releases.releasedYears();
    const wanted = (year: number) => (onlyYear === undefined ? released.has(year) : year === onlyYear);
    // Latest cycle first: it is the one dashboards open.
    for (const series of all.filter((s) => wanted(s.year)).sort((a, b) => b.year - a.year)) {
      const cached = await this.views.get(`${series.year}|${series.series}`)?.catch(() => undefined);
      if (cached?.view.version === series.version) continue;
      await this.viewAt(series.year, series.series, series.version);
      rebuilt += 1;
    }
    return rebuilt;
  }

  async yearDefinitions(year: number): Promise<YearDefinitions> {
    const ids = await this.replicas.questionnaireIdsForYear(this.unitOfWork.reads, year);
    const version = ids.join(',');
    const cached = this.definitions.get(year);
    if (cached && cached.version === version) return cached.definitions;
    const definitions = yearDefinitionsOf(
      await this.replicas.questionnairesForYear(this.unitOfWork.reads, year),
    );
    this.definitions.set(year, { version, definitions });
    return definitions;
  }

  /** A released cycle's definitions and the views of the measures asked for; undefined when not released. */
  async releasedMeasureViews(
    year: number,
    measureKeys: readonly string[] | null | undefined,
  ): Promise<{ measures: MeasurePlan[]; views: Map<string, CachedView> } | undefined> {
    const definitions = await this.yearDefinitions(year);
    const measures = measuresOf(definitions, measureKeys);
    if (!(await this.releases.isReleased(year))) return undefined;
    const views = await this.viewsOf(
      year,
      measures.map((m) => m.key),
      definitions,
    );
    return { measures, views };
  }

  /** The released cycles that have the series. */
  async releasedYearsOf(series: string): Promise<number[]> {
    const all = await this.rollups.seriesOf(this.unitOfWork.reads);
    const released = await this.releases.releasedYears();
    return all.filter((s) => s.series === series && released.has(s.year)).map((s) => s.year);
  }

  /**
   * Each measure's views in every released cycle up to `year`, latest first: read once per request (or
   * publication), so persistent risk costs no query per flagged unit.
   */
  async historyUpTo(year: number, measureKeys: readonly string[]): Promise<Map<string, CycleView[]>> {
    const released = await this.releases.releasedYears();
    const years = [
      ...new Set(
        (await this.rollups.seriesOf(this.unitOfWork.reads))
          .filter((s) => s.year <= year && released.has(s.year))
          .map((s) => s.year),
      ),
    ].sort((a, b) => b - a);
    const history = new Map<string, CycleView[]>();
    for (const cycle of years) {
      for (const [series, cached] of await this.viewsOf(cycle, measureKeys)) {
        history.set(series, [...(history.get(series) ?? []), { year: cycle, view: cached.view }]);
      }
    }
    return history;
  }

  /** A measure's rows of one table and filter, computed once per view. */
  rowsOf(
    cached: CachedView,
    measure: MeasurePlan,
    table: CanonicalTableId,
    where: CellFilter,
  ): MeasureResultView[] {
    const key = `${measure.key}|${measure.title}|${table}|${JSON.stringify(where)}`;
    const hit = cached.rows.get(key);
    if (hit) return hit;
    const rows = measureRowsOf(cached.view, measure, table, where);
    if (cached.rows.size >= MAX_CACHED_ANSWERS) cached.rows.clear();
    cached.rows.set(key, rows);
    return rows;
  }

  private async viewAt(
    year: number,
    series: string,
    version: number,
    definitions?: YearDefinitions,
  ): Promise<CachedView> {
    const cacheKey = `${year}|${series}`;
    const cached = this.views.get(cacheKey);
    if (cached) {
      const current = await cached.catch(() => undefined);
      // A view built from counters newer than the version it read is as good: reads never go backwards.
      if (current && current.view.version >= version) return current;
    }
    const defs = definitions ?? (await this.yearDefinitions(year));
    const building = this.buildView(year, series, version, defs);
    this.views.set(cacheKey, building);
    building.catch(() => this.views.delete(cacheKey));
    return building;
  }

  private async buildView(
    year: number,
    series: string,
    version: number,
    definitions: YearDefinitions,
  ): Promise<CachedView> {
    const reads = this.unitOfWork.reads;
    const rows = await this.rollups.counters(reads, year, series);
    const { cells, hierarchy } = canonicalCells(rows);
    const measure = definitions.measures.get(series);
    const reasonCode = series.startsWith('reason:') ? series.slice('reason:'.length) : undefined;
    const parentKey =
      measure?.parentMeasureKey ??
      (reasonCode ? definitions.reasons.get(reasonCode)?.parentMeasureKey : undefined);
    const parent =
      parentKey && parentKey !== series ? await this.view(year, parentKey, definitions) : undefined;
    const view = buildMeasureView({
      year,
      series,
      version,
      cells,
      fine: rows,
      hierarchy,
      minCellSize: this.minCellSize,
      polarity: measure?.polarity,
      parentPattern: parent?.view.pattern,
      pattern: measure ? await this.sharedPattern(year, measure, definitions, { cells, rows }) : undefined,
    });
    const reasonCounts = reasonCode
      ? canonicalReasonCounts(await this.rollups.reasons(reads, year, reasonCode))
      : undefined;
    return { view, reasonCounts, rows: new Map() };
  }

  /**
   * Measures on one question (the workload measures) have the same respondents in every cell, so they
   * must withhold the same cells: their pattern is computed jointly. Undefined for a measure alone on its
   * question (its view computes its own).
   */
  private async sharedPattern(
    year: number,
    measure: MeasurePlan,
    definitions: YearDefinitions,
    own: { cells: CounterCell[]; rows: CounterDelta[] },
  ): Promise<SuppressionPattern | undefined> {
    const siblings = [...definitions.measures.values()].filter(
      (m) => m.questionCode === measure.questionCode && m.key !== measure.key,
    );
    if (siblings.length === 0) return undefined;
    const inputs = [{ cells: own.cells, fine: own.rows }];
    let hierarchy = canonicalCells(own.rows).hierarchy;
    for (const sibling of siblings) {
      const rows = await this.rollups.counters(this.unitOfWork.reads, year, sibling.key);
      const canonical = canonicalCells(rows);
      inputs.push({ cells: canonical.cells, fine: rows });
      hierarchy = mergeHierarchies(hierarchy, canonical.hierarchy);
    }
    return computeSharedSuppression(inputs, hierarchy, { minCellSize: this.minCellSize })[0];
  }
}
