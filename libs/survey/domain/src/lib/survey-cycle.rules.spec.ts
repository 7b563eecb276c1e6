import { ErrorCode, type DomainError } from '@nets/shared/util-errors';
import {
  checkCanClose,
  checkCanOpen,
  checkImportedCycle,
  checkNewCycle,
  checkOverrideReason,
  isDueToClose,
  type CycleState,
} from './survey-cycle.rules';

const now = new Date('2025-03-01T00:00:00Z');
const cycle = (overrides: Partial<CycleState> = {}): CycleState => ({
  year: 2025,
  status: 'DRAFT',
  opensAt: new Date('2025-02-01T00:00:00Z'),
  closesAt: new Date('2025-04-01T00:00:00Z'),
  ...overrides,
});
const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return (error as { code: ErrorCode }).code;
  }
  return undefined;
};

describe('survey cycle lifecycle', () => {
  it('creates a cycle only with sensible dates and year', () => {
    expect(
      code(() =>
        checkNewCycle({ year: 2025, name: 'NETS 2025', opensAt: now, closesAt: new Date('2025-04-01') }, now),
      ),
    ).toBeUndefined();
    expect(
      code(() => checkNewCycle({ year: 2025, name: 'NETS 2025', opensAt: now, closesAt: now }, now)),
    ).toBe(ErrorCode.BadUserInput);
    expect(
      code(() =>
        checkNewCycle({ year: 1999, name: 'x', opensAt: now, closesAt: new Date('2025-04-01') }, now),
      ),
    ).toBe(ErrorCode.BadUserInput);
    expect(
      code(() =>
        checkNewCycle({ year: 2025, name: ' ', opensAt: now, closesAt: new Date('2025-04-01') }, now),
      ),
    ).toBe(ErrorCode.BadUserInput);
  });

  it('refuses absurd years, dates and names, naming each problem', () => {
    const valid = {
      year: 2025,
      name: 'NETS 2025',
      opensAt: new Date('2025-02-01T09:00:00Z'),
      closesAt: new Date('2025-04-30T23:00:00Z'),
    };
    const problems = (change: Partial<typeof valid>) => {
      try {
        checkNewCycle({ ...valid, ...change }, now);
        return [];
      } catch (error) {
        return (error as DomainError).details.map((detail) => detail.path);
      }
    };
    expect(problems({})).toEqual([]);
    expect(problems({ year: 99999 })).toEqual(['year', 'opensAt', 'closesAt']);
    expect(problems({ year: now.getUTCFullYear() + 6 })).toContain('year');
    expect(
      problems({ opensAt: new Date('1900-01-01T00:00:00Z'), closesAt: new Date('3000-01-01T00:00:00Z') }),
    ).toEqual(['opensAt', 'closesAt', 'closesAt']);
    expect(problems({ closesAt: new Date('2026-06-01T00:00:00Z') })).toEqual(['closesAt']);
    expect(problems({ closesAt: new Date('2025-01-01T00:00:00Z') })).toEqual(['closesAt']);
    expect(problems({ opensAt: new Date(Number.NaN) })).toContain('opensAt');
    expect(problems({ name: 'N'.repeat(201) })).toEqual(['name']);
    expect(problems({ name: 'NETS \u202E2025' })).toEqual(['name']);
    expect(problems({ name: 'NETS\n2025' })).toEqual(['name']);
  });

  it('holds an override reason to the text rule', () => {
    expect(checkOverrideReason('  Outage on closing day ')).toBe('Outage on closing day');
    expect(checkOverrideReason(undefined)).toBeUndefined();
    expect(code(() => checkOverrideReason('x'.repeat(1001)))).toBe(ErrorCode.BadUserInput);
    expect(code(() => checkOverrideReason('bad\u0000reason'))).toBe(ErrorCode.BadUserInput);
  });

  it('opens a draft cycle with a published questionnaire', () => {
    expect(checkCanOpen(cycle(), { now, hasPublishedQuestionnaire: true })).toEqual({ reopening: false });
  });

  it('refuses to open without a published questionnaire', () => {
    expect(() => checkCanOpen(cycle(), { now, hasPublishedQuestionnaire: false })).toThrow(
      /no published questionnaire/,
    );
  });

  it('refuses a second open cycle', () => {
    expect(() =>
      checkCanOpen(cycle(), { now, hasPublishedQuestionnaire: true, otherOpenCycle: 2024 }),
    ).toThrow('The 2024 cycle is open; only one cycle may be open at a time.');
  });

  it('refuses to open an open cycle or one past its closing time', () => {
    expect(
      code(() => checkCanOpen(cycle({ status: 'OPEN' }), { now, hasPublishedQuestionnaire: true })),
    ).toBe(ErrorCode.Conflict);
    expect(
      code(() =>
        checkCanOpen(cycle({ closesAt: new Date('2025-02-15') }), { now, hasPublishedQuestionnaire: true }),
      ),
    ).toBe(ErrorCode.Conflict);
  });

  it('reopens a closed cycle only with an override reason', () => {
    const closed = cycle({ status: 'CLOSED' });
    expect(() => checkCanOpen(closed, { now, hasPublishedQuestionnaire: true })).toThrow(
      /administrator override/,
    );
    expect(() =>
      checkCanOpen(closed, { now, hasPublishedQuestionnaire: true, overrideReason: '  ' }),
    ).toThrow(/override/);
    expect(
      checkCanOpen(closed, { now, hasPublishedQuestionnaire: true, overrideReason: 'outage on closing day' }),
    ).toEqual({
      reopening: true,
    });
  });

  it('closes only an open cycle', () => {
    expect(() => checkCanClose(cycle({ status: 'OPEN' }))).not.toThrow();
    expect(() => checkCanClose(cycle())).toThrow('The 2025 cycle is draft, not open.');
    expect(() => checkCanClose(cycle({ status: 'CLOSED' }))).toThrow(/closed, not open/);
  });

  it('is due to close at its closing time', () => {
    const open = cycle({ status: 'OPEN' });
    expect(isDueToClose(open, new Date('2025-03-31T23:59:59Z'))).toBe(false);
    expect(isDueToClose(open, new Date('2025-04-01T00:00:00Z'))).toBe(true);
    expect(isDueToClose(cycle(), new Date('2025-05-01T00:00:00Z'))).toBe(false);
  });

  it('imports only a cycle that is over: closed before now, in this year or earlier', () => {
    const past = {
      year: 2024,
      name: 'NETS 2024',
      opensAt: new Date('2024-01-15T00:00:00Z'),
      closesAt: new Date('2024-03-31T00:00:00Z'),
    };
    expect(code(() => checkImportedCycle(past, now))).toBeUndefined();
    expect(code(() => checkImportedCycle({ ...past, closesAt: new Date('2025-03-02T00:00:00Z') }, now))).toBe(
      ErrorCode.BadUserInput,
    );
    expect(code(() => checkImportedCycle({ ...past, year: 2026 }, now))).toBe(ErrorCode.BadUserInput);
    expect(code(() => checkImportedCycle({ ...past, name: ' ' }, now))).toBe(ErrorCode.BadUserInput);
  });
});
