import type { NhsRegion } from '@nets/provider-assessment/contract-events';
import type { IndicatorTally, RatingTally } from './models';
import { PSA_INDICATORS, PSA_STANDARDS, type PsaIndicatorKey } from './reference-data';

/** Fewer providers than this answering and a share would reveal individual providers' answers. */
export const MIN_PROVIDERS = 3;

export interface IndicatorYear {
  year: number;
  answered: number;
  yes: number;
  percentYes: number | null;
}

export interface IndicatorSummary extends IndicatorYear {
  indicator: PsaIndicatorKey;
  question: string;
  suppressed: boolean;
  previousYears: IndicatorYear[];
  headline: string | null;
}

export interface StandardSummary {
  standardCode: string;
  domainNumber: number;
  title: string;
  met: number;
  partlyMet: number;
  notMet: number;
}

export interface SelfAssessmentSummary {
  year: number;
  region: NhsRegion | null;
  assessmentsCounted: number;
  indicators: IndicatorSummary[];
  standards: StandardSummary[];
}

export function percent(yes: number, answered: number): number | null {
  return answered >= MIN_PROVIDERS ? Math.round((100 * yes) / answered) : null;
}

/**
 * "91%, down from 94% in 2023 and 98% in 2022": the direction is against the previous year;
 * earlier years are listed as they are.
 */
export function headline(current: number | null, previous: readonly IndicatorYear[]): string | null {
  if (current === null) return null;
  const earlier = previous.filter((p) => p.percentYes !== null);
  if (earlier.length === 0) return `${current}%`;
  const [last] = earlier;
  const direction =
    last.percentYes === current
      ? 'unchanged from'
      : (last.percentYes ?? 0) > current
        ? 'down from'
        : 'up from';
  const parts = earlier.map((p) => `${p.percentYes}% in ${p.year}`);
  const list =
    parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${current}%, ${direction} ${list}`;
}

/** Builds the summary of `year` (with the two years before it) from tallies aggregated by the repository. */
export function summarise(
  year: number,
  region: NhsRegion | null,
  assessmentsCounted: number,
  indicatorTallies: readonly IndicatorTally[],
  ratingTallies: readonly RatingTally[],
): SelfAssessmentSummary {
  const tally = (key: PsaIndicatorKey, y: number): IndicatorYear => {
    const found = indicatorTallies.find((t) => t.key === key && t.year === y);
    const answered = found?.answered ?? 0;
    const yes = found?.yes ?? 0;
    return { year: y, answered, yes, percentYes: percent(yes, answered) };
  };
  const indicators = PSA_INDICATORS.filter((definition) => definition.firstYear <= year).map((definition) => {
    const current = tally(definition.key, year);
    const previousYears = [year - 1, year - 2]
      .map((y) => tally(definition.key, y))
      .filter((p) => p.answered > 0)
      .map((p) => (p.percentYes === null ? { ...p, answered: 0, yes: 0 } : p));
    const suppressed = current.percentYes === null;
    return {
      indicator: definition.key,
      question: definition.question,
      ...current,
      // counts of a suppressed cell would reveal as much as the share
      answered: suppressed ? 0 : current.answered,
      yes: suppressed ? 0 : current.yes,
      suppressed,
      previousYears,
      headline: headline(current.percentYes, previousYears),
    };
  });
  const count = (code: string, rating: RatingTally['rating']) =>
    ratingTallies.find((t) => t.code === code && t.rating === rating)?.count ?? 0;
  const smallCell = assessmentsCounted < MIN_PROVIDERS;
  const standards = PSA_STANDARDS.map((standard) => ({
    standardCode: standard.code,
    domainNumber: standard.domainNumber,
    title: standard.title,
    met: smallCell ? 0 : count(standard.code, 'MET'),
    partlyMet: smallCell ? 0 : count(standard.code, 'PARTLY_MET'),
    notMet: smallCell ? 0 : count(standard.code, 'NOT_MET'),
  }));
  return { year, region, assessmentsCounted, indicators, standards };
}
