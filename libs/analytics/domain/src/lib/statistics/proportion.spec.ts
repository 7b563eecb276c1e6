import { percentPositive, wilsonInterval, Z_95 } from './proportion';

describe('percentPositive', () => {
  it('is the share of respondents who answered positively, in percent', () => {
    expect(percentPositive(8, 10)).toBe(80);
    expect(percentPositive(0, 5)).toBe(0);
    expect(percentPositive(1, 3)).toBeCloseTo(33.3333, 4);
  });

  it('refuses impossible counts', () => {
    expect(() => percentPositive(1, 0)).toThrow(RangeError);
    expect(() => percentPositive(4, 3)).toThrow(RangeError);
    expect(() => percentPositive(-1, 3)).toThrow(RangeError);
    expect(() => percentPositive(1.5, 3)).toThrow(RangeError);
  });
});

describe('wilsonInterval (95%)', () => {
  // By hand, z² = 3.841459: centre = (p + z²/2n) / (1 + z²/n), half-width = z/(1 + z²/n) · √(p(1−p)/n + z²/4n²).
  it('k=8, n=10: centre 0.716738, half-width 0.226578 → 0.4902 to 0.9433', () => {
    const { lower, upper } = wilsonInterval(8, 10);
    expect(lower).toBeCloseTo(0.4902, 4);
    expect(upper).toBeCloseTo(0.9433, 4);
  });

  it('k=0, n=5: lower exactly 0, upper (z²/n)/(1 + z²/n) = 0.4345', () => {
    const { lower, upper } = wilsonInterval(0, 5);
    expect(lower).toBe(0);
    expect(upper).toBeCloseTo(0.4345, 4);
  });

  it('k=5, n=5: mirror image, 0.5655 to exactly 1', () => {
    const { lower, upper } = wilsonInterval(5, 5);
    expect(lower).toBeCloseTo(0.5655, 4);
    expect(upper).toBe(1);
  });

  it('k=45, n=100: centre 0.451850, half-width 0.095704 → 0.3561 to 0.5476', () => {
    const { lower, upper } = wilsonInterval(45, 100);
    expect(lower).toBeCloseTo(0.3561, 4);
    expect(upper).toBeCloseTo(0.5476, 4);
  });

  it('is symmetric under k → n − k and narrows as n grows', () => {
    const a = wilsonInterval(3, 10);
    const b = wilsonInterval(7, 10);
    expect(a.lower).toBeCloseTo(1 - b.upper, 12);
    expect(a.upper).toBeCloseTo(1 - b.lower, 12);
    const wide = wilsonInterval(8, 10);
    const narrow = wilsonInterval(80, 100);
    expect(narrow.upper - narrow.lower).toBeLessThan(wide.upper - wide.lower);
  });

  it('uses z = Φ⁻¹(0.975) by default and accepts another z', () => {
    expect(Z_95).toBeCloseTo(1.96, 2);
    const ninety = wilsonInterval(8, 10, 1.6448536269514722);
    const ninetyFive = wilsonInterval(8, 10);
    expect(ninety.lower).toBeGreaterThan(ninetyFive.lower);
    expect(() => wilsonInterval(8, 10, 0)).toThrow(RangeError);
  });
});
