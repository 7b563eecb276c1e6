import { combineRounds, formatRatio, percentile, shortfall } from './stats';

describe('percentile', () => {
  it('takes the nearest rank of the sorted samples, whatever their order', () => {
    const samples = [50, 10, 40, 20, 30, 100, 90, 80, 70, 60];
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(100);
    expect(percentile(samples, 10)).toBe(10);
    expect(percentile(samples, 0)).toBe(10);
  });

  it('is NaN without samples and refuses a percentile outside 0–100', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('formatRatio', () => {
  it('divides by the reference to two decimals', () => {
    expect(formatRatio(450, 1000)).toBe('0.45×');
    expect(formatRatio(3000, 1000)).toBe('3.00×');
  });

  it('has no ratio without a positive reference', () => {
    expect(formatRatio(10, undefined)).toBe('—');
    expect(formatRatio(10, 0)).toBe('—');
  });
});

describe('shortfall', () => {
  it('says nothing when the target is met', () => {
    expect(shortfall(1200, 1000, 'atLeast')).toBeUndefined();
    expect(shortfall(200, 250, 'atMost')).toBeUndefined();
  });

  it('says by how much a target is missed, either way', () => {
    expect(shortfall(770, 1000, 'atLeast')).toBe('missed by 23% (770 vs ≥ 1,000)');
    expect(shortfall(500, 250, 'atMost')).toBe('missed by 100% (500 vs ≤ 250)');
  });
});

describe('combineRounds', () => {
  const round = (
    requestsPerSecond: number,
    p50: number,
    p99: number,
    errors = 0,
    failureSample?: string,
  ) => ({
    requestsPerSecond,
    p50,
    p99,
    errors,
    non2xx: 0,
    failureSample,
  });

  it('averages the rate, takes the median round p50 and the worst round p99, and adds the errors', () => {
    const combined = combineRounds([
      round(100, 10, 50),
      round(300, 30, 90, 2, 'timeout'),
      round(200, 20, 70, 1),
    ]);
    expect(combined).toEqual({
      requestsPerSecond: 200,
      p50: 20,
      p99: 90,
      errors: 3,
      non2xx: 0,
      failureSample: 'timeout',
    });
  });

  it('refuses to combine nothing', () => {
    expect(() => combineRounds([])).toThrow('no rounds');
  });
});
