import { flagGroup, type FlagUnit } from './outlier-flags';
import { wilsonInterval } from './proportion';

// The README's worked example: one measure, one learner group, benchmark B = 0.85.
const units: FlagUnit[] = [
  { id: 'A', respondents: 40, positive: 12 }, // 0.300, CI 0.1807–0.4543
  { id: 'F', respondents: 5, positive: 3 }, //   0.600, CI 0.2307–0.8824
  { id: 'B', respondents: 40, positive: 30 }, // 0.750, CI 0.5981–0.8581
  { id: 'D', respondents: 25, positive: 20 }, // 0.800, CI 0.6087–0.9114
  { id: 'C', respondents: 60, positive: 50 }, // 0.833, CI 0.7197–0.9069
  { id: 'E', respondents: 40, positive: 36 }, // 0.900, CI 0.7695–0.9604
  { id: 'K', respondents: 60, positive: 59 }, // 0.983, CI 0.9114–0.9971
  { id: 'S', respondents: 2, positive: 2 },
  { id: 'W', respondents: 9, positive: 0, withheld: true },
  { id: 'Z', respondents: 0, positive: 0 },
];

describe('flagGroup', () => {
  it('computes Q1 and Q3 once, by linear interpolation over the eligible units only', () => {
    // Sorted eligible: .300 .600 .750 .800 .833 .900 .983 (N = 7).
    // Q1: h = 6 × 0.25 = 1.5 → 0.600 + 0.5 × (0.750 − 0.600) = 0.675.
    // Q3: h = 6 × 0.75 = 4.5 → 0.8333 + 0.5 × (0.900 − 0.8333) = 0.86667.
    const result = flagGroup(units, { benchmark: 0.85, polarity: 'HIGHER_IS_BETTER', minCellSize: 3 });
    expect(result.lowerQuartile).toBeCloseTo(0.675, 10);
    expect(result.upperQuartile).toBeCloseTo(0.866667, 6);
  });

  it('flags higher-is-better measures as in the worked example', () => {
    const { flags } = flagGroup(units, { benchmark: 0.85, polarity: 'HIGHER_IS_BETTER', minCellSize: 3 });
    expect(Object.fromEntries(flags)).toEqual({
      A: 'RED', // bottom quartile, interval wholly below 0.85
      F: 'PINK', // bottom quartile, interval reaches past 0.85
      B: 'NONE',
      D: 'NONE',
      C: 'NONE',
      E: 'LIGHT_GREEN', // top quartile, interval contains 0.85
      K: 'GREEN', // top quartile, interval wholly above 0.85
      S: 'SUPPRESSED', // 2 respondents
      W: 'SUPPRESSED', // withheld by complementary suppression
      Z: 'NO_DATA',
    });
  });

  it('flips the meaning for lower-is-better measures (bullying, negative workload impact)', () => {
    const { flags } = flagGroup(units, { benchmark: 0.85, polarity: 'LOWER_IS_BETTER', minCellSize: 3 });
    expect(flags.get('A')).toBe('GREEN'); // lowest, wholly below B: good
    expect(flags.get('F')).toBe('LIGHT_GREEN');
    expect(flags.get('E')).toBe('PINK');
    expect(flags.get('K')).toBe('RED'); // highest, wholly above B: bad
    expect(flags.get('B')).toBe('NONE');
  });

  it('leaves withheld units out of the quartiles so they cannot move anyone else’s flag', () => {
    const withWithheld = flagGroup(units, { benchmark: 0.85, polarity: 'HIGHER_IS_BETTER', minCellSize: 3 });
    const without = flagGroup(
      units.filter((u) => u.id !== 'W'),
      { benchmark: 0.85, polarity: 'HIGHER_IS_BETTER', minCellSize: 3 },
    );
    expect(withWithheld.lowerQuartile).toBe(without.lowerQuartile);
    expect(withWithheld.upperQuartile).toBe(without.upperQuartile);
  });

  it('counts ties at a quartile boundary as inside the quartile', () => {
    // .2 .4 .4 .6 .8: Q1 at h = 1 is exactly 0.4, so both 0.4 units are in the bottom quartile.
    const tied: FlagUnit[] = [
      { id: 'a', respondents: 10, positive: 2 },
      { id: 'b', respondents: 10, positive: 4 },
      { id: 'c', respondents: 5, positive: 2 },
      { id: 'd', respondents: 10, positive: 6 },
      { id: 'e', respondents: 10, positive: 8 },
    ];
    const { lowerQuartile, flags } = flagGroup(tied, {
      benchmark: 0.7,
      polarity: 'HIGHER_IS_BETTER',
      minCellSize: 3,
    });
    expect(lowerQuartile).toBe(0.4);
    expect(flags.get('b')).toBe('RED'); // 4/10: upper 0.6873 < 0.7
    expect(flags.get('c')).toBe('PINK'); // 2/5: same 0.4, wider interval, upper 0.7693 ≥ 0.7
    expect(flags.get('d')).toBe('LIGHT_GREEN'); // Q3 at h = 3 is exactly 0.6: inclusive again
  });

  it('treats an interval that touches the benchmark as overlapping it', () => {
    const group: FlagUnit[] = [
      { id: 'low', respondents: 20, positive: 5 },
      { id: 'mid', respondents: 20, positive: 10 },
      { id: 'high', respondents: 20, positive: 15 },
    ];
    const touching = wilsonInterval(5, 20).upper;
    const { flags } = flagGroup(group, { benchmark: touching, polarity: 'HIGHER_IS_BETTER', minCellSize: 3 });
    expect(flags.get('low')).toBe('PINK');
    const { flags: below } = flagGroup(group, {
      benchmark: touching + 1e-9,
      polarity: 'HIGHER_IS_BETTER',
      minCellSize: 3,
    });
    expect(below.get('low')).toBe('RED');
  });

  it('tells apart units that are in both quartiles (all equal) by significance only', () => {
    const same: FlagUnit[] = [
      { id: 'x', respondents: 20, positive: 10 },
      { id: 'y', respondents: 20, positive: 10 },
    ];
    const flagsAt = (benchmark: number) =>
      flagGroup(same, { benchmark, polarity: 'HIGHER_IS_BETTER', minCellSize: 3 }).flags.get('x');
    expect(flagsAt(0.9)).toBe('RED');
    expect(flagsAt(0.5)).toBe('NONE');
    expect(flagsAt(0.1)).toBe('GREEN');
  });

  it('has no quartiles when no unit is eligible, and rejects bad input', () => {
    const none = flagGroup([{ id: 'a', respondents: 1, positive: 1 }], {
      benchmark: 0.5,
      polarity: 'HIGHER_IS_BETTER',
      minCellSize: 3,
    });
    expect(none.lowerQuartile).toBeNull();
    expect(none.flags.get('a')).toBe('SUPPRESSED');
    expect(() => flagGroup(units, { benchmark: 85, polarity: 'HIGHER_IS_BETTER', minCellSize: 3 })).toThrow(
      RangeError,
    );
    expect(() =>
      flagGroup([units[0], units[0]], { benchmark: 0.5, polarity: 'HIGHER_IS_BETTER', minCellSize: 3 }),
    ).toThrow(RangeError);
  });
});
