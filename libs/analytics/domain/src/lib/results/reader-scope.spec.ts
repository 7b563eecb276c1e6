import { ForbiddenError } from '@nets/shared/util-errors';
import { educationProviderRegionFor, flaggedTablesFor, scopeFilter } from './reader-scope';

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

const university = {
  kind: 'user' as const,
  subject: 'u',
  role: 'EDUCATION_PROVIDER_USER' as const,
  organisationId: 'u1',
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

  it('narrows an education provider user to its own learners, wherever they were placed', () => {
    expect(scopeFilter(university, 'EDUCATION_PROVIDER', {})).toEqual({ educationProviderId: 'u1' });
    expect(scopeFilter(university, 'EDUCATION_PROVIDER_BY_ORGANISATION', { organisationId: 'o2' })).toEqual({
      organisationId: 'o2',
      educationProviderId: 'u1',
    });
    expect(() => scopeFilter(university, 'EDUCATION_PROVIDER', { educationProviderId: 'u2' })).toThrow(
      ForbiddenError,
    );
    expect(() => scopeFilter(university, 'ORGANISATION_BY_LEARNER_GROUP', { organisationId: 'o2' })).toThrow(
      ForbiddenError,
    );
    expect(() => scopeFilter(university, 'REGION', {})).toThrow(ForbiddenError);
    expect(scopeFilter(university, 'PROFESSION', {})).toEqual({});
    expect(flaggedTablesFor(university, {})).toEqual([
      'EDUCATION_PROVIDER',
      'EDUCATION_PROVIDER_BY_ORGANISATION',
    ]);
  });

  it("lets a placement provider read its learners by education provider, and nothing of another's", () => {
    expect(scopeFilter(provider, 'EDUCATION_PROVIDER_BY_ORGANISATION', {})).toEqual({ organisationId: 'o1' });
    expect(() => scopeFilter(provider, 'EDUCATION_PROVIDER', {})).toThrow(ForbiddenError);
  });

  it("narrows a quality team's tables by education provider to its region's education providers", () => {
    expect(educationProviderRegionFor(quality, 'EDUCATION_PROVIDER')).toBe('LONDON');
    expect(educationProviderRegionFor(quality, 'REGION')).toBeUndefined();
    expect(educationProviderRegionFor(university, 'EDUCATION_PROVIDER')).toBeUndefined();
    expect(scopeFilter(quality, 'EDUCATION_PROVIDER', {}, ['u1', 'u3'])).toEqual({
      educationProviderId: ['u1', 'u3'],
    });
    expect(
      scopeFilter(quality, 'EDUCATION_PROVIDER_BY_ORGANISATION', { educationProviderId: 'u3' }, ['u1', 'u3']),
    ).toEqual({ educationProviderId: ['u3'] });
    expect(scopeFilter(quality, 'EDUCATION_PROVIDER', {}, [])).toEqual({ educationProviderId: [] });
    expect(() => scopeFilter(quality, 'EDUCATION_PROVIDER', { educationProviderId: 'u2' }, ['u1'])).toThrow(
      ForbiddenError,
    );
  });
});
