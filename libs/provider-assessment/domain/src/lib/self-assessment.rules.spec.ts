import {
  applyAnswers,
  blankAnswers,
  isLate,
  nextStatusOnReview,
  submissionProblems,
} from './self-assessment.rules';

describe('self-assessment rules', () => {
  it('starts from every standard and the indicators the year asks', () => {
    const blank = blankAnswers(2022);
    expect(blank.standards).toHaveLength(49);
    expect(blank.indicators).toHaveLength(8);
    expect(submissionProblems(blank)).toHaveLength(49 * 2 + 8);
  });

  it('needs an action with an owner and date where a standard is not fully met', () => {
    const answers = applyAnswers(
      2024,
      blankAnswers(2024),
      [{ standardCode: '1.1', rating: 'PARTLY_MET', evidence: 'x' }],
      [],
    );
    expect(submissionProblems(answers).filter((p) => p.path === 'standards.1.1')).toHaveLength(1);
    expect(() =>
      applyAnswers(
        2024,
        answers,
        [{ standardCode: '1.1', action: { description: 'a', owner: '', dueDate: '2024-02-30' } }],
        [],
      ),
    ).toThrow('Some answers cannot be saved.');
  });

  it('moves through review only in order, and returns only with comments', () => {
    expect(nextStatusOnReview('SUBMITTED', 'START_REVIEW', null)).toBe('UNDER_REVIEW');
    expect(nextStatusOnReview('UNDER_REVIEW', 'ACCEPT', null)).toBe('ACCEPTED');
    expect(nextStatusOnReview('UNDER_REVIEW', 'RETURN', 'why')).toBe('RETURNED');
    expect(() => nextStatusOnReview('UNDER_REVIEW', 'RETURN', null)).toThrow(/Say what/);
    expect(() => nextStatusOnReview('SUBMITTED', 'ACCEPT', null)).toThrow(/under review/);
    expect(() => nextStatusOnReview('ACCEPTED', 'START_REVIEW', null)).toThrow(/submitted/);
  });

  it('is late when first submitted after the due date, or overdue', () => {
    const due = new Date('2024-06-30T00:00:00Z');
    expect(isLate(new Date('2024-07-01T00:00:00Z'), due, due)).toBe(true);
    expect(isLate(new Date('2024-06-01T00:00:00Z'), due, new Date('2024-08-01T00:00:00Z'))).toBe(false);
    expect(isLate(null, due, new Date('2024-07-01T00:00:00Z'))).toBe(true);
  });
});
