import type { DataSource, EntityManager } from 'typeorm';
import {
  NonCanonicalQueryError,
  PUBLISHED_SUPPRESSION_REASON,
  cellKey,
  computeSharedSuppression,
  type CounterCell,
  type Hierarchy,
  type SuppressionPattern,
  selectCells,
  type CanonicalTableId,
  type CellFilter,
  type Flag,
  type PublishedCell,
} from '@nets/analytics/domain';
import type { CounterDelta, RollupRepository } from '@nets/analytics/data-access';
import { canReadOrganisation, type Identity, type Region } from '@nets/shared/auth';
import { transactionOf } from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import { BadUserInputError, ForbiddenError } from '@nets/shared/util-errors';
import {
  canonicalCells,
  canonicalReasonCounts,
  SUPPORTED_GROUPINGS,
  tableForGrouping,
  type GroupByDimension,
} from '../domain/canonical-cells';
import {
  foldPlanOf,
  reasonSeries,
  RESPONSES_SERIES,
  type MeasurePlan,
  type ReasonPlan,
} from '../domain/fold-plan';
import { buildMeasureView, type MeasureView } from '../domain/measure-view';
import { persistenceIn, type CycleView } from '../domain/persistence';
import type {
  MeasureResultView,
  NationalSummaryView,
  QualityFlagView,
  ReasonRankingView,
  ResultGroupView,
  ResultsFilterInput,
} from './results.models';
import { scopeFilter } from './reader-scope';
import type { ReleaseService } from './release.service';

interface CachedView {
  view: MeasureView;
  reasonCounts?: Map<string, Map<string, number>>;
  /** Answers already computed from this view, by table and filter (a view never changes once built). */
  rows: Map<string, MeasureResultView[]>;
}

/** Distinct (table, filter) answers kept per view: enough for dashboards, bounded against odd filters. */
const MAX_CACHED_ANSWERS = 256;

interface YearDefinitions {
  measures: Map<string, MeasurePlan>;
  reasons: Map<string, ReasonPlan>;
}

const MAX_TREND_YEARS = 20;

export function toCellFilter(filter: ResultsFilterInput | null | undefined): CellFilter {
  const where: Record<string, readonly string[]> = {};
  const put = (d: string, values: readonly string[] | null | undefined) => {
    if (values && values.length > 0) where[d] = values;
  };
  put('region', filter?.regions);
  put('learnerGroup', filter?.learnerGroups);
  put('profession', filter?.professions);
  put('organisationId', filter?.organisationIds);
  put('siteId', filter?.siteIds);
  return where;
}

/**
 * Reads results through the confidentiality engine: one suppression pattern per (cycle, series), computed
 * over all its canonical cells when its counters change, cached by version; every answer is a selection of
 * published cells (`selectCells`/`publishCell`/`publishGroup`), scoped to the reader. Only released
 * cycles are read (`ReleaseService`): an unreleased cycle answers with no rows.
 */
