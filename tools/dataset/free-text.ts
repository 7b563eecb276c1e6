// Learners' comments as they arrive: mostly plain, some naming people, places, wards and identifiers that
// the redaction must catch before any provider reads them. Every identifier is synthetic (NHS numbers with a
// valid checksum from the 999 test range, Ofcom drama phone numbers, example.org mail).
import type { Random } from './random';

const FIRST_NAMES = [
  'Sarah',
  'James',
  'Priya',
  'Mohammed',
  'Emily',
  'Oluwaseun',
  'Grace',
  'Tomasz',
  'Aisha',
  'Liam',
];
const SURNAMES = [
  'Khan',
  'Smith',
  'Patel',
  'Okafor',
  'Williams',
  'Nowak',
  'Evans',
  'Hughes',
  'Begum',
  'Clarke',
];
const TITLES = ['Dr', 'Sister', 'Mr', 'Ms', 'Nurse'];
const WARDS = ['Ward 7', 'Ward 12B', 'the Acute Medical Unit', 'Larch Ward', 'the Birth Centre', 'ICU'];
const TOWNS = ['Leeds', 'Bristol', 'Norwich', 'Stoke-on-Trent', 'Gateshead', 'Croydon', 'Preston', 'Truro'];
const POSTCODES = ['LS1 4AP', 'BS2 8HW', 'NR4 7UY', 'ST4 6QG', 'NE9 6SX', 'CR7 7YE', 'PR2 9HT', 'TR1 3LJ'];

const PLAIN_WORKED_WELL = [
  'The team made me feel welcome from the first day and always found time to teach.',
  'Protected teaching every Wednesday, which was never cancelled.',
  'Great variety of cases and I was trusted to do more as my confidence grew.',
  'My supervisor gave regular, honest feedback and helped me plan my learning.',
  'Good induction and clear information about who to ask for help.',
];
const PLAIN_COULD_IMPROVE = [
  'Rota gaps meant teaching was often cancelled at short notice.',
  'It was hard to get IT access in the first two weeks.',
  'There was nowhere quiet to study or take a break.',
  'Students were sometimes used to fill staffing gaps rather than to learn.',
  'Handover was rushed and I was not always sure who was supervising me.',
];

/** A valid NHS number (mod 11 checksum) in the 999 range reserved for testing. */
function nhsNumber(random: Random): string {
  for (;;) {
    const digits = [9, 9, 9, ...Array.from({ length: 6 }, () => random.int(10))];
    const sum = digits.reduce((total, digit, i) => total + digit * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    const all = [...digits, check === 11 ? 0 : check].join('');
    return `${all.slice(0, 3)} ${all.slice(3, 6)} ${all.slice(6)}`;
  }
}

function person(random: Random): string {
  return `${random.pick(TITLES)} ${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
}

type Template = (random: Random, site: string | undefined) => string;

const IDENTIFYING: Template[] = [
  (r, site) => `${person(r)} on ${r.pick(WARDS)} at ${site ?? r.pick(TOWNS)} was an amazing mentor.`,
  (r) =>
    `My mentor ${r.pick(FIRST_NAMES)} ${r.pick(SURNAMES)} never had time for me; ask anyone on ${r.pick(WARDS)}.`,
  (r) =>
    `I was asked to record patient details (NHS number ${nhsNumber(r)}) on a paper list that was left at the desk.`,
  (r) =>
    `Happy to talk more: call me on 07700 900${String(100 + r.int(900))} or email ${r.pick(FIRST_NAMES).toLowerCase()}.${r.pick(SURNAMES).toLowerCase()}@example.org.`,
  (r) => `Commuting from ${r.pick(TOWNS)} (${r.pick(POSTCODES)}) to the placement took two hours each way.`,
  (r) => `My GMC number is ${7000000 + r.int(999999)} if you need to check my rotation.`,
  (r, site) =>
    `The night shifts at ${site ?? 'the hospital'} with ${person(r)} were the best learning I had.`,
];

export interface Comments {
  workedWell?: string;
  couldImprove?: string;
}

/** About one learner in five comments; about a third of comments identify someone or something. */
export function comments(random: Random, siteName: string | undefined, positive: boolean): Comments {
  const result: Comments = {};
  if (random.next() < 0.14) {
    result.workedWell =
      random.next() < 0.35 ? random.pick(IDENTIFYING)(random, siteName) : random.pick(PLAIN_WORKED_WELL);
  }
  if (random.next() < (positive ? 0.06 : 0.25)) {
    result.couldImprove =
      random.next() < 0.35 ? random.pick(IDENTIFYING)(random, siteName) : random.pick(PLAIN_COULD_IMPROVE);
  }
  return result;
}
