import {
  DEFAULT_QUESTIONNAIRE,
  LEARNER_GROUPS,
  MEASURES,
  PUBLISHED_NATIONAL_FIGURES,
  PUBLISHED_REASON_SHARES,
  QUALITY_FRAMEWORK_2021,
} from './index';
import {
  LEARNER_GROUP_CODES,
  QUALITY_STANDARD_CODES,
  type Question as QuestionDefinition,
} from '@nets/survey/contract-events';

const allStandards = QUALITY_FRAMEWORK_2021.domains.flatMap((d) => d.standards);
const standardCodes = new Set(allStandards.map((s) => s.code));
const allQuestions: readonly QuestionDefinition[] = DEFAULT_QUESTIONNAIRE.sections.flatMap(
  (s) => s.questions,
);
const questionsByCode = new Map(allQuestions.map((q) => [q.code, q]));
const measuresByKey = new Map(MEASURES.map((m) => [m.key, m]));

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) {
    if (seen.has(v)) dup.add(v);
    seen.add(v);
  }
  return [...dup];
}

const UPPER_SNAKE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;
const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('Quality Framework 2021', () => {
  it('has 6 domains numbered 1 to 6 with 13, 8, 11, 7, 6 and 4 standards', () => {
    expect(QUALITY_FRAMEWORK_2021.edition).toBe('2021');
    expect(QUALITY_FRAMEWORK_2021.domains.map((d) => d.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(QUALITY_FRAMEWORK_2021.domains.map((d) => d.standards.length)).toEqual([13, 8, 11, 7, 6, 4]);
  });

  it('has 49 standards coded 1.1 to 6.4 in order', () => {
    const expected = QUALITY_FRAMEWORK_2021.domains.flatMap((d) =>
      d.standards.map((_, i) => `${d.number}.${i + 1}`),
    );
    expect(allStandards).toHaveLength(49);
    expect(allStandards.map((s) => s.code)).toEqual(expected);
    expect(allStandards[0].code).toBe('1.1');
    expect(allStandards[48].code).toBe('6.4');
  });

  it('has normalised, non-empty texts', () => {
    for (const d of QUALITY_FRAMEWORK_2021.domains) {
      expect(d.title.trim()).not.toBe('');
      expect(d.overview.trim()).not.toBe('');
    }
    for (const s of allStandards) {
      const texts = [s.statement, ...s.descriptors];
      for (const t of texts) {
        expect(t.trim()).toBe(t);
        expect(t).not.toMatch(/\s{2,}|\n/);
        expect(t.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('measures', () => {
  it('have unique kebab-case keys', () => {
    expect(duplicates(MEASURES.map((m) => m.key))).toEqual([]);
    for (const m of MEASURES) expect(m.key).toMatch(KEBAB);
  });

  it('evidence existing standards', () => {
    for (const m of MEASURES) {
      expect(m.standardCodes.length).toBeGreaterThan(0);
      for (const code of m.standardCodes) expect(standardCodes.has(code)).toBe(true);
    }
  });

  it('are each fed by a question that points back to them and offers their positive options', () => {
    for (const m of MEASURES) {
      const q = questionsByCode.get(m.questionCode);
      expect(q).toBeDefined();
      if (!q) continue;
      // The question names this measure, or names another measure read from the same question
      // (the workload and sexual-safety measures share one question each).
      expect(q.measureKey).toBeDefined();
      const primary = measuresByKey.get(q.measureKey ?? '');
      expect(primary?.questionCode).toBe(m.questionCode);
      expect(m.positiveOptionCodes.length).toBeGreaterThan(0);
      const optionCodes = q.options.map((o) => o.code);
      for (const code of m.positiveOptionCodes) expect(optionCodes).toContain(code);
    }
  });

  it('have plausible first years', () => {
    for (const m of MEASURES) {
      expect(m.firstYear).toBeGreaterThanOrEqual(2019);
      expect(m.firstYear).toBeLessThanOrEqual(2024);
    }
  });
});

describe('published figures', () => {
  it('refer to existing measures, in the years the measure was asked, once per measure and year', () => {
    for (const f of PUBLISHED_NATIONAL_FIGURES) {
      const m = measuresByKey.get(f.measureKey);
      expect(m).toBeDefined();
      expect(f.year).toBeGreaterThanOrEqual(m?.firstYear ?? 2019);
      expect(f.year).toBeLessThanOrEqual(2024);
      expect(f.percent).toBeGreaterThanOrEqual(0);
      expect(f.percent).toBeLessThanOrEqual(100);
    }
    expect(duplicates(PUBLISHED_NATIONAL_FIGURES.map((f) => `${f.measureKey}@${f.year}`))).toEqual([]);
  });

  it('give a 2024 figure for every measure', () => {
    const with2024 = new Set(
      PUBLISHED_NATIONAL_FIGURES.filter((f) => f.year === 2024).map((f) => f.measureKey),
    );
    for (const m of MEASURES) expect(with2024.has(m.key)).toBe(true);
  });

  it('reason shares refer to existing multiple-choice options', () => {
    for (const r of PUBLISHED_REASON_SHARES) {
      const q = questionsByCode.get(r.questionCode);
      expect(q?.type).toBe('MULTIPLE_CHOICE');
      expect(q?.options.map((o) => o.code)).toContain(r.optionCode);
    }
  });
});

describe('default questionnaire', () => {
  it('has unique UPPER_SNAKE question, section and option codes', () => {
    expect(duplicates(allQuestions.map((q) => q.code))).toEqual([]);
    expect(duplicates(DEFAULT_QUESTIONNAIRE.sections.map((s) => s.code))).toEqual([]);
    for (const q of allQuestions) {
      expect(q.code).toMatch(UPPER_SNAKE);
      expect(duplicates(q.options.map((o) => o.code))).toEqual([]);
      for (const o of q.options) expect(o.code).toMatch(UPPER_SNAKE);
    }
  });

  it('uses the fixed option sets', () => {
    for (const q of allQuestions) {
      const codes = q.options.map((o) => o.code);
      switch (q.type) {
        case 'AGREEMENT_SCALE':
          expect(codes).toEqual(['STRONGLY_DISAGREE', 'DISAGREE', 'NEUTRAL', 'AGREE', 'STRONGLY_AGREE']);
          break;
        case 'YES_NO':
          expect(codes).toEqual(['YES', 'NO']);
          break;
        case 'YES_NO_NA':
          expect(codes).toEqual(['YES', 'NO', 'NA']);
          break;
        case 'FREE_TEXT':
          expect(codes).toEqual([]);
          expect(q.maxLength).toBeGreaterThan(0);
          break;
        case 'SINGLE_CHOICE':
          expect(codes.length).toBeGreaterThanOrEqual(2);
          break;
        case 'MULTIPLE_CHOICE':
          expect(codes.length).toBeGreaterThanOrEqual(2);
          expect(q.maxSelections).toBeGreaterThan(0);
          break;
      }
      if (q.type !== 'MULTIPLE_CHOICE') expect(q.maxSelections).toBeUndefined();
      if (q.type !== 'FREE_TEXT') expect(q.maxLength).toBeUndefined();
    }
  });

  it('has conditions that refer only to earlier questions and their options', () => {
    const earlier = new Map<string, QuestionDefinition>();
    for (const q of allQuestions) {
      if (q.condition) {
        const target = earlier.get(q.condition.questionCode);
        expect(target).toBeDefined();
        expect(q.condition.anyOf.length).toBeGreaterThan(0);
        const codes = target?.options.map((o) => o.code) ?? [];
        for (const code of q.condition.anyOf) expect(codes).toContain(code);
      }
      earlier.set(q.code, q);
    }
  });

  it('maps questions to existing standards and measures that read them', () => {
    for (const q of allQuestions) {
      for (const code of q.standardCodes) expect(standardCodes.has(code)).toBe(true);
      if (q.measureKey !== undefined) {
        expect(measuresByKey.get(q.measureKey)?.questionCode).toBe(q.code);
      }
    }
  });

  it('has the reason lists, the feedback questions and the serious-concern question', () => {
    const recommendReasons = questionsByCode.get('Q_RECOMMEND_REASONS');
    expect(recommendReasons?.maxSelections).toBe(5);
    expect(recommendReasons?.condition).toEqual({
      questionCode: 'Q_RECOMMEND',
      anyOf: ['AGREE', 'STRONGLY_AGREE'],
    });
    const leavingReasons = questionsByCode.get('Q_LEAVING_REASONS');
    expect(leavingReasons?.maxSelections).toBe(5);
    expect(leavingReasons?.condition).toEqual({ questionCode: 'Q_CONSIDERED_LEAVING', anyOf: ['YES'] });
    expect(questionsByCode.get('Q_WORKLOAD')?.options.map((o) => o.code)).toEqual([
      'TOO_BUSY',
      'ABOUT_RIGHT',
      'TOO_QUIET',
    ]);

    const feedback = allQuestions.filter((q) => q.role === 'FEEDBACK');
    expect(feedback).toHaveLength(2);
    for (const q of feedback) {
      expect(q.type).toBe('FREE_TEXT');
      expect(q.required).toBe(false);
      expect(q.maxLength).toBe(2000);
    }

    const serious = allQuestions.filter((q) => q.role === 'SERIOUS_CONCERN');
    expect(serious).toHaveLength(1);
    expect(serious[0].type).toBe('FREE_TEXT');
    expect(serious[0].maxLength).toBe(4000);
    const gate = questionsByCode.get(serious[0].condition?.questionCode ?? '');
    expect(gate?.type).toBe('YES_NO');
    expect(serious[0].condition?.anyOf).toEqual(['YES']);
  });
});

describe('learner groups', () => {
  it('have unique UPPER_SNAKE group and profession codes and at least one profession each', () => {
    expect(duplicates(LEARNER_GROUPS.map((g) => g.code))).toEqual([]);
    const professions = LEARNER_GROUPS.flatMap((g) => g.professions);
    expect(duplicates(professions.map((p) => p.code))).toEqual([]);
    for (const g of LEARNER_GROUPS) {
      expect(g.code).toMatch(UPPER_SNAKE);
      expect(g.professions.length).toBeGreaterThan(0);
      for (const p of g.professions) expect(p.code).toMatch(UPPER_SNAKE);
    }
  });

  it('list the 15 allied health professions (14 AHPs, radiography split in two)', () => {
    const ahp = LEARNER_GROUPS.find((g) => g.code === 'ALLIED_HEALTH_PROFESSIONS');
    expect(ahp?.professions).toHaveLength(15);
  });
});

describe('the reference codes other services validate against', () => {
  it('are exactly the Quality Framework standards and learner groups of the reference data', () => {
    expect([...QUALITY_STANDARD_CODES]).toEqual(allStandards.map((s) => s.code));
    expect([...LEARNER_GROUP_CODES]).toEqual(LEARNER_GROUPS.map((g) => g.code));
  });
});
