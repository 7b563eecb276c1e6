import { functionWords, genericPlaceWords, nonNameWords, roleNouns } from './domain-vocabulary';
import type { Candidate } from './redaction.types';
import type { Token } from './text-tokens';

/*
 * The shapes in which learners name a site or a part of one without any registry word (issue 13 item 6):
 * coded wards and bays (`Ward 7B`, `ward C4`, `bay B`, `AMU 2`, `Rowan 2`), hospitals called by their place and
 * `General`/`Royal`/`DGH`/`Infirmary`/`Memorial` (`Barnsley General`, `Salford Royal`, `Kettering DGH`),
 * `the Royal <Place>`, a saint's possessive (`St Elsewhere's`), a hospital's nickname standing alone (`the
 * Royal was busy`), and a department located by floor or level (`3rd floor cardiology`, `level 5 oncology`).
 * Grades, years and generic places (`band 5`, `level 3 apprentice`, `year 2`, `the general ward`, `royal
 * pain`, `the 4th floor`) have none of these shapes.
 */

const spaced = (token: Token | undefined): token is Token =>
  token !== undefined && /^[ \t]+$/.test(token.gapBefore);

/** `7B`, `12a`, `C4`, `21`, `B`: a ward or bay code. */
const wardCode = /^(?:\d{1,3}[A-Za-z]?|[A-Za-z]\d{1,2}[A-Za-z]?|[A-Z])$/;
/** After a ward code, these make it a count (`ward 2 days a week`), not a name. */
const countNouns = new Set([
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'shift',
  'shifts',
  'time',
  'times',
  'hour',
  'hours',
  'night',
  'nights',
  'x',
]);
const wardWords = new Set(['ward', 'bay', 'pod']);

/** Assessment and short-stay units often numbered on large sites (`AMU 2`, `SAU 1`). */
const unitAcronyms = new Set([
  'amu',
  'sau',
  'mau',
  'eau',
  'cau',
  'cdu',
  'ccu',
  'hdu',
  'itu',
  'icu',
  'nicu',
  'picu',
  'scbu',
  'ed',
  'ae',
  'opd',
  'dsu',
  'acu',
]);

/** Capitalised words that are counted, not named, when a number follows (`Year 2`, `Band 5`, `Level 3`). */
const countedWords = new Set([
  'year',
  'years',
  'band',
  'level',
  'week',
  'day',
  'module',
  'unit',
  'part',
  'stage',
  'step',
  'page',
  'chapter',
  'version',
  'grade',
  'key',
  'phase',
  'room',
  'floor',
  'tier',
  'cohort',
  'group',
  'block',
  'section',
  'placement',
  'rotation',
  'term',
  'semester',
  'session',
  'number',
  'no',
  'bed',
  'beds',
  'bay',
  'ward',
  'theatre',
  'fy',
  'st',
  'ct',
  'news',
  'covid',
  'top',
  'class',
  'team',
  'shift',
  'slot',
  'list',
  'question',
  'task',
  'skill',
  'scenario',
]);
const onPrepositions = new Set(['on', 'onto', 'to', 'from', 'at', 'in', 'off']);

/** Words after `General`, `Royal`, `DGH`, … that make them a site's short name. */
const hospitalShortSuffixes = new Set(['general', 'royal', 'dgh', 'infirmary', 'memorial']);
/** `Royal <X>` names that are no hospital. */
const notHospitalsAfterRoyal = new Set([
  'mail',
  'family',
  'navy',
  'air',
  'marines',
  'society',
  'college',
  'colleges',
  'academy',
  'institution',
  'british',
  'mint',
  'opera',
  'ballet',
  'variety',
  'warrant',
  'highness',
  'pharmaceutical',
  'london',
  'voluntary',
]);

