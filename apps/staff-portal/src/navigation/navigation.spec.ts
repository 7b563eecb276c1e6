import { homeFor, navigationFor } from './navigation';

const ENTRIES = [
  { href: '/overview', text: 'National overview', roles: ['NATIONAL_ANALYST', 'PROVIDER_USER'] as const },
  { href: '/flags', text: 'Quality flags', roles: ['NATIONAL_ANALYST', 'QUALITY_TEAM'] as const },
];

describe('navigation by role', () => {
  it('shows only the pages the role may use, the current one marked', () => {
    expect(navigationFor(ENTRIES, 'PROVIDER_USER', '/overview')).toEqual([
      { href: '/overview', text: 'National overview', current: true },
    ]);
    expect(navigationFor(ENTRIES, 'QUALITY_TEAM', '/flags/RAX')).toEqual([
      { href: '/flags', text: 'Quality flags', active: true },
    ]);
    expect(navigationFor(ENTRIES, undefined, '/')).toEqual([]);
  });

  it('starts each role on the first page it may use', () => {
    expect(homeFor(ENTRIES, 'QUALITY_TEAM')).toBe('/flags');
    expect(homeFor(ENTRIES, 'ADMIN')).toBe('/');
  });
});
