// The national figures the dataset reproduces, for every cycle 2019–2024: the published ones
// (PUBLISHED_NATIONAL_FIGURES, PUBLISHED_REASON_SHARES), linear between published years, and for years
// before or after the published ones the series the results page describes in words.
import { MEASURES, PUBLISHED_NATIONAL_FIGURES, PUBLISHED_REASON_SHARES } from '@nets/survey/domain';

export const FIRST_CYCLE = 2019;
export const LAST_PAST_CYCLE = 2024;
export const PAST_CYCLES: readonly number[] = Array.from(
  { length: LAST_PAST_CYCLE - FIRST_CYCLE + 1 },
  (_, i) => FIRST_CYCLE + i,
);

/**
 * Years the page describes without a figure (percent by year). Workload's negative impact "has steadily
 * declined since 2019 (apart from a slight improvement in 2023)"; wellbeing access "steadily increased since
 * the two questions were introduced in 2022"; unsupervised tasks are "comparable with 2023 and 2022 but
 * declined since 2021"; supervision "has remained largely static since 2019".
 */
const DESCRIBED: Record<string, Record<number, number>> = {
  'workload-negative-impact': { 2019: 52, 2020: 54, 2021: 56, 2022: 58, 2023: 57 },
  'workload-too-busy': { 2019: 47, 2020: 49, 2021: 51, 2022: 53, 2023: 52 },
  'wellbeing-know-how-to-access': { 2022: 73, 2023: 75 },
  'wellbeing-able-to-access': { 2022: 66, 2023: 68 },
  'not-unsupervised-beyond-competence': { 2019: 82, 2020: 82, 2021: 83, 2022: 79, 2023: 79 },
  'overall-experience': { 2019: 84, 2020: 84, 2021: 83, 2022: 84 },
};

function seriesOf(figures: ReadonlyArray<{ year: number; percent: number }>, year: number): number {
  const sorted = [...figures].sort((a, b) => a.year - b.year);
  const exact = sorted.find((f) => f.year === year);
  if (exact) return exact.percent;
  if (year < sorted[0].year) return sorted[0].percent;
  const last = sorted[sorted.length - 1];
  if (year > last.year) return last.percent;
  const after = sorted.findIndex((f) => f.year > year);
  const [a, b] = [sorted[after - 1], sorted[after]];
  return a.percent + ((b.percent - a.percent) * (year - a.year)) / (b.year - a.year);
}

/** The national percent positive of a measure in a year (0–100). */
export function nationalTarget(measureKey: string, year: number): number {
  const described = DESCRIBED[measureKey]?.[year];
  if (described !== undefined) return described;
  const figures = PUBLISHED_NATIONAL_FIGURES.filter((f) => f.measureKey === measureKey);
  if (figures.length === 0) {
    const measure = MEASURES.find((m) => m.key === measureKey);
    if (!measure) throw new Error(`unknown measure ${measureKey}`);
    return measure.polarity === 'HIGHER_IS_BETTER' ? 80 : 20;
  }
  return seriesOf(figures, year);
}

/**
 * Shares of learners giving each reason (0–100), for the multiple-choice reason questions. The 2024 top five
 * are published; in 2023 and before the page names stress, workload and feeling overwhelmed as the top three
 * reasons for considering leaving. The rest are small, so the published order always holds.
 */
const MINOR_REASON_SHARE = 6;
const EARLIER_LEAVING_REASONS: Record<string, number> = {
  STRESS: 51,
  WORKLOAD_TOO_HIGH: 48,
  OVERWHELMED: 44,
  ROTA_STAFFING: 36,
  CULTURE: 30,
  LACK_OF_LEARNING_OPPORTUNITIES: 28,
  INADEQUATE_TEACHING: 25,
};

export function reasonShares(questionCode: string, optionCodes: readonly string[], year: number) {
  const published = new Map(
    PUBLISHED_REASON_SHARES.filter((r) => r.questionCode === questionCode).map((r) => [
      r.optionCode,
      r.percent,
    ]),
  );
  const table =
    questionCode === 'Q_LEAVING_REASONS' && year < LAST_PAST_CYCLE
      ? new Map(Object.entries(EARLIER_LEAVING_REASONS))
      : published;
  return optionCodes.map((code) => ({ code, percent: table.get(code) ?? MINOR_REASON_SHARE }));
}