/** Specialties and units that, after a floor or level, locate one department of one site. */
const specialtyWords = new Set(
  `
  cardiology cardiac coronary cardiothoracic respiratory renal stroke oncology haematology neuro neurology
  neurosurgery rehab rehabilitation orthopaedics orthopaedic ortho trauma surgical surgery medical medicine
  elderly frailty maternity labour postnatal antenatal neonatal neonates paediatric paediatrics paeds children's
  gynaecology gynae obstetrics urology vascular gastro gastroenterology hepatology liver endoscopy theatres
  theatre recovery outpatients outpatient dialysis burns plastics ent ophthalmology eye dermatology rheumatology
  diabetes endocrine palliative radiology imaging x-ray critical intensive acute assessment short stay
  ambulatory icu itu hdu ccu cdu amu sau mau nicu picu scbu ed a&e ae transplant spinal breast fracture
  resp colorectal gi older people's persons mental health psychiatric
  psychiatry inpatient inpatients
`
    .trim()
    .split(/\s+/),
);
const ordinalWords = new Set([
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
]);
const ordinal = (token: Token): boolean =>
  /^\d{1,2}(?:st|nd|rd|th)$/.test(token.lower) || ordinalWords.has(token.lower);

/** A word that may be the name part of a site: capitalised, not a word of the domain or a function word. */
function distinctive(token: Token): boolean {
  const word = token.lower.replace(/'s$/, '');
  return (
    (token.capitalised || token.allCaps) &&
    !genericPlaceWords.has(word) &&
    !nonNameWords.has(word) &&
    !roleNouns.has(word) &&
    !functionWords.has(word) &&
    !/^\d/.test(word)
  );
}

const place = (from: Token, to: Token, source: string): Candidate => ({
  start: from.start,
  end: to.end,
  type: 'PLACE',
  source: `pattern:${source}`,
  confidence: 'certain',
});

/** `Ward 7B`, `ward C4`, `bay B`, `Bay 3`, `AMU 2`, and a named ward with a number after a preposition (`on Rowan 2`). */
function findCodedWards(tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((token, i) => {
    const code = tokens[i + 1];
    if (!spaced(code) || !wardCode.test(code.text)) {
      return;
    }
    const after = tokens[i + 2];
    if (spaced(after) && countNouns.has(after.lower)) {
      return;
    }
    if (wardWords.has(token.lower)) {
      found.push(place(token, code, 'ward-code'));
      return;
    }
    if (!/^\d{1,2}[A-Za-z]?$/.test(code.text)) {
      return;
    }
    if (token.allCaps && unitAcronyms.has(token.lower)) {
      found.push(place(token, code, 'unit-code'));
      return;
    }
    const before = tokens[i - 1]?.lower === 'the' ? tokens[i - 2] : tokens[i - 1];
    if (
      token.capitalised &&
      before !== undefined &&
      onPrepositions.has(before.lower) &&
      !countedWords.has(token.lower) &&
      distinctive(token)
    ) {
      found.push(place(token, code, 'named-ward-code'));
    }
  });
  return found;
}

/**
 * `Barnsley General`, `Chesterfield Royal`, `Kettering DGH`, `Brackenfield and District General`,
 * `Darlington Memorial`: capitalised words before the suffix, at least one of them distinctive.
 */
function findHospitalShortNames(tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((token, i) => {
    if (!hospitalShortSuffixes.has(token.lower) || !(token.capitalised || token.allCaps) || i === 0) {
      return;
    }
    let from = i;
    while (from > 0 && i - from < 5 && spaced(tokens[from])) {
      const previous = tokens[from - 1];
      const joiner = (previous.lower === 'and' || previous.lower === '&') && from - 2 >= 0;
      if (!(previous.capitalised || previous.allCaps || joiner)) {
        break;
      }
      from -= 1;
      if (previous.sentenceInitial) {
        break;
      }
    }
    while (from < i && !distinctive(tokens[from])) {
      from += 1;
    }
    if (from < i) {
      found.push(place(tokens[from], token, 'hospital-short-name'));
    }
  });
  return found;
}

/** `the Royal Berkshire`, `Royal Hallamshire`; the national bodies (`Royal College of …`) are kept elsewhere. */
function findRoyalPlaces(tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((token, i) => {
    if (token.text !== 'Royal') {
      return;
    }
    let to = i;
    while (to + 1 < tokens.length && to - i < 3 && spaced(tokens[to + 1]) && distinctive(tokens[to + 1])) {
      to += 1;
    }
    if (to > i && !notHospitalsAfterRoyal.has(tokens[i + 1].lower)) {
      found.push(place(token, tokens[to], 'royal-place'));
    }
  });
  return found;
}

/**
 * `St Elsewhere's`, `Saint Oswald's`: a saint's possessive names a hospital, hospice or practice. `the Royal`,
 * `the General`, `the Infirmary` standing alone before a verb or punctuation are a site's nickname.
 */
function findSaintsAndNicknames(tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((token, i) => {
    const next = tokens[i + 1];
    if (
      (token.lower === 'st' || token.lower === 'saint') &&
      token.capitalised &&
      next !== undefined &&
      /^\.?[ \t]+$/.test(next.gapBefore) &&
      next.capitalised &&
      /['’]s$/.test(next.text)
    ) {
      found.push(place(token, next, 'saint-possessive'));
      return;
    }
    if (
      /^(?:Royal|General|Infirmary)$/.test(token.text) &&
      tokens[i - 1]?.lower === 'the' &&
      spaced(token) &&
      (next === undefined || !spaced(next) || functionWords.has(next.lower))
    ) {
      found.push(place(token, token, 'site-nickname'));
    }
  });
  return found;
}

/**
 * `3rd floor cardiology`, `the second floor theatres`, `level 5 oncology`, `floor 2 renal`, `Level 4 neuro
 * rehab`: a floor or level followed by the specialty it holds locates one department of one site. A floor with
 * no specialty after it (`the 4th floor was cold`, `level 3 apprentice`, `level 3 car park`) is left.
 */
function findDepartmentLocations(tokens: readonly Token[]): Candidate[] {
  const found: Candidate[] = [];
  tokens.forEach((token, i) => {
    let last: number | undefined;
    const next = tokens[i + 1];
    if (ordinal(token) && spaced(next) && next.lower === 'floor') {
      last = i + 1;
    } else if (
      (token.lower === 'level' || token.lower === 'floor') &&
      spaced(next) &&
      /^\d{1,2}$/.test(next.text)
    ) {
      last = i + 1;
    }
    if (last === undefined) {
      return;
    }
    let to = last;
    while (
      to + 1 < tokens.length &&
      to - last < 3 &&
      spaced(tokens[to + 1]) &&
      specialtyWords.has(tokens[to + 1].lower)
    ) {
      to += 1;
    }
    if (to > last) {
      found.push(place(token, tokens[to], 'department-location'));
    }
  });
  return found;
}

const placeModifiers = new Set([
  'Mid',
  'North',
  'South',
  'East',
  'West',
  'Central',
  'Greater',
  'Upper',
  'Lower',
]);

/**
 * Widens place and organisation candidates over a capitalised compass word just before them (`Mid Yorkshire`,
 * `North Tees`), which a recogniser often leaves out; the merge then joins places listed with `and`.
 */
export function widenPlaceModifiers(candidates: readonly Candidate[], tokens: readonly Token[]): Candidate[] {
  return candidates.map((candidate) => {
    if (candidate.type !== 'PLACE' && candidate.type !== 'ORGANISATION') {
      return candidate;
    }
    const index = tokens.findIndex((token) => token.start === candidate.start);
    const before = tokens[index - 1];
    if (index > 0 && before !== undefined && placeModifiers.has(before.text) && spaced(tokens[index])) {
      return { ...candidate, start: before.start };
    }
    return candidate;
  });
}

export function findSiteShapes(tokens: readonly Token[]): Candidate[] {
  return [
    ...findCodedWards(tokens),
    ...findHospitalShortNames(tokens),
    ...findRoyalPlaces(tokens),
    ...findSaintsAndNicknames(tokens),
    ...findDepartmentLocations(tokens),
  ].sort((a, b) => a.start - b.start);
}
