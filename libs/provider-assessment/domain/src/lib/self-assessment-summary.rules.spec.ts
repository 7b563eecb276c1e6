import { headline, percent, summarise } from './self-assessment-summary.rules';

describe('self-assessment summary', () => {
  it('words the trend the way the national report does', () => {
    const years = [
      { year: 2023, answered: 100, yes: 94, percentYes: 94 },
      { year: 2022, answered: 100, yes: 98, percentYes: 98 },
    ];
    expect(headline(91, years)).toBe('91%, down from 94% in 2023 and 98% in 2022');
    expect(headline(96, years)).toBe('96%, up from 94% in 2023 and 98% in 2022');
    expect(headline(94, years.slice(0, 1))).toBe('94%, unchanged from 94% in 2023');
    expect(headline(50, [])).toBe('50%');
    expect(headline(null, years)).toBeNull();
  });

  it('rounds to whole per cent and suppresses fewer than 3 providers', () => {
    expect(percent(2, 3)).toBe(67);
    expect(percent(1, 2)).toBeNull();
  });

  it('counts only indicators asked in the year, and hides the counts of a suppressed cell', () => {
    const summary = summarise(
      2022,
      'LONDON',
      2,
      [{ year: 2022, key: 'EDI_LEAD', yes: 1, answered: 2 }],
      [{ code: '1.1', rating: 'MET', count: 2 }],
    );
    expect(summary.indicators.map((i) => i.indicator)).not.toContain('SLEC_AWARE');
    expect(summary.indicators[0]).toMatchObject({
      indicator: 'EDI_LEAD',
      suppressed: true,
      yes: 0,
      answered: 0,
      percentYes: null,
    });
    expect(summary.standards[0]).toMatchObject({ standardCode: '1.1', met: 0 });
  });
});
