import { EventContractError, createEvent, parseEvent } from '@nets/shared/contract-events';
import { concernsTopic } from './concerns.topic';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('nets.concerns.v1', () => {
  it('round-trips a valid event through the wire format', () => {
    const event = createEvent(
      concernsTopic,
      'nets.concerns.example-recorded.v1',
      { id, createdAt: '2025-01-02T03:04:05.000Z' },
      { source: '/nets/concerns', subject: id },
    );
    const parsed = parseEvent(concernsTopic, JSON.parse(JSON.stringify(event)));
    expect(parsed).toEqual(event);
  });

  it('refuses a payload that breaks its schema', () => {
    expect(() =>
      createEvent(
        concernsTopic,
        'nets.concerns.example-recorded.v1',
        { id: 'not-a-uuid', createdAt: 'yesterday' },
        {
          source: '/nets/concerns',
        },
      ),
    ).toThrow(EventContractError);
  });
});
