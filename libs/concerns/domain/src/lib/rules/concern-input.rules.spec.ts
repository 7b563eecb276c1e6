import { ErrorCode } from '@nets/shared/util-errors';
import {
  checkedLearnerGroups,
  checkedStandards,
  checkedText,
  decodeConcernCursor,
  encodeConcernCursor,
} from './concern-input.rules';

const code = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return (error as { code: ErrorCode }).code;
  }
};

describe('concern input rules', () => {
  it('takes known standards and learner groups once each, and nothing else', () => {
    expect(checkedStandards(['4.1', ' 4.1 ', '6.4'], 'standards')).toEqual(['4.1', '6.4']);
    expect(checkedLearnerGroups(['NURSING', 'NURSING'], 'groups')).toEqual(['NURSING']);
    expect(code(() => checkedStandards(['7.1'], 'standards'))).toBe(ErrorCode.BadUserInput);
    expect(
      code(() =>
        checkedStandards(
          Array.from({ length: 1000 }, () => '1.1'),
          's',
        ),
      ),
    ).toBe(ErrorCode.BadUserInput);
    expect(code(() => checkedLearnerGroups([''], 'groups'))).toBe(ErrorCode.BadUserInput);
    expect(code(() => checkedLearnerGroups(['nursing'], 'groups'))).toBe(ErrorCode.BadUserInput);
  });

  it('trims text, requires it unless optional, and holds it to the text rule', () => {
    expect(checkedText('  Ward 7  ', 'd', { max: 10 })).toBe('Ward 7');
    expect(checkedText('  ', 'd', { max: 10 }, true)).toBeNull();
    expect(code(() => checkedText(' ', 'd', { max: 10 }))).toBe(ErrorCode.BadUserInput);
    expect(code(() => checkedText('x'.repeat(11), 'd', { max: 10 }))).toBe(ErrorCode.BadUserInput);
    expect(code(() => checkedText('a\u202Eb', 'd', { max: 10 }))).toBe(ErrorCode.BadUserInput);
  });

  it('reads back only the cursors it gives out', () => {
    const cursor = ['2025-10-02', '0f8fad5b-d9cb-469f-a165-70867728950e'] as const;
    expect(decodeConcernCursor(encodeConcernCursor(cursor))).toEqual(cursor);
    for (const bad of [
      'garbage',
      encodeConcernCursor(['2025-02-30', cursor[1]]),
      encodeConcernCursor(['2025-10-02T10:00:00Z', cursor[1]]),
      encodeConcernCursor([cursor[0], 'not-a-uuid']),
    ])
      expect(code(() => decodeConcernCursor(bad))).toBe(ErrorCode.BadUserInput);
  });
});
