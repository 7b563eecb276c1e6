import type { Identity } from '@nets/shared/auth';
import {
  keyOfGroup,
  persistenceIn,
  scopeFilter,
  toCellFilter,
  type CanonicalTableId,
  type CycleView,
  type Flag,
  type QualityFlagView,
  type ResultsFilterInput,
} from '@nets/analytics/domain';
import type { MeasureViewsService } from './measure-views.service';

/** The organisations (and organisation × learner group units) flagged RED or GREEN, with persistent risk. */
export class QualityFlagsService {
  constructor(private readonly views: MeasureViewsService) {}

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
        const where = scopeFilter(identity, table, base);
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
