import { LEARNER_GROUP_PROFESSIONS, isKnownLearnerGroup, isKnownProfession } from './learner-groups';

describe('learner group reference data', () => {
  it('has unique profession codes across groups, in UPPER_SNAKE', () => {
    const professions = Object.values(LEARNER_GROUP_PROFESSIONS).flat();
    expect(new Set(professions).size).toBe(professions.length);
    for (const code of [...Object.keys(LEARNER_GROUP_PROFESSIONS), ...professions]) {
      expect(code).toMatch(/^[A-Z][A-Z0-9_]*$/);
    }
  });

  it('tells known groups and professions apart from unknown ones', () => {
    expect(isKnownLearnerGroup('NURSING')).toBe(true);
    expect(isKnownLearnerGroup('toString')).toBe(false);
    expect(isKnownProfession('MEDICAL', 'FOUNDATION_DOCTOR')).toBe(true);
    expect(isKnownProfession('MEDICAL', 'STUDENT_MIDWIFE')).toBe(false);
  });
});
