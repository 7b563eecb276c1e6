import {
  NHS_REGIONS,
  type NhsRegion,
  type OrganisationKind,
  type OrganisationRole,
} from '@nets/provider-assessment/contract-events';
import { seededRandom, shuffled } from './seeded-random';

export interface DemoSite {
  code: string;
  name: string;
}

export interface DemoOrganisation {
  odsCode: string;
  name: string;
  kind: OrganisationKind;
  roles: OrganisationRole[];
  region: NhsRegion;
  sites: DemoSite[];
}

const PREFIXES = [
  'Ash',
  'Bram',
  'Cal',
  'Dun',
  'Elm',
  'Fen',
  'Gold',
  'Hart',
  'Ivy',
  'Kings',
  'Lark',
  'Mar',
  'Nor',
  'Oak',
  'Pen',
  'Quar',
  'Rose',
  'Stan',
  'Thorn',
  'Wil',
];
const SUFFIXES = ['bridge', 'ford', 'ham', 'ley', 'mouth', 'stead', 'ton', 'wick', 'by', 'field'];
const SAINTS = [
  'Aidan',
  'Bede',
  'Cuthbert',
  'Hilda',
  'Oswald',
  'Brigid',
  'Columba',
  'Chad',
  'Wilfrid',
  'Etheldreda',
  'Frideswide',
  'Swithun',
  'Alban',
  'Dunstan',
  'Edmund',
];
const SITE_WORDS = ['General Hospital', 'Community Hospital', 'Health Centre', 'Memorial Hospital'];

/** How many organisations of each kind the demo registry holds: 200 placement providers, 60 education-only. */
export const DEMO_REGISTRY_SHAPE: ReadonlyArray<{ kind: OrganisationKind; count: number }> = [
  { kind: 'NHS_TRUST', count: 30 },
  { kind: 'FOUNDATION_TRUST', count: 40 },
  { kind: 'GP_PRACTICE', count: 50 },
  { kind: 'DENTAL_PRACTICE', count: 15 },
  { kind: 'COMMUNITY_PHARMACY', count: 20 },
  { kind: 'INDEPENDENT_SECTOR', count: 15 },
  { kind: 'HOSPICE', count: 15 },
  { kind: 'LOCAL_AUTHORITY', count: 15 },
  { kind: 'UNIVERSITY', count: 35 },
  { kind: 'FURTHER_EDUCATION_COLLEGE', count: 20 },
  { kind: 'OTHER', count: 5 },
];

const EDUCATION_ONLY: ReadonlySet<OrganisationKind> = new Set([
  'UNIVERSITY',
  'FURTHER_EDUCATION_COLLEGE',
  'OTHER',
]);

const base36 = (n: number, width: number) => n.toString(36).toUpperCase().padStart(width, '0');

/**
 * A deterministic synthetic registry (260 organisations, every kind in every region, trusts with sites).
 * Names are made up from syllables so no real organisation is implied; the codes follow the ODS rules.
 */
export function demoRegistry(seed = 2024): DemoOrganisation[] {
  const random = seededRandom(seed);
  const towns = shuffled(
    PREFIXES.flatMap((prefix) => SUFFIXES.map((suffix) => `${prefix}${suffix}`)),
    random,
  );
  let townIndex = 0;
  const town = () => towns[townIndex++ % towns.length];
  let trust = 0;
  let nCode = 0;
  let ukprn = 0;
  const organisations: DemoOrganisation[] = [];
  for (const { kind, count } of DEMO_REGISTRY_SHAPE) {
    for (let i = 0; i < count; i++) {
      const region = NHS_REGIONS[(i + organisations.length) % NHS_REGIONS.length];
      const place = town();
      const roles: OrganisationRole[] = EDUCATION_ONLY.has(kind)
        ? ['EDUCATION_PROVIDER']
        : kind === 'FOUNDATION_TRUST' && i % 8 === 0
          ? ['PLACEMENT_PROVIDER', 'EDUCATION_PROVIDER']
          : ['PLACEMENT_PROVIDER'];
      const organisation = (odsCode: string, name: string, sites: DemoSite[] = []): DemoOrganisation => ({
        odsCode,
        name,
        kind,
        roles,
        region,
        sites,
      });
      switch (kind) {
        case 'NHS_TRUST':
        case 'FOUNDATION_TRUST': {
          const code = `R${base36(100 + trust++, 2)}`;
          const siteCount = 1 + Math.floor(random() * 3);
          const sites = Array.from({ length: siteCount }, (_, s) => ({
            code: `${code}${String(s + 1).padStart(2, '0')}`,
            name: `${s === 0 ? place : town()} ${SITE_WORDS[s % SITE_WORDS.length]}`,
          }));
          const suffix = kind === 'NHS_TRUST' ? 'Hospitals NHS Trust' : 'Healthcare NHS Foundation Trust';
          organisations.push(organisation(code, `${place} ${suffix}`, sites));
          break;
        }
        case 'GP_PRACTICE':
          organisations.push(organisation(`${'ABCDEFGHJKLMNPY'[i % 15]}${81001 + i}`, `${place} Surgery`));
          break;
        case 'DENTAL_PRACTICE':
          organisations.push(organisation(`V${String(10001 + i)}`, `${place} Dental Care`));
          break;
        case 'COMMUNITY_PHARMACY':
          organisations.push(organisation(`F${base36(1296 + i, 4)}`, `${place} Pharmacy`));
          break;
        case 'INDEPENDENT_SECTOR': {
          const code = `N${base36(100 + nCode++, 2)}`;
          organisations.push(
            organisation(code, `${place} Independent Hospital`, [
              { code: `${code}01`, name: `${place} Clinic` },
            ]),
          );
          break;
        }
        case 'HOSPICE': {
          const code = `N${base36(100 + nCode++, 2)}`;
          const saint = SAINTS[i % SAINTS.length];
          organisations.push(
            organisation(code, `St ${saint}'s Hospice, ${place}`, [
              { code: `${code}01`, name: `St ${saint}'s Hospice Inpatient Unit` },
            ]),
          );
          break;
        }
        case 'LOCAL_AUTHORITY':
          organisations.push(organisation(String(101 + i * 7), `${place} Council`));
          break;
        case 'UNIVERSITY':
          organisations.push(organisation(String(10001001 + ukprn++), `University of ${place}`));
          break;
        case 'FURTHER_EDUCATION_COLLEGE':
          organisations.push(organisation(String(10001001 + ukprn++), `${place} College`));
          break;
        case 'OTHER':
          organisations.push(organisation(`EE${100001 + i}`, `${place} Training Academy`));
          break;
      }
    }
  }
  return organisations;
}

const quote = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** The import CSV header (the shape of an ODS extract: sites are rows whose parent_code is their organisation). */
export const ORGANISATION_CSV_HEADER = 'code,name,kind,roles,region,parent_code';

/** Writes organisations as the import CSV: an organisation row followed by its site rows. */
export function toOrganisationCsv(organisations: readonly DemoOrganisation[]): string {
  const lines = [ORGANISATION_CSV_HEADER];
  for (const o of organisations) {
    lines.push([o.odsCode, quote(o.name), o.kind, o.roles.join(';'), o.region, ''].join(','));
    for (const site of o.sites) lines.push([site.code, quote(site.name), '', '', '', o.odsCode].join(','));
  }
  return `${lines.join('\n')}\n`;
}
