import { EventContractError, createEvent, parseEvent } from '@nets/shared/contract-events';
import { responsesTopic, seriousConcernsTopic } from './responses.topic';

const organisationId = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('response contracts', () => {
  it('are restricted topics, for named services only', () => {
    expect(responsesTopic.visibility).toBe('restricted');
    expect(responsesTopic.consumers).toEqual(['analytics']);
    expect(seriousConcernsTopic.visibility).toBe('restricted');
    expect(seriousConcernsTopic.consumers).toEqual(['concerns']);
  });

  it('carries coded answers and the day only', () => {
    const data = {
      responseId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
      cycleYear: 2025,
      questionnaireId: '9b2e5f0a-1c7d-4e8f-a3b6-2d4c6e8f0a1b',
      questionnaireVersion: 1,
      submittedOn: '2025-03-04',
      profile: {
        learnerGroup: 'NURSING',
        profession: 'ADULT_NURSING_STUDENT',
        programme: null,
        yearOfTraining: 2,
      },
      placement: { organisationId, siteId: null },
      answers: [{ questionCode: 'Q_INDUCTION', optionCodes: ['AGREE'] }],
      imported: false,
    };
    const event = createEvent(responsesTopic, 'nets.response.submitted.v1', data, {
      source: '/nets/response',
    });
    expect(parseEvent(responsesTopic, JSON.parse(JSON.stringify(event)))).toEqual(event);
    expect(() =>
      createEvent(
        responsesTopic,
        'nets.response.submitted.v1',
        { ...data, submittedOn: '2025-03-04T10:11:12Z' },
        { source: '/x' },
      ),
    ).toThrow(EventContractError);
  });

  it('carries the follow-up code only as a hash', () => {
    expect(() =>
      createEvent(
        seriousConcernsTopic,
        'nets.response.serious-concern-raised.v1',
        {
          concernId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
          followUpCodeHash: 'FUP-1234',
          cycleYear: 2025,
          raisedOn: '2025-03-04',
          placement: { organisationId, siteId: null },
          learnerGroup: 'NURSING',
          profession: 'ADULT_NURSING_STUDENT',
          text: 'Unsafe staffing at night',
          contactDetails: null,
        },
        { source: '/x' },
      ),
    ).toThrow(EventContractError);
  });
});
