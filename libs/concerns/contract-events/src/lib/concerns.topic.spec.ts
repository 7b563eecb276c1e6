import { EventContractError, createEvent, parseEvent } from '@nets/shared/contract-events';
import { concernsTopic } from './concerns.topic';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
const base = {
  concernId: id,
  reference: 'C-2025-000123',
  organisationId: id,
  status: 'RAISED' as const,
  occurredAt: '2025-01-02T03:04:05.000Z',
  actorRole: 'QUALITY_TEAM',
};

describe('nets.concerns.v1', () => {
  it('round-trips a valid event through the wire format', () => {
    const event = createEvent(
      concernsTopic,
      'nets.concern.raised.v1',
      {
        ...base,
        source: 'QUALITY_TEAM',
        category: 'SUPERVISION',
        standardsAtRisk: ['1.1'],
        riskBand: 'HIGH',
      },
      { source: '/nets/concerns', subject: id },
    );
    expect(parseEvent(concernsTopic, JSON.parse(JSON.stringify(event)))).toEqual(event);
  });

  it('refuses a payload that breaks its schema', () => {
    expect(() =>
      createEvent(
        concernsTopic,
        'nets.concern.shared-with-regulator.v1',
        { ...base, reference: '123', regulators: [] },
        { source: '/nets/concerns' },
      ),
    ).toThrow(EventContractError);
  });

  it('has no field that could carry learner text or contact details', () => {
    const fields = Object.values(concernsTopic.events).flatMap((schema) =>
      Object.keys((schema as unknown as { shape: Record<string, unknown> }).shape),
    );
    for (const forbidden of ['text', 'contactDetails', 'description', 'email', 'name', 'followUpCodeHash']) {
      expect(fields).not.toContain(forbidden);
    }
  });
});
