/**
 * The seeded default (configuration version 1). NHS England sets the official descriptors; administrators
 * replace these with a new version through `configureConcernIsfLevels`, without a code change.
 */
export const DEFAULT_ISF_LEVELS = [
  {
    level: 1,
    name: 'Level 1: local management',
    description: 'The provider manages the concern locally; the quality team is kept informed.',
    reviewIntervalDays: 90,
  },
  {
    level: 2,
    name: 'Level 2: enhanced monitoring',
    description: 'The quality team monitors an agreed action plan and asks for regular progress updates.',
    reviewIntervalDays: 60,
  },
  {
    level: 3,
    name: 'Level 3: intensive support',
    description: 'The quality team works with the provider on the action plan, with quality interventions.',
    reviewIntervalDays: 30,
  },
  {
    level: 4,
    name: 'Level 4: intensive support with possible removal of learners',
    description:
      'Serious or persistent concerns: senior leader engagement, regulators informed, learners may be removed.',
    reviewIntervalDays: 14,
  },
] as const;
