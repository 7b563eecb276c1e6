import { DEFAULT_ISF_LEVELS } from './isf-levels';

describe('default ISF levels', () => {
  it('seeds four levels, numbered 1–4, reviewed more often as the level rises', () => {
    expect(DEFAULT_ISF_LEVELS.map((level) => level.level)).toEqual([1, 2, 3, 4]);
    const intervals = DEFAULT_ISF_LEVELS.map((level) => level.reviewIntervalDays);
    expect([...intervals].sort((a, b) => b - a)).toEqual(intervals);
    expect(DEFAULT_ISF_LEVELS.every((level) => level.name && level.description)).toBe(true);
  });
});
