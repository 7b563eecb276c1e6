import type { ConcernStatus } from '@nets/concerns/contract-events';
import type { UserIdentity } from '@nets/shared/auth';
import { availableOperations } from './concern-available-commands.rules';

const ORG = '00000000-0000-4000-8000-000000000001';
const concern = (status: ConcernStatus, overrides: Record<string, unknown> = {}) => ({
  region: 'LONDON',
  organisationId: ORG,
  educationProviderId: null,
  source: 'QUALITY_TEAM' as const,
  status,
  escalationStep: 1,
  followUpCodeHash: null,
  ...overrides,
});
const qualityTeam: UserIdentity = { kind: 'user', subject: 'qt', role: 'QUALITY_TEAM', region: 'LONDON' };
const provider: UserIdentity = { kind: 'user', subject: 'p', role: 'PROVIDER_USER', organisationId: ORG };

describe('the commands a concern offers its reader', () => {
  it('offers the quality team triage, withdrawal and sharing of a raised concern, and a provider nothing', () => {
    expect(availableOperations(qualityTeam, concern('RAISED'))).toEqual([
      'TRIAGE',
      'WITHDRAW',
      'SHARE_WITH_REGULATORS',
    ]);
    expect(availableOperations(provider, concern('RAISED'))).toEqual([]);
  });

  it('lets a provider withdraw only what it raised, and offers it updates and a resolution while work goes on', () => {
    expect(availableOperations(provider, concern('TRIAGED', { source: 'PROVIDER_SELF_REPORT' }))).toEqual([
      'WITHDRAW',
      'POST_UPDATE',
    ]);
    expect(availableOperations(provider, concern('MONITORING'))).toEqual([
      'PROPOSE_RESOLUTION',
      'POST_UPDATE',
    ]);
  });

  it('stops escalation at step 3 and offers a reply only through a learner’s follow-up code', () => {
    expect(availableOperations(qualityTeam, concern('ESCALATED', { escalationStep: 3 }))).not.toContain(
      'ESCALATE',
    );
    expect(availableOperations(qualityTeam, concern('CLOSED'))).toEqual([]);
    expect(availableOperations(qualityTeam, concern('CLOSED', { followUpCodeHash: 'h' }))).toEqual([
      'REPLY_TO_LEARNER',
    ]);
  });

  it('offers nothing outside the reader’s scope, nor to the anonymous or national roles', () => {
    expect(availableOperations({ ...qualityTeam, region: 'MIDLANDS' }, concern('RAISED'))).toEqual([]);
    expect(availableOperations({ kind: 'anonymous' } as never, concern('RAISED'))).toEqual([]);
    expect(
      availableOperations({ kind: 'user', subject: 'a', role: 'NATIONAL_ANALYST' }, concern('RAISED')),
    ).toEqual([]);
  });
});
