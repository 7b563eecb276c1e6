import { createEvent } from '@nets/shared/contract-events';
import {
  appendToOutboxIn,
  type OutboxEntry,
  type Transaction,
  type UnitOfWork,
} from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import {
  CANONICAL_TABLES,
  persistenceIn,
  type MeasureView,
  type PublishedCell,
  type UnitFlagRecord,
} from '@nets/analytics/domain';
import type { RollupRepository } from '@nets/analytics/data-access';
import {
  analyticsFlagsTopic,
  RESULT_TABLES,
  resultsTopic,
  type FlagChanged,
  type ResultCell,
} from '@nets/analytics/contract-events';
import type { MeasureViewsService } from './measure-views.service';

const SOURCE = '/nets/analytics';
const FLAG_TABLES = new Set(['ORGANISATION', 'ORGANISATION_BY_LEARNER_GROUP']);
/**
 * The tables nets.results.v1 carries. The tables by education provider are read through the graph only:
 * adding them to the topic's table enum would break v1 consumers that validate it (a v2 decision). Leaving
 * published cells out is safe: any subset of a pattern's published cells keeps its guarantee.
 */
const TOPIC_TABLES = CANONICAL_TABLES.flatMap((table) => {
  const id = RESULT_TABLES.find((t) => t === table.id);
  return id ? [{ ...table, id }] : [];
});

function toResultCell(cell: PublishedCell): ResultCell | undefined {
  const coordinates = Object.fromEntries(Object.entries(cell.coordinates).filter(([, v]) => v !== undefined));
  if (cell.suppressed) return { suppressed: true, ...coordinates, reason: cell.reason };
  if (cell.noData) return undefined;
  const flag = cell.flag && cell.flag !== 'SUPPRESSED' && cell.flag !== 'NO_DATA' ? cell.flag : null;
  return {
    suppressed: false,
    ...coordinates,
    respondents: cell.respondents,
    positive: cell.positive,
    percentPositive: cell.percentPositive,
    intervalLower: cell.interval.lower,
    intervalUpper: cell.interval.upper,
    flag,
  };
}

/**
 * Publishes a released cycle's results on nets.results.v1 (every table of every series, once, when it is
 * released) and the flag changes they bring on nets.analytics-flags.v1, through the outbox, from the same
 * cached views the graph answers from. Views are built outside any transaction; each series is published
 * in its own short transaction under an advisory lock, so replicas never publish it twice.
 */
export class PublicationService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly rollups: RollupRepository,
    private readonly replicas: ReplicaRepository,
    private readonly views: MeasureViewsService,
  ) {}

  async publishChanged(): Promise<number> {
    const due = await this.rollups.unpublished(this.unitOfWork.reads);
    let published = 0;
    for (const series of due) {
      const definitions = await this.views.yearDefinitions(series.year);
      const measure = definitions.measures.get(series.series);
      const cached = measure ? await this.views.view(series.year, series.series, definitions) : undefined;
      const done = await this.unitOfWork.run(async (transaction) => {
        if (!(await this.rollups.tryLockPublication(transaction, series.year, series.series))) return false;
        const [current] = await this.rollups.versions(transaction, series.year, [series.series]);
        // Another publisher got here first: the next tick sees it afresh.
        if (!current || current.publishedVersion !== series.publishedVersion) return false;
        if (cached) await this.publishView(transaction, cached.view);
        return this.rollups.markPublished(
          transaction,
          series.year,
          series.series,
          cached?.view.version ?? series.version,
          series.publishedVersion,
        );
      });
      if (done && cached) published += 1;
    }
    return published;
  }

  private async publishView(transaction: Transaction, view: MeasureView): Promise<void> {
    const cycle = await this.replicas.cycle(transaction, view.year);
    const cycleStatus = cycle?.status === 'OPEN' || cycle?.status === 'CLOSED' ? cycle.status : 'UNKNOWN';
    const entries: OutboxEntry[] = [];
    for (const table of TOPIC_TABLES) {
      const cells = (view.pattern.keysByTable.get(table.id) ?? []).flatMap((key) => {
        const cell = view.published.get(key);
        const result = cell ? toResultCell(cell) : undefined;
        return result ? [result] : [];
      });
      const key = `${view.year}:${view.series}:${table.id}`;
      entries.push({
        topic: resultsTopic.name,
        key,
        event: createEvent(
          resultsTopic,
          'nets.analytics.results-published.v1',
          {
            year: view.year,
            measureKey: view.series,
            table: table.id,
            cycleStatus,
            minCellSize: view.pattern.minCellSize,
            cells,
          },
          { source: SOURCE, subject: key },
        ),
      });
    }
    entries.push(...(await this.flagChanges(transaction, view)));
    await appendToOutboxIn(transaction, entries);
  }

  private async flagChanges(transaction: Transaction, view: MeasureView): Promise<OutboxEntry[]> {
    const previous = new Map(
      (await this.rollups.unitFlags(transaction, view.year, view.series)).map((f) => [f.unitKey, f]),
    );
    // Persistence from the released cycles' views, as the graph reads it: right whatever order the
    // cycles are published in.
    const history = (await this.views.historyUpTo(view.year, [view.series])).get(view.series) ?? [];
    const national = view.published.get('national');
    const entries: OutboxEntry[] = [];
    const saved: UnitFlagRecord[] = [];
    for (const [key, entry] of view.pattern.entries) {
      if (!FLAG_TABLES.has(entry.table)) continue;
      const cell = view.published.get(key);
      const flag = !cell
        ? 'NO_DATA'
        : cell.suppressed
          ? 'SUPPRESSED'
          : cell.noData
            ? 'NO_DATA'
            : (cell.flag ?? 'NONE');
      const prior = previous.get(key);
      const consecutiveRed = flag === 'RED' ? persistenceIn(history, key).consecutive : 0;
      saved.push({ year: view.year, measureKey: view.series, unitKey: key, flag, consecutiveRed });
      const becamePersistent = flag === 'RED' && consecutiveRed >= 2 && (prior?.consecutiveRed ?? 0) < 2;
      const changed = (flag === 'RED' || flag === 'GREEN') && prior?.flag !== flag;
      if (!cell || cell.suppressed || cell.noData || (!changed && !becamePersistent)) continue;
      if (flag !== 'RED' && flag !== 'GREEN') continue;
      const learnerGroup = entry.scope.learnerGroup ?? null;
      const benchmarkCell = learnerGroup
        ? view.published.get(`learnerGroup=${encodeURIComponent(learnerGroup)}`)
        : national;
      if (!benchmarkCell || benchmarkCell.suppressed || benchmarkCell.noData) continue;
      const data: FlagChanged = {
        year: view.year,
        measureKey: view.series,
        organisationId: entry.scope.organisationId ?? '',
        learnerGroup,
        flag,
        previousFlag: (prior?.flag as FlagChanged['previousFlag']) ?? null,
        persistent: consecutiveRed >= 2,
        consecutiveRedYears: consecutiveRed,
        respondents: cell.respondents,
        percentPositive: cell.percentPositive,
        intervalLower: cell.interval.lower * 100,
        intervalUpper: cell.interval.upper * 100,
        benchmark: benchmarkCell.percentPositive,
      };
      entries.push({
        topic: analyticsFlagsTopic.name,
        key: data.organisationId,
        event: createEvent(analyticsFlagsTopic, 'nets.analytics.flag-changed.v1', data, {
          source: SOURCE,
          subject: data.organisationId,
        }),
      });
    }
    await this.rollups.saveUnitFlags(transaction, saved);
    return entries;
  }
}
