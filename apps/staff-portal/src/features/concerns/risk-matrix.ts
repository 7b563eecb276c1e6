import type { ConcernRiskBand } from '../../__generated__/graphql';
import { BAND_WORDS } from './concern-words';

/** The NHS 5 × 5 risk matrix as the graph scores it: score = likelihood × consequence. */
export const LIKELIHOODS = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const CONSEQUENCES = ['Negligible', 'Minor', 'Moderate', 'Major', 'Catastrophic'] as const;

/** 1–3 low, 4–6 moderate, 8–12 high, 15–25 extreme. */
export function bandOfScore(score: number): ConcernRiskBand {
  if (score >= 15) return 'EXTREME';
  if (score >= 8) return 'HIGH';
  if (score >= 4) return 'MODERATE';
  return 'LOW';
}

export interface RiskMatrixCell {
  likelihood: number;
  consequence: number;
  score: number;
  band: ConcernRiskBand;
  bandText: string;
  selected: boolean;
}

export interface RiskMatrixView {
  consequences: ReadonlyArray<{ value: number; text: string }>;
  /** Most likely first, as the matrix is printed. */
  rows: ReadonlyArray<{ likelihood: number; text: string; cells: RiskMatrixCell[] }>;
  chosen: { score: number; band: string } | null;
}

/** The matrix as the form shows it, with the chosen cell (if any) marked and its score and band read out. */
export function riskMatrixView(chosen: { likelihood: number; consequence: number } | null): RiskMatrixView {
  const rows = [5, 4, 3, 2, 1].map((likelihood) => ({
    likelihood,
    text: `${likelihood} ${LIKELIHOODS[likelihood - 1]}`,
    cells: [1, 2, 3, 4, 5].map((consequence) => {
      const score = likelihood * consequence;
      const band = bandOfScore(score);
      return {
        likelihood,
        consequence,
        score,
        band,
        bandText: BAND_WORDS[band],
        selected: chosen?.likelihood === likelihood && chosen.consequence === consequence,
      };
    }),
  }));
  const score = chosen ? chosen.likelihood * chosen.consequence : null;
  return {
    consequences: CONSEQUENCES.map((text, index) => ({ value: index + 1, text: `${index + 1} ${text}` })),
    rows,
    chosen: score === null ? null : { score, band: BAND_WORDS[bandOfScore(score)] },
  };
}
