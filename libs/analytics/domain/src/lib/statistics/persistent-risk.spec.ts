import { persistentRisk } from './persistent-risk';

describe('persistentRisk', () => {
  it('is RED in two or more consecutive cycles', () => {
    expect(persistentRisk({ 2022: 'RED', 2023: 'RED', 2024: 'PINK' })).toEqual({
      persistent: true,
      runs: [[2022, 2023]],
    });
    expect(
      persistentRisk(
        new Map([
          [2019, 'RED'],
          [2020, 'RED'],
          [2021, 'RED'],
          [2023, 'RED'],
          [2024, 'RED'],
        ]),
      ),
    ).toEqual({
      persistent: true,
      runs: [
        [2019, 2020, 2021],
        [2023, 2024],
      ],
    });
  });

  it('is not persistent for a single RED or for REDs with a gap', () => {
    expect(persistentRisk({ 2024: 'RED' }).persistent).toBe(false);
    expect(persistentRisk({ 2022: 'RED', 2024: 'RED' }).persistent).toBe(false);
    expect(persistentRisk({}).persistent).toBe(false);
  });

  it('treats a suppressed or missing cycle as breaking the run', () => {
    expect(persistentRisk({ 2022: 'RED', 2023: 'SUPPRESSED', 2024: 'RED' }).persistent).toBe(false);
    expect(persistentRisk({ 2022: 'RED', 2023: 'NO_DATA', 2024: 'RED' }).persistent).toBe(false);
  });

  it('counts consecutive cycles, not calendar years, when told which cycles ran', () => {
    // Suppose no survey ran in 2020: 2019 and 2021 are then consecutive cycles.
    const flags = { 2019: 'RED', 2021: 'RED' } as const;
    expect(persistentRisk(flags).persistent).toBe(false);
    expect(persistentRisk(flags, { cycles: [2019, 2021, 2022] })).toEqual({
      persistent: true,
      runs: [[2019, 2021]],
    });
  });
});
