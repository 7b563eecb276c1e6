import { feedbackDisclosure } from './feedback-release.rules';

describe('feedback disclosure follows the released results', () => {
  it('shows nothing before the cycle is released, whatever the count', () => {
    expect(feedbackDisclosure({ released: false, responseCount: 40, published: true }, 2026)).toMatchObject({
      shown: false,
      code: 'NOT_RELEASED',
      reason: expect.stringContaining('Not released yet'),
    });
  });

  it('withholds an organisation whose result analytics withheld, or published for another count', () => {
    for (const state of [
      { released: true, responseCount: 4, published: false },
      { released: true, responseCount: 0, published: false },
    ]) {
      expect(feedbackDisclosure(state, 2026)).toMatchObject({
        shown: false,
        code: 'WITHHELD',
        reason: expect.stringContaining('Withheld to protect small groups'),
      });
    }
  });

  it('shows the frozen count once a published cell has exactly that many respondents', () => {
    expect(feedbackDisclosure({ released: true, responseCount: 8, published: true }, 2026)).toEqual({
      shown: true,
      responseCount: 8,
    });
  });
});
