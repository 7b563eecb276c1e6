import { ForbiddenError } from '@nets/shared/util-errors';
import { scopeFilter } from './reader-scope';

const provider = {
  kind: 'user' as const,
  subject: 'p',
  role: 'PROVIDER_USER' as const,
  organisationId: 'o1',
};
const quality = {
  kind: 'user' as const,
  subject: 'q',
  role: 'QUALITY_TEAM' as const,
  region: 'LONDON' as const,
};

describe('reader scope', () => {
  it('narrows a provider to its organisation and lets it read national benchmarks', () => {
    expect(scopeFilter(provider, 'ORGANISATION', {})).toEqual({ organisationId: 'o1' });
    expect(scopeFilter(provider, 'LEARNER_GROUP', {})).toEqual({});
    expect(() => scopeFilter(provider, 'ORGANISATION', { organisationId: ['o2'] })).toThrow(ForbiddenError);
    expect(() => scopeFilter(provider, 'REGION', {})).toThrow(ForbiddenError);
  });

  it('narrows a quality team to its region', () => {
    expect(scopeFilter(quality, 'REGION_BY_LEARNER_GROUP', {})).toEqual({ region: 'LONDON' });
    expect(() => scopeFilter(quality, 'SITE', { region: 'MIDLANDS' })).toThrow(ForbiddenError);
  });
});
