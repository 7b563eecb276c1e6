import { BadUserInputError } from '@nets/shared/util-errors';
import { checkRisk, riskBand, riskScore } from './risk-matrix.rules';

describe('5 × 5 risk matrix', () => {
  it.each([
    [1, 1, 1, 'LOW'],
    [1, 3, 3, 'LOW'],
    [2, 2, 4, 'MODERATE'],
    [2, 3, 6, 'MODERATE'],
    [2, 4, 8, 'HIGH'],
    [3, 4, 12, 'HIGH'],
    [3, 5, 15, 'EXTREME'],
    [5, 5, 25, 'EXTREME'],
  ])('likelihood %i × consequence %i = %i, %s', (likelihood, consequence, score, band) => {
    expect(riskScore({ likelihood, consequence })).toBe(score);
    expect(riskBand({ likelihood, consequence })).toBe(band);
  });

  it('refuses values off the matrix, naming each', () => {
    expect(() => checkRisk({ likelihood: 0, consequence: 6 })).toThrow(BadUserInputError);
    try {
      checkRisk({ likelihood: 2.5, consequence: 6 });
    } catch (error) {
      expect((error as BadUserInputError).details.map((d) => d.path)).toEqual([
        'risk.likelihood',
        'risk.consequence',
      ]);
    }
  });
});
