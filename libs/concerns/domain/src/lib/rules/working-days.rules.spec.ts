import { addWorkingDays } from './working-days.rules';

describe('working days', () => {
  it('skips weekends', () => {
    // Monday 2025-03-03 + 5 working days = Monday 2025-03-10.
    expect(addWorkingDays(new Date('2025-03-03T10:00:00Z'), 5).toISOString()).toBe(
      '2025-03-10T10:00:00.000Z',
    );
    // Friday + 1 = Monday.
    expect(addWorkingDays(new Date('2025-03-07T10:00:00Z'), 1).toISOString()).toBe(
      '2025-03-10T10:00:00.000Z',
    );
    // Saturday + 1 = Monday.
    expect(addWorkingDays(new Date('2025-03-08T10:00:00Z'), 1).toISOString()).toBe(
      '2025-03-10T10:00:00.000Z',
    );
  });

  it('skips bank holidays when given', () => {
    // Thursday 2025-04-17, Good Friday and Easter Monday off: + 2 = Wednesday 2025-04-23.
    expect(
      addWorkingDays(new Date('2025-04-17T09:00:00Z'), 2, ['2025-04-18', '2025-04-21']).toISOString(),
    ).toBe('2025-04-23T09:00:00.000Z');
  });
});
