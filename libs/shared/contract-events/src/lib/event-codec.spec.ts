import { z } from 'zod';
import { EventContractError, createEvent, decodeEventJson, parseEvent } from './event-codec';
import { defineTopic } from './topic-definition';

const topic = defineTopic({
  name: 'nets.examples.v1',
  visibility: 'public',
  producer: 'example',
  description: 'Examples',
  key: 'example id',
  events: {
    'nets.example.created.v1': z.object({ exampleId: z.uuid(), count: z.number().int().nonnegative() }),
  },
  eventDescriptions: { 'nets.example.created.v1': 'An example was created.' },
});

const exampleId = '7b0e8f0e-3c1a-4b7e-9d6f-5f2b1a0c9d11';

describe('event codec', () => {
  it('wraps a valid payload in a CloudEvents 1.0 envelope', () => {
    const event = createEvent(
      topic,
      'nets.example.created.v1',
      { exampleId, count: 2 },
      {
        source: '/nets/example',
        subject: exampleId,
        time: new Date('2025-01-02T03:04:05Z'),
      },
    );
    expect(event).toMatchObject({
      specversion: '1.0',
      source: '/nets/example',
      type: 'nets.example.created.v1',
      time: '2025-01-02T03:04:05.000Z',
      subject: exampleId,
      datacontenttype: 'application/json',
      data: { exampleId, count: 2 },
    });
    expect(event.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses to produce a payload that breaks its schema', () => {
    expect(() =>
      createEvent(topic, 'nets.example.created.v1', { exampleId, count: -1 }, { source: '/nets/example' }),
    ).toThrow(EventContractError);
  });

  it('round-trips through JSON and validates on consume', () => {
    const event = createEvent(topic, 'nets.example.created.v1', { exampleId, count: 1 }, { source: '/x' });
    const parsed = decodeEventJson(topic, Buffer.from(JSON.stringify(event)));
    expect(parsed).toEqual(event);
  });

  it.each([
    ['not JSON', Buffer.from('{oops')],
    ['no envelope', Buffer.from(JSON.stringify({ exampleId }))],
    ['null', null],
  ])('rejects a message that is %s', (_label, value) => {
    expect(() => decodeEventJson(topic, value)).toThrow(EventContractError);
  });

  it('rejects an undeclared type and a bad payload', () => {
    const event = createEvent(topic, 'nets.example.created.v1', { exampleId, count: 1 }, { source: '/x' });
    expect(() => parseEvent(topic, { ...event, type: 'nets.example.deleted.v1' })).toThrow(/not declared/);
    expect(() => parseEvent(topic, { ...event, data: { exampleId: 'nope', count: 1 } })).toThrow(
      /breaks its schema/,
    );
  });

  it('refuses badly named topics and event types', () => {
    expect(() => defineTopic({ ...topic, name: 'examples' })).toThrow(/nets.<stream>.v<major>/);
  });
});
