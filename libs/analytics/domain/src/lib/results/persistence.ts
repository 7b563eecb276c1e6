import type { Flag } from '../statistics/outlier-flags';
import { persistentRisk } from '../statistics/persistent-risk';
import type { MeasureView } from './measure-view';

/** One released cycle's view of a measure. */
export interface CycleView {
  year: number;
  view: MeasureView;
}

/** RED in consecutive cycles that ran, ending at the latest of `history`: each cycle under its own pattern. */
export function persistenceIn(
  history: readonly CycleView[],
  key: string,
): { persistent: boolean; consecutive: number } {
  const flagsByCycle = new Map<number, Flag>();
  let consecutive = 0;
  for (const { year, view } of history) {
    const cell = view.published.get(key);
    const flag = cell && !cell.suppressed && !cell.noData ? cell.flag : undefined;
    if (flag !== 'RED') break;
    flagsByCycle.set(year, flag);
    consecutive += 1;
  }
  return {
    persistent: persistentRisk(flagsByCycle, { cycles: history.map((h) => h.year) }).persistent,
    consecutive,
  };
}
