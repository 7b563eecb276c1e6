import {
  PSA_INDICATOR_KEYS,
  indicatorsForYear,
  type PsaIndicatorKey,
  PSA_STANDARDS,
} from '@nets/provider-assessment/domain';
import type { DemoOrganisation } from './demo-registry';
import { seededRandom, shuffled } from './seeded-random';

/**
 * Share of placement providers answering yes, per year, that the demo assessments reproduce exactly
 * (with 200 providers every percentage is a whole number of providers). 2024 and the speak-up trend
 * (98% → 94% → 91%) are the national report's figures (shared/seeds/001); the rest of 2022–2023 is made up.
 * Indicators not yet asked in a year are absent.
 */
export const DEMO_INDICATOR_TARGETS: Readonly<Record<number, Partial<Record<PsaIndicatorKey, number>>>> = {
  2022: {
    EDI_LEAD: 95,
    REPORTING_MECHANISMS_INCLUDE_LEARNERS: 93,
    DISCRIMINATORY_BEHAVIOUR_POLICY: 98,
    SEXUAL_HARASSMENT_POLICY: 90,
    FTSU_GUARDIAN_PROMOTES_CONCERNS: 98,
    SPEAK_UP_WITHOUT_FEAR: 98,
    FAIR_TREATMENT_CULTURE: 95,
    SAFE_ENVIRONMENT: 99,
  },
  2023: {
    EDI_LEAD: 97,
    REPORTING_MECHANISMS_INCLUDE_LEARNERS: 95,
    DISCRIMINATORY_BEHAVIOUR_POLICY: 99,
    SEXUAL_HARASSMENT_POLICY: 92,
    SEXUAL_SAFETY_CHARTER_SIGNED: 88,
    SEXUAL_SAFETY_LEAD: 80,
    FTSU_GUARDIAN_PROMOTES_CONCERNS: 99,
    SPEAK_UP_WITHOUT_FEAR: 94,
    FAIR_TREATMENT_CULTURE: 94,
    SAFE_ENVIRONMENT: 98,
    SLEC_AWARE: 90,
    SLEC_IMPLEMENTED_MULTI_PROFESSIONALLY: 75,
  },
  2024: {
    EDI_LEAD: 98,
    REPORTING_MECHANISMS_INCLUDE_LEARNERS: 96,
    DISCRIMINATORY_BEHAVIOUR_POLICY: 99,
    SEXUAL_HARASSMENT_POLICY: 94,
    SEXUAL_SAFETY_CHARTER_SIGNED: 97,
    SEXUAL_SAFETY_LEAD: 91,
    FTSU_GUARDIAN_PROMOTES_CONCERNS: 99,
    SPEAK_UP_WITHOUT_FEAR: 91,
    FAIR_TREATMENT_CULTURE: 93,
    SAFE_ENVIRONMENT: 98,
    SLEC_AWARE: 99,
    SLEC_IMPLEMENTED_MULTI_PROFESSIONALLY: 87,
  },
};

export const DEMO_PSA_YEARS = [2022, 2023, 2024] as const;

/** PSA cycles of the demo years: open in April, due at the end of June. */
export const DEMO_PSA_CYCLES = DEMO_PSA_YEARS.map((year) => ({
  year,
  opensAt: new Date(Date.UTC(year, 3, 1)),
  dueAt: new Date(Date.UTC(year, 5, 30, 23, 59, 59)),
}));

/**
 * One row of the compact back-fill format: `ratings` has one letter per standard in code order
 * (M met, P partly met, N not met); `indicators` one per headline indicator in PSA_INDICATOR_KEYS order
 * (Y, N, or - when the year does not ask it).
 */
export interface SelfAssessmentImportRow {
  odsCode: string;
  ratings: string;
  indicators: string;
}

/** Synthetic returns of every placement provider of the registry for a year, in the national figures' shape. */
export function demoSelfAssessments(
  registry: readonly DemoOrganisation[],
  year: number,
  seed = 2024,
): SelfAssessmentImportRow[] {
  const providers = registry.filter((o) => o.roles.includes('PLACEMENT_PROVIDER'));
  const targets = DEMO_INDICATOR_TARGETS[year] ?? {};
  const asked = new Set(indicatorsForYear(year).map((indicator) => indicator.key));
  const answers = new Map<PsaIndicatorKey, Set<string>>();
  PSA_INDICATOR_KEYS.forEach((key, index) => {
    if (!asked.has(key)) return;
    const yes = Math.round(((targets[key] ?? 95) * providers.length) / 100);
    const order = shuffled(
      providers.map((p) => p.odsCode),
      seededRandom(seed * 31 + year * 7 + index),
    );
    answers.set(key, new Set(order.slice(0, yes)));
  });
  const random = seededRandom(seed + year);
  return providers.map((provider) => ({
    odsCode: provider.odsCode,
    ratings: PSA_STANDARDS.map(() => {
      const r = random();
      return r < 0.8 ? 'M' : r < 0.96 ? 'P' : 'N';
    }).join(''),
    indicators: PSA_INDICATOR_KEYS.map((key) => {
      const yes = answers.get(key);
      if (!yes) return '-';
      return yes.has(provider.odsCode) ? 'Y' : 'N';
    }).join(''),
  }));
}
