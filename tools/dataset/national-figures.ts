// National results of generated responses, computed as the Reporting Tool does (percent positive of those
// who answered the measure's question), to check the dataset against the published figures.
import { MEASURES } from '@nets/survey/domain';
import type { GeneratedAnswer } from './responses';

interface Tally {
  positive: number;
  answered: number;
}

export class NationalFigures {
  private readonly measures = new Map<string, Tally>();
  private readonly reasons = new Map<string, Tally>();

  add(year: number, answers: readonly GeneratedAnswer[]): void {
    const byQuestion = new Map(answers.map((a) => [a.questionCode, a.optionCodes ?? []]));
    for (const measure of MEASURES) {
      const chosen = byQuestion.get(measure.questionCode);
      if (!chosen) continue;
      const tally = this.tally(this.measures, `${year}:${measure.key}`);
      tally.answered += 1;
      if (chosen.some((code) => measure.positiveOptionCodes.includes(code))) tally.positive += 1;
    }
    for (const code of ['Q_RECOMMEND_REASONS', 'Q_LEAVING_REASONS']) {
      const chosen = byQuestion.get(code);
      if (!chosen) continue;
      this.tally(this.reasons, `${year}:${code}`).answered += 1;
      for (const option of chosen) this.tally(this.reasons, `${year}:${code}:${option}`).positive += 1;
    }
  }

  /** Percent positive of a measure in a year (unrounded), or undefined when nobody answered. */
  percent(measureKey: string, year: number): number | undefined {
    const tally = this.measures.get(`${year}:${measureKey}`);
    return tally && tally.answered > 0 ? (100 * tally.positive) / tally.answered : undefined;
  }

  /** Share of the learners answering a reason question who gave this reason. */
  reasonPercent(questionCode: string, optionCode: string, year: number): number {
    const answered = this.reasons.get(`${year}:${questionCode}`)?.answered ?? 0;
    const given = this.reasons.get(`${year}:${questionCode}:${optionCode}`)?.positive ?? 0;
    return answered > 0 ? (100 * given) / answered : 0;
  }

  /** The question's reasons, most given first. */
  reasonOrder(questionCode: string, year: number, optionCodes: readonly string[]): string[] {
    return [...optionCodes].sort(
      (a, b) => this.reasonPercent(questionCode, b, year) - this.reasonPercent(questionCode, a, year),
    );
  }

  private tally(map: Map<string, Tally>, key: string): Tally {
    let tally = map.get(key);
    if (!tally) {
      tally = { positive: 0, answered: 0 };
      map.set(key, tally);
    }
    return tally;
  }
}
