import { REGIONS, REGION_NAMES, type Region, type Role } from '@nets/shared/auth';

/** Every demo user signs in with this password. Development only. */
export const DEMO_PASSWORD = 'demo';

/** The organisation a provider user acts for, by ODS code (or UKPRN): its id is looked up at sign-in. */
export interface DemoOrganisationRef {
  odsCode: string;
  name: string;
  region: Region;
}

export interface DemoUser {
  username: string;
  name: string;
  role: Role;
  /** QUALITY_TEAM only. */
  region?: Region;
  /** PROVIDER_USER and EDUCATION_PROVIDER_USER only. */
  organisation?: DemoOrganisationRef;
}

export const regionName = (region: Region): string => REGION_NAMES[region];

const qualityTeam = (region: Region): DemoUser => ({
  username: `quality.${region.toLowerCase().replace(/_/g, '-')}`,
  name: `${REGION_NAMES[region]} quality team`,
  role: 'QUALITY_TEAM',
  region,
});

const providerUser = (
  role: 'PROVIDER_USER' | 'EDUCATION_PROVIDER_USER',
  organisation: DemoOrganisationRef,
): DemoUser => ({
  username: `${role === 'PROVIDER_USER' ? 'provider' : 'education'}.${organisation.odsCode.toLowerCase()}`,
  name: `${organisation.name} user`,
  role,
  organisation,
});

/**
 * One user for every role of DESIGN.md §2: organisations of the demo registry (`demoRegistry()` of
 * provider-assessment, which `npm start` loads; e2e/demo-users.spec.ts checks these against it).
 */
export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'admin', name: 'NETS administrator', role: 'ADMIN' },
  { username: 'national.analyst', name: 'National analyst', role: 'NATIONAL_ANALYST' },
  ...REGIONS.map(qualityTeam),
  providerUser('PROVIDER_USER', { odsCode: 'R2S', name: 'Penmouth Hospitals NHS Trust', region: 'LONDON' }),
  providerUser('PROVIDER_USER', {
    odsCode: 'R4D',
    name: 'Ashfield Healthcare NHS Foundation Trust',
    region: 'LONDON',
  }),
  providerUser('PROVIDER_USER', {
    odsCode: 'R2T',
    name: 'Quarham Hospitals NHS Trust',
    region: 'SOUTH_WEST',
  }),
  providerUser('PROVIDER_USER', { odsCode: 'A81001', name: 'Goldwick Surgery', region: 'LONDON' }),
  providerUser('EDUCATION_PROVIDER_USER', {
    odsCode: '10001006',
    name: 'University of Calham',
    region: 'LONDON',
  }),
  // A second university, in another region: it sees its own learners' results and nothing of Calham's.
  providerUser('EDUCATION_PROVIDER_USER', {
    odsCode: '10001002',
    name: 'University of Marby',
    region: 'NORTH_WEST',
  }),
];

export function findDemoUser(username: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.username === username.trim().toLowerCase());
}

/** What the sign-in page lists next to each user: their scope. */
export function demoUserScope(user: DemoUser): string {
  if (user.organisation) return `${user.organisation.name} (${user.organisation.odsCode})`;
  if (user.region) return regionName(user.region);
  return 'National';
}
