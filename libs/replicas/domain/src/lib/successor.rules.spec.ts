import type { OrganisationReplica } from './replica.models';
import { followSuccessors, successorsToLoad } from './successor.rules';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const C = '00000000-0000-4000-8000-00000000000c';

const organisation = (id: string, successorId: string | null): OrganisationReplica => ({
  id,
  odsCode: `R${id.slice(-3)}`,
  name: `Organisation ${id.slice(-1)}`,
  kind: 'NHS_TRUST',
  roles: ['PLACEMENT_PROVIDER'],
  region: 'LONDON',
  sites: [],
  status: successorId ? 'CLOSED' : 'ACTIVE',
  successorId,
});

const registry = (...organisations: OrganisationReplica[]) => new Map(organisations.map((o) => [o.id, o]));

describe('followSuccessors', () => {
  it('walks merges to the organisation that carries on', () => {
    const known = registry(organisation(A, B), organisation(B, C), organisation(C, null));
    expect(followSuccessors(A, known)?.id).toBe(C);
    expect(followSuccessors(C, known)?.id).toBe(C);
  });

  it('stops at the last organisation known', () => {
    expect(followSuccessors(A, registry(organisation(A, B)))?.id).toBe(A);
  });

  it('ends a loop instead of walking for ever', () => {
    expect(followSuccessors(A, registry(organisation(A, B), organisation(B, A)))?.id).toBe(A);
  });

  it('knows nothing of an organisation not copied', () => {
    expect(followSuccessors(A, registry())).toBeUndefined();
  });
});

describe('successorsToLoad', () => {
  it('names each successor not known yet, once', () => {
    const known = registry(organisation(A, C), organisation(B, C));
    expect(successorsToLoad([...known.values()], known)).toEqual([C]);
    expect(
      successorsToLoad([organisation(A, B)], registry(organisation(A, B), organisation(B, null))),
    ).toEqual([]);
  });
});
