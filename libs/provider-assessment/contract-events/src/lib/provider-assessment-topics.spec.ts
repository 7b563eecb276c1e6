import { EventContractError, createEvent, parseEvent } from '@nets/shared/contract-events';
import { assessmentsTopic } from './assessments.topic';
import { organisationsTopic, type OrganisationSnapshot } from './organisations.topic';

const organisation: OrganisationSnapshot = {
  id: '0f8fad5b-d9cb-469f-a165-70867728950e',
  odsCode: 'RXX',
  name: 'Northvale Hospitals NHS Foundation Trust',
  kind: 'FOUNDATION_TRUST',
  roles: ['PLACEMENT_PROVIDER'],
  region: 'NORTH_WEST',
  sites: [{ id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', code: 'RXX01', name: 'Northvale General' }],
  status: 'ACTIVE',
  successorId: null,
};
const roundTrip = <T>(event: T) => JSON.parse(JSON.stringify(event)) as unknown;

describe('provider-assessment contracts', () => {
  it('carries the whole organisation on the compacted registry topic', () => {
    const event = createEvent(
      organisationsTopic,
      'nets.organisation.registered.v1',
      { organisation },
      { source: '/nets/provider-assessment', subject: organisation.id },
    );
    expect(parseEvent(organisationsTopic, roundTrip(event))).toEqual(event);
    expect(organisationsTopic.compacted).toBe(true);
    expect(() =>
      createEvent(
        organisationsTopic,
        'nets.organisation.updated.v1',
        { organisation: { ...organisation, roles: [] } },
        { source: '/x' },
      ),
    ).toThrow(EventContractError);
  });

  it('lists the standards rated not met when an assessment is submitted', () => {
    const event = createEvent(
      assessmentsTopic,
      'nets.assessment.submitted.v1',
      {
        assessmentId: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
        organisationId: organisation.id,
        year: 2025,
        submittedAt: '2025-06-01T10:00:00.000Z',
        late: false,
        standardsNotMet: ['1.7'],
        standardsPartlyMet: [],
        resubmission: false,
      },
      { source: '/nets/provider-assessment' },
    );
    expect(parseEvent(assessmentsTopic, roundTrip(event))).toEqual(event);
  });
});
