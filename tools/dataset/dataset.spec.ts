import { demoRegistry } from '@nets/provider-assessment/data-access';
import {
  DEFAULT_QUESTIONNAIRE,
  PUBLISHED_NATIONAL_FIGURES,
  PUBLISHED_REASON_SHARES,
} from '@nets/survey/domain';
import { questionsInOrder } from '@nets/survey/contract-events';
import { NationalFigures } from './national-figures';
import { DEMO_PROVIDER_ODS_CODE, registryOrganisations } from './organisations';
import { ResponseStream } from './responses';
import { PAST_CYCLES, nationalTarget } from './targets';

const optionsOf = (code: string) =>
  questionsInOrder(DEFAULT_QUESTIONNAIRE)
    .find((q) => q.code === code)
    ?.options.map((o) => o.code) ?? [];

describe('the synthetic national dataset', () => {
  const organisations = registryOrganisations(demoRegistry(), 7);
  const total = 6 * 4_000;
  const figures = new NationalFigures();
  const perOrganisation = new Map<string, { positive: number; answered: number }>();
  const comments: string[] = [];
  const stream = new ResponseStream(organisations, { total, years: PAST_CYCLES, seed: 11 });
  const generated: Array<ReturnType<typeof stream.next>[number]> = [];

  beforeAll(() => {
    while (stream.remaining > 0) {
      for (const response of stream.next(1_000)) {
        figures.add(response.year, response.answers);
        if (generated.length < 50) generated.push(response);
        for (const answer of response.answers) if (answer.text) comments.push(answer.text);
        const overall = response.answers.find((a) => a.questionCode === 'Q_OVERALL_EXPERIENCE');
        const tally = perOrganisation.get(response.organisation.odsCode) ?? { positive: 0, answered: 0 };
        tally.answered += 1;
        if (overall?.optionCodes?.some((c) => c === 'GOOD' || c === 'EXCELLENT')) tally.positive += 1;
        perOrganisation.set(response.organisation.odsCode, tally);
      }
    }
  });

  it('matches every published national figure within one percentage point', () => {
    const misses = PUBLISHED_NATIONAL_FIGURES.map((f) => ({
      ...f,
      generated: figures.percent(f.measureKey, f.year),
    })).filter((f) => f.generated === undefined || Math.abs(f.generated - f.percent) > 1);
    expect(misses).toEqual([]);
    expect(figures.percent('overall-experience', 2023)).toBeCloseTo(85, -0.3);
    expect(figures.percent('learner-forum-access', 2019)).toBeLessThan(
      figures.percent('learner-forum-access', 2024) ?? 0,
    );
  });

  it('follows the interpolated series in the years without a published figure', () => {
    for (const year of PAST_CYCLES) {
      for (const key of ['learner-forum-access', 'supervision-quality', 'considered-leaving', 'induction']) {
        expect(
          Math.abs((figures.percent(key, year) ?? -100) - nationalTarget(key, year)),
        ).toBeLessThanOrEqual(1);
      }
    }
  });

  it('gives the published reasons for considering leaving and recommending, in their order', () => {
    for (const questionCode of ['Q_LEAVING_REASONS', 'Q_RECOMMEND_REASONS']) {
      const published = PUBLISHED_REASON_SHARES.filter(
        (r) => r.questionCode === questionCode && r.year === 2024,
      );
      for (const reason of published) {
        expect(
          Math.abs(figures.reasonPercent(questionCode, reason.optionCode, 2024) - reason.percent),
        ).toBeLessThanOrEqual(1);
      }
      expect(figures.reasonOrder(questionCode, 2024, optionsOf(questionCode)).slice(0, 5)).toEqual(
        published.map((r) => r.optionCode),
      );
    }
    // 2023: stress, workload and feeling overwhelmed were the top three.
    expect(
      figures.reasonOrder('Q_LEAVING_REASONS', 2023, optionsOf('Q_LEAVING_REASONS')).slice(0, 3),
    ).toEqual(['STRESS', 'WORKLOAD_TOO_HIGH', 'OVERWHELMED']);
  });

  it('varies between providers: true outliers both ways, and many small sites', () => {
    const rates = [...perOrganisation.entries()]
      .filter(([, t]) => t.answered >= 100)
      .map(([code, t]) => ({ code, rate: (100 * t.positive) / t.answered }));
    const national = (100 * [...perOrganisation.values()].reduce((s, t) => s + t.positive, 0)) / total;
    expect(rates.filter((r) => r.rate < national - 8).length).toBeGreaterThanOrEqual(2);
    expect(rates.filter((r) => r.rate > national + 4).length).toBeGreaterThanOrEqual(2);
    expect(rates.find((r) => r.code === DEMO_PROVIDER_ODS_CODE)?.rate).toBeLessThan(national - 8);
    const small = [...perOrganisation.values()].filter((t) => t.answered / PAST_CYCLES.length < 3).length;
    expect(small).toBeGreaterThan(20);
    expect(new Set(organisations.map((o) => o.region)).size).toBe(7);
  });

  it('includes comments with names, places and identifiers for the redaction to catch', () => {
    expect(comments.length).toBeGreaterThan(total * 0.1);
    expect(comments.some((c) => /\b999 \d{3} \d{4}\b/.test(c))).toBe(true);
    expect(comments.some((c) => /07700 900\d{3}/.test(c))).toBe(true);
    expect(comments.some((c) => /\b(Dr|Sister) [A-Z][a-z]+ [A-Z][a-z]+/.test(c))).toBe(true);
  });

  it('is reproducible from its seed', () => {
    const again = new ResponseStream(registryOrganisations(demoRegistry(), 7), {
      total,
      years: PAST_CYCLES,
      seed: 11,
    });
    expect(again.next(50)).toEqual(generated);
  });
});
