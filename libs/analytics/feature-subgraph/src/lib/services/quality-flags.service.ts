import type { Identity } from '@nets/shared/auth';
import {
  flaggedTablesFor,
  keyOfGroup,
  persistenceIn,
  toCellFilter,
  type CycleView,
  type Flag,
  type QualityFlagView,
  type ResultsFilterInput,
} from '@nets/analytics/domain';
import type { MeasureViewsService } from './measure-views.service';
import type { ReaderScopeService } from './reader-scope.service';

/**
 * The organisations (and organisation × learner group units), or education providers (and their learners at
 * each placement organisation), flagged RED or GREEN, with persistent risk.
 */
export class QualityFlagsService {
  constructor(
    private readonly views: MeasureViewsService,
    private readonly readers: ReaderScopeService,
  ) {}

  async qualityFlags(
    identity: Identity,
    year: number,
    filter: ResultsFilterInput | null | undefined,
    flags: readonly Flag[] | null | undefined,
    measureKeys?: readonly string[] | null,
  ): Promise<QualityFlagView[]> {
    const wanted = new Set<Flag>(flags && flags.length > 0 ? flags : ['RED', 'GREEN']);
    const base = toCellFilter(filter);
    const tables = flaggedTablesFor(identity, base);
    const scoped = new Map(
      await Promise.all(
        tables.map(async (table) => [table, await this.readers.scope(identity, table, base)] as const),
      ),
    );
    const released = await this.views.releasedMeasureViews(year, measureKeys);
    if (!released) return [];
    const { measures, views } = released;
    const history = wanted.has('RED')
      ? await this.views.historyUpTo(
          year,
          measures.map((m) => m.key),
        )
      : new Map<string, CycleView[]>();
    const result: QualityFlagView[] = [];
    for (const measure of measures) {
      const cached = views.get(measure.key);
      if (!cached) continue;
      for (const table of tables) {
        const where = scoped.get(table) ?? {};
        for (const row of this.views.rowsOf(cached, measure, table, where)) {
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
}
