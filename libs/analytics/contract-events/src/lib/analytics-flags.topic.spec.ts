import { EventContractError, createEvent, parseEvent } from '@nets/shared/contract-events';
import { analyticsFlagsTopic } from './analytics-flags.topic';

const flag = {
  year: 2025,
  measureKey: 'induction',
  organisationId: '0f8fad5b-d9cb-469f-a165-70867728950e',
  learnerGroup: null,
  flag: 'RED' as const,
  previousFlag: 'PINK' as const,
  persistent: false,
  consecutiveRedYears: 1,
  respondents: 40,
  percentPositive: 52.5,
  intervalLower: 37.5,
  intervalUpper: 67.1,
  benchmark: 86,
};

describe('analytics flags contract', () => {
  it('round-trips a flag change', () => {
    const event = createEvent(analyticsFlagsTopic, 'nets.analytics.flag-changed.v1', flag, {
      source: '/nets/analytics',
    });
    expect(parseEvent(analyticsFlagsTopic, JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('never flags a unit of fewer than 3 respondents', () => {
    expect(() =>
      createEvent(
        analyticsFlagsTopic,
        'nets.analytics.flag-changed.v1',
        { ...flag, respondents: 2 },
        { source: '/x' },
      ),
    ).toThrow(EventContractError);
  });
});
