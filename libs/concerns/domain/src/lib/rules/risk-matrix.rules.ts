import type { RiskBand } from '@nets/concerns/contract-events';
import { BadUserInputError } from '@nets/shared/util-errors';
import { CONCERN_TEXT, checkedText } from './concern-input.rules';

export interface RiskAssessment {
  likelihood: number;
  consequence: number;
}

/** The NHS 5 × 5 matrix: score = likelihood × consequence; 1–3 low, 4–6 moderate, 8–12 high, 15–25 extreme. */
export function riskScore({ likelihood, consequence }: RiskAssessment): number {
  return likelihood * consequence;
}

export function riskBand(risk: RiskAssessment): RiskBand {
  const score = riskScore(risk);
  if (score >= 15) return 'EXTREME';
  if (score >= 8) return 'HIGH';
  if (score >= 4) return 'MODERATE';
  return 'LOW';
}

export function checkRisk(risk: RiskAssessment, path = 'risk'): void {
  const details = (['likelihood', 'consequence'] as const)
    .filter((key) => !Number.isInteger(risk[key]) || risk[key] < 1 || risk[key] > 5)
    .map((key) => ({ path: `${path}.${key}`, message: `${key} must be a whole number from 1 to 5.` }));
  if (details.length > 0) throw new BadUserInputError('The risk score is not on the 5 × 5 matrix.', details);
}

/** A risk as a person gives it: the matrix scores plus the controls in place. */
export interface RiskInput extends RiskAssessment {
  controls?: string | null;
}

/** A risk on the matrix with its controls within their text limit. */
export function checkedRisk(risk: RiskInput, path: string): RiskInput {
  checkRisk(risk, path);
  return {
    likelihood: risk.likelihood,
    consequence: risk.consequence,
    controls: checkedText(risk.controls, `${path}.controls`, CONCERN_TEXT.line, true),
  };
}

/** The band of a concern's risk, or null while it is not scored. */
export function riskBandOf(concern: {
  likelihood: number | null;
  consequence: number | null;
}): RiskBand | null {
  return concern.likelihood !== null && concern.consequence !== null
    ? riskBand({ likelihood: concern.likelihood, consequence: concern.consequence })
    : null;
}