export class ResultsService {
  private readonly views = new Map<string, Promise<CachedView>>();
  private readonly definitions = new Map<number, { version: string; definitions: YearDefinitions }>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly rollups: RollupRepository,
    private readonly replicas: ReplicaRepository,
    private readonly minCellSize: number,
    private readonly releases: Pick<ReleaseService, 'isReleased' | 'releasedYears'>,
  ) {}

  async measureResults(
    identity: Identity,
    year: number,
    measureKeys: readonly string[] | null | undefined,
    filter: ResultsFilterInput | null | undefined,
    groupBy: readonly GroupByDimension[] | null | undefined,
  ): Promise<MeasureResultView[]> {
    const table = this.tableOf(groupBy);
    const where = scopeFilter(identity, table, toCellFilter(filter));
    const released = await this.releasedMeasureViews(year, measureKeys);
    if (!released) return [];
    const { measures, views } = released;
    const rows: MeasureResultView[] = [];
    for (const measure of measures) {
      const cached = views.get(measure.key);
      if (cached) rows.push(...this.cachedRowsOf(cached, measure, table, where));
    }
    return rows;
  }

  async measureTrend(
    identity: Identity,
    measureKey: string,
    fromYear: number,
    toYear: number,
    filter: ResultsFilterInput | null | undefined,
    groupBy: readonly GroupByDimension[] | null | undefined,
  ): Promise<MeasureResultView[]> {
    if (toYear < fromYear || toYear - fromYear > MAX_TREND_YEARS) {
      throw new BadUserInputError(
        `fromYear..toYear must be an ascending span of at most ${MAX_TREND_YEARS} years.`,
        [{ path: 'toYear', message: 'out of range' }],
      );
    }
    const table = this.tableOf(groupBy);
    const where = scopeFilter(identity, table, toCellFilter(filter));
    const years = await this.yearsOf(measureKey);
    const rows: MeasureResultView[] = [];
    // Each year is published under its own pattern: nothing is pooled across cycles.
    for (const year of years.filter((y) => y >= fromYear && y <= toYear)) {
      const definitions = await this.yearDefinitions(year);
      const measure = definitions.measures.get(measureKey);
      const cached = measure ? await this.view(year, measureKey, definitions) : undefined;
      if (measure && cached) rows.push(...this.cachedRowsOf(cached, measure, table, where));
    }
    return rows;
  }

  async reasonRanking(
    identity: Identity,
    year: number,
    questionCode: string,
    filter: ResultsFilterInput | null | undefined,
    groupBy: readonly GroupByDimension[] | null | undefined,
  ): Promise<ReasonRankingView[]> {
    const table = this.tableOf(groupBy);
    const where = scopeFilter(identity, table, toCellFilter(filter));
    const definitions = await this.yearDefinitions(year);
    const reason = definitions.reasons.get(questionCode);
    if (!reason) {
      throw new BadUserInputError(`${questionCode} is not a reason question of the ${year} questionnaire.`, [
        { path: 'questionCode', message: 'unknown reason question' },
      ]);
    }
    if (!(await this.releases.isReleased(year))) return [];
    const cached = await this.view(year, reasonSeries(questionCode), definitions);
    if (!cached) return [];
    return this.select(cached.view, table, where).map((key) => this.rankingOf(cached, reason, year, key));
  }

  async qualityFlags(
    identity: Identity,
    year: number,
    filter: ResultsFilterInput | null | undefined,
    flags: readonly Flag[] | null | undefined,
    measureKeys?: readonly string[] | null,
  ): Promise<QualityFlagView[]> {
    const wanted = new Set<Flag>(flags && flags.length > 0 ? flags : ['RED', 'GREEN']);
    const base = toCellFilter(filter);
    const byLearnerGroup = base.learnerGroup !== undefined || base.profession !== undefined;
    const tables: CanonicalTableId[] = byLearnerGroup
      ? ['ORGANISATION_BY_LEARNER_GROUP']
      : ['ORGANISATION', 'ORGANISATION_BY_LEARNER_GROUP'];
    const released = await this.releasedMeasureViews(year, measureKeys);
    if (!released) return [];
    const { measures, views } = released;
    const history = wanted.has('RED')
      ? await this.historyUpTo(
          year,
          measures.map((m) => m.key),
        )
      : new Map<string, CycleView[]>();
    const result: QualityFlagView[] = [];
    for (const measure of measures) {
      const cached = views.get(measure.key);
      if (!cached) continue;
      for (const table of tables) {
        const where = scopeFilter(identity, table, base);
        for (const row of this.cachedRowsOf(cached, measure, table, where)) {
          if (!row.flag || !wanted.has(row.flag)) continue;
          const risk =
            row.flag === 'RED'
              ? persistenceIn(history.get(measure.key) ?? [], keyOfGroup(row.group))
              : undefined;
          result.push({
            ...row,
            persistent: risk?.persistent ?? false,
            consecutiveRedYears: risk?.consecutive ?? 0,
          });
        }
      }
    }
    return result;
  }

  async nationalSummary(identity: Identity, year: number): Promise<NationalSummaryView> {
    const definitions = await this.yearDefinitions(year);
    if (!(await this.releases.isReleased(year))) {
      return { year, released: false, respondents: null, measures: [], reasons: [] };
    }
    const responses = await this.view(year, RESPONSES_SERIES, definitions);
    const national = responses?.view.published.get('national');
    const measures = await this.measureResults(identity, year, null, null, []);
    const reasons: ReasonRankingView[] = [];
    for (const reason of definitions.reasons.values()) {
      const cached = await this.view(year, reasonSeries(reason.questionCode), definitions);
      if (cached) reasons.push({ ...this.rankingOf(cached, reason, year, 'national') });
    }
    return {
      year,
      released: true,
      respondents: national && !national.suppressed && !national.noData ? national.respondents : null,
      measures,
      reasons: reasons.map((r) => ({ ...r, reasons: r.reasons.slice(0, 5) })),
    };
  }

  /** An organisation's results on every measure of the year, for readers scoped to it. */
  async organisationResults(
    identity: Identity,
    organisationId: string,
    year: number,
    measureKeys?: readonly string[] | null,
  ): Promise<MeasureResultView[]> {
    const organisation = await this.replicas.organisation(
      transactionOf(this.dataSource.manager),
      organisationId,
    );
    const scoped = { id: organisationId, region: (organisation?.region ?? '') as Region };
    if (!canReadOrganisation(identity, scoped)) {
      throw new ForbiddenError('You may only see organisations within your scope.');
    }
    return this.measureResults(identity, year, measureKeys, { organisationIds: [organisationId] }, [
      'ORGANISATION',
    ]);
  }

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
    const versions = await this.rollups.versions(this.dataSource.manager, year, series);
    const views = new Map<string, CachedView>();
    for (const version of versions) {
      views.set(version.series, await this.viewAt(year, version.series, version.version, definitions));
    }
    return views;
  }

  /**
   * Builds, off the request path, every released cycle's views not built yet (a released cycle's counters
   * never change, so each is built once), so the first reads after a release find them warm.
   */
  async warm(): Promise<number> {
    let rebuilt = 0;
    const all = await this.rollups.seriesOf(this.dataSource.manager);
    const released = await this.releases.releasedYears();
    // Latest cycle first: it is the one dashboards open.
    for (const series of all.filter((s) => released.has(s.year)).sort((a, b) => b.year - a.year)) {
      const cached = await this.views.get(`${series.year}|${series.series}`)?.catch(() => undefined);
      if (cached?.view.version === series.version) continue;
      await this.viewAt(series.year, series.series, series.version);
      rebuilt += 1;
    }
    return rebuilt;
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

  async yearDefinitions(year: number): Promise<YearDefinitions> {
    const ids = await this.replicas.questionnaireIdsForYear(transactionOf(this.dataSource.manager), year);
    const version = ids.join(',');
    const cached = this.definitions.get(year);
    if (cached && cached.version === version) return cached.definitions;
    const questionnaires = await this.replicas.questionnairesForYear(
      transactionOf(this.dataSource.manager),
      year,
    );
    const definitions: YearDefinitions = { measures: new Map(), reasons: new Map() };
    // Later versions win: a measure's definition is the latest published for the cycle.
    for (const questionnaire of questionnaires) {
      const plan = foldPlanOf(questionnaire);
      for (const measure of plan.measures) definitions.measures.set(measure.key, measure);
      for (const reason of plan.reasons) definitions.reasons.set(reason.questionCode, reason);
    }
    this.definitions.set(year, { version, definitions });
    return definitions;
  }

  private async buildView(
    year: number,
    series: string,
    version: number,
    definitions: YearDefinitions,
  ): Promise<CachedView> {
    const manager: EntityManager = this.dataSource.manager;
    const rows = await this.rollups.counters(manager, year, series);
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
      ? canonicalReasonCounts(await this.rollups.reasons(manager, year, reasonCode))
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
      const rows = await this.rollups.counters(this.dataSource.manager, year, sibling.key);
      const canonical = canonicalCells(rows);
      inputs.push({ cells: canonical.cells, fine: rows });
      hierarchy = mergeHierarchies(hierarchy, canonical.hierarchy);
    }
    return computeSharedSuppression(inputs, hierarchy, { minCellSize: this.minCellSize })[0];
  }

  private tableOf(groupBy: readonly GroupByDimension[] | null | undefined): CanonicalTableId {
    const table = tableForGrouping(groupBy ?? []);
    if (!table) {
      throw new BadUserInputError(
        `groupBy [${(groupBy ?? []).join(', ')}] is not a published table; use one of ${SUPPORTED_GROUPINGS.join(' ')}.`,
        [{ path: 'groupBy', message: 'unsupported combination' }],
      );
    }
    return table;
  }

  private measuresOf(
    definitions: YearDefinitions,
    keys: readonly string[] | null | undefined,
  ): MeasurePlan[] {
    if (!keys || keys.length === 0) return [...definitions.measures.values()];
    const unknown = keys.filter((k) => !definitions.measures.has(k));
    if (unknown.length > 0) {
      throw new BadUserInputError(
        `Unknown measure(s) for this cycle: ${unknown.join(', ')}.`,
        unknown.map((k) => ({ path: 'measures', message: `unknown measure ${k}` })),
      );
    }
    return keys.flatMap((k) => definitions.measures.get(k) ?? []);
  }

  private select(view: MeasureView, table: CanonicalTableId, where: CellFilter): string[] {
    try {
      return selectCells(view.pattern, { table, where }).map((cell) => cell.key);
    } catch (error) {
      if (error instanceof NonCanonicalQueryError) {
        throw new BadUserInputError(error.message, [{ path: 'filter', message: error.message }]);
      }
      throw error;
    }
  }

  private cachedRowsOf(
    cached: CachedView,
    measure: MeasurePlan,
    table: CanonicalTableId,
    where: CellFilter,
  ): MeasureResultView[] {
    const key = `${measure.key}|${measure.title}|${table}|${JSON.stringify(where)}`;
    const hit = cached.rows.get(key);
    if (hit) return hit;
    const rows = this.rowsOf(cached.view, measure, table, where);
    if (cached.rows.size >= MAX_CACHED_ANSWERS) cached.rows.clear();
    cached.rows.set(key, rows);
    return rows;
  }

  private rowsOf(
    view: MeasureView,
    measure: MeasurePlan,
    table: CanonicalTableId,
    where: CellFilter,
  ): MeasureResultView[] {
    const national = percentOf(view.published.get('national'));
    return this.select(view, table, where).map((key) => {
      const scope = view.pattern.entries.get(key)?.scope ?? {};
      const cell = view.published.get(key);
      const learnerGroup =
        scope.learnerGroup !== undefined
          ? percentOf(view.published.get(cellKey({ learnerGroup: scope.learnerGroup })))
          : null;
      const group = groupOf(table, scope);
      const base = {
        year: view.year,
        measureKey: measure.key,
        measureTitle: measure.title,
        group,
        benchmark: { national, learnerGroup },
      };
      if (!cell || cell.suppressed) {
        return {
          ...base,
          suppressed: true,
          suppressionReason: cell?.suppressed ? cell.reason : PUBLISHED_SUPPRESSION_REASON,
          noData: false,
          respondents: null,
          positive: null,
          percentPositive: null,
          interval: null,
          flag: FLAGGED.has(table) ? 'SUPPRESSED' : null,
        };
      }
      if (cell.noData) {
        return {
          ...base,
          suppressed: false,
          suppressionReason: null,
          noData: true,
          respondents: 0,
          positive: null,
          percentPositive: null,
          interval: null,
          flag: FLAGGED.has(table) ? 'NO_DATA' : null,
        };
      }
      return {
        ...base,
        suppressed: false,
        suppressionReason: null,
        noData: false,
        respondents: cell.respondents,
        positive: cell.positive,
        percentPositive: cell.percentPositive,
        interval: { lower: cell.interval.lower, upper: cell.interval.upper },
        flag: cell.flag ?? null,
      };
    });
  }

  private rankingOf(cached: CachedView, reason: ReasonPlan, year: number, key: string): ReasonRankingView {
    const entry = cached.view.pattern.entries.get(key);
    const cell = cached.view.published.get(key);
    const table = entry?.table ?? 'NATIONAL';
    const base = {
      year,
      questionCode: reason.questionCode,
      questionText: reason.text,
      group: groupOf(table, entry?.scope ?? {}),
    };
    if (!cell || cell.suppressed) {
      return {
        ...base,
        suppressed: true,
        suppressionReason: cell?.suppressed ? cell.reason : PUBLISHED_SUPPRESSION_REASON,
        noData: false,
        respondents: null,
        reasons: [],
      };
    }
    if (cell.noData)
      return {
        ...base,
        suppressed: false,
        suppressionReason: null,
        noData: true,
        respondents: 0,
        reasons: [],
      };
    const counts = cached.reasonCounts?.get(key) ?? new Map<string, number>();
    const labels = new Map(reason.options.map((o) => [o.code, o.label]));
    const shares = [...counts.entries()]
      .filter(([, chosen]) => chosen > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    let rank = 0;
    let previous = -1;
    const reasons = shares.map(([optionCode, chosen], index) => {
      if (chosen !== previous) rank = index + 1;
      previous = chosen;
      return {
        optionCode,
        label: labels.get(optionCode) ?? optionCode,
        chosen,
        percent: (chosen / cell.respondents) * 100,
        rank,
      };
    });
    return {
      ...base,
      suppressed: false,
      suppressionReason: null,
      noData: false,
      respondents: cell.respondents,
      reasons,
    };
  }

  /** The released cycles that have the series. */
  private async yearsOf(series: string): Promise<number[]> {
    const all = await this.rollups.seriesOf(this.dataSource.manager);
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
        (await this.rollups.seriesOf(this.dataSource.manager))
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

  /** A released cycle's definitions and the views of the measures asked for; undefined when not released. */
  private async releasedMeasureViews(
    year: number,
    measureKeys: readonly string[] | null | undefined,
  ): Promise<{ measures: MeasurePlan[]; views: Map<string, CachedView> } | undefined> {
    const definitions = await this.yearDefinitions(year);
    const measures = this.measuresOf(definitions, measureKeys);
    if (!(await this.releases.isReleased(year))) return undefined;
    const views = await this.viewsOf(
      year,
      measures.map((m) => m.key),
      definitions,
    );
    return { measures, views };
  }
}

const FLAGGED: ReadonlySet<CanonicalTableId> = new Set([
  'REGION',
  'ORGANISATION',
  'SITE',
  'ORGANISATION_BY_LEARNER_GROUP',
  'REGION_BY_LEARNER_GROUP',
  'REGION_BY_PROFESSION',
]);

function percentOf(cell: PublishedCell | undefined): number | null {
  return cell && !cell.suppressed && !cell.noData ? cell.percentPositive : null;
}

function groupOf(
  table: CanonicalTableId,
  scope: Partial<Record<'region' | 'organisationId' | 'siteId' | 'learnerGroup' | 'profession', string>>,
): ResultGroupView {
  return {
    table,
    region: scope.region ?? null,
    organisationId: scope.organisationId ?? null,
    siteId: scope.siteId ?? null,
    learnerGroup: scope.learnerGroup ?? null,
    profession: scope.profession ?? null,
  };
}

/** The canonical key of a row's cell, from the dimensions its table names. */
export function keyOfGroup(group: ResultGroupView): string {
  if (group.table === 'ORGANISATION') return cellKey({ organisationId: group.organisationId ?? '' });
  if (group.table === 'ORGANISATION_BY_LEARNER_GROUP') {
    return cellKey({ organisationId: group.organisationId ?? '', learnerGroup: group.learnerGroup ?? '' });
  }
  throw new BadUserInputError(`No flags are kept for ${group.table} units.`);
}

/** One hierarchy over several series of a cycle (a learner of one may be missing from another). */
function mergeHierarchies(a: Hierarchy, b: Hierarchy): Hierarchy {
  const merge = (x: Hierarchy['regionOfOrganisation'], y: Hierarchy['regionOfOrganisation']) =>
    new Map([...toEntries(x), ...toEntries(y)]);
  return {
    regionOfOrganisation: merge(a.regionOfOrganisation, b.regionOfOrganisation),
    organisationOfSite: merge(a.organisationOfSite, b.organisationOfSite),
    learnerGroupOfProfession: merge(a.learnerGroupOfProfession, b.learnerGroupOfProfession),
  };
}

function toEntries(lookup: Hierarchy['regionOfOrganisation']): [string, string][] {
  if (lookup instanceof Map) return [...(lookup as ReadonlyMap<string, string>).entries()];
  return Object.entries(lookup as Readonly<Record<string, string>>);
}
