import { BadUserInputError } from '@nets/shared/util-errors';
import {
  canonicalTable,
  cellKey,
  tableDimensions,
  type CanonicalTableId,
} from '../disclosure/canonical-tables';
import type { CellCoordinates } from '../disclosure/cell-coordinates';
import { NonCanonicalQueryError } from '../disclosure/disclosure-errors';
import type { PublishedCell } from '../disclosure/publish-cell';
import { selectCells, type CellFilter } from '../disclosure/select-cells';
import { PUBLISHED_SUPPRESSION_REASON } from '../disclosure/suppression-pattern';
import type { MeasurePlan, ReasonPlan } from '../counters/fold-plan';
import type { MeasureView } from './measure-view';
import type {
  MeasureResultView,
  ReasonRankingView,
  ResultGroupView,
  ResultsFilterInput,
} from './result-views';

/** The tables whose units are flagged within their benchmark groups. */
const FLAGGED: ReadonlySet<CanonicalTableId> = new Set([
  'REGION',
  'ORGANISATION',
  'SITE',
  'ORGANISATION_BY_LEARNER_GROUP',
  'REGION_BY_LEARNER_GROUP',
  'REGION_BY_PROFESSION',
  'EDUCATION_PROVIDER',
  'EDUCATION_PROVIDER_BY_ORGANISATION',
]);

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
  put('educationProviderId', filter?.educationProviderIds);
  return where;
}

/** The keys of the published cells a query selects; a filter that needs a new aggregate is BAD_USER_INPUT. */
export function selectPublished(view: MeasureView, table: CanonicalTableId, where: CellFilter): string[] {
  try {
    return selectCells(view.pattern, { table, where }).map((cell) => cell.key);
  } catch (error) {
    if (error instanceof NonCanonicalQueryError) {
      throw new BadUserInputError(error.message, [{ path: 'filter', message: error.message }]);
    }
    throw error;
  }
}

/** One row per selected cell of a measure's view: numbers, no data, or withheld with its reason. */
export function measureRowsOf(
  view: MeasureView,
  measure: Pick<MeasurePlan, 'key' | 'title'>,
  table: CanonicalTableId,
  where: CellFilter,
): MeasureResultView[] {
  const national = percentOf(view.published.get('national'));
  return selectPublished(view, table, where).map((key) => {
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

/** The options of a reason question chosen in one published cell, ranked (ties share a rank). */
export function reasonRankingOf(
  view: MeasureView,
  reasonCounts: ReadonlyMap<string, ReadonlyMap<string, number>> | undefined,
  reason: ReasonPlan,
  year: number,
  key: string,
): ReasonRankingView {
  const entry = view.pattern.entries.get(key);
  const cell = view.published.get(key);
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
  const counts = reasonCounts?.get(key) ?? new Map<string, number>();
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

/** The percent positive a cell publishes, or null when it publishes none. */
export function percentOf(cell: PublishedCell | undefined): number | null {
  return cell && !cell.suppressed && !cell.noData ? cell.percentPositive : null;
}

function groupOf(table: CanonicalTableId, scope: CellCoordinates): ResultGroupView {
  return {
    table,
    region: scope.region ?? null,
    organisationId: scope.organisationId ?? null,
    siteId: scope.siteId ?? null,
    learnerGroup: scope.learnerGroup ?? null,
    profession: scope.profession ?? null,
    educationProviderId: scope.educationProviderId ?? null,
  };
}

/** The canonical key of a row's cell, from the dimensions its table names. */
export function keyOfGroup(group: ResultGroupView): string {
  if (!FLAGGED.has(group.table)) throw new BadUserInputError(`No flags are kept for ${group.table} units.`);
  const coordinates: Record<string, string> = {};
  for (const d of tableDimensions(canonicalTable(group.table))) coordinates[d] = group[d] ?? '';
  return cellKey(coordinates);
}
