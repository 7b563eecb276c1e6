import { hasUnstorableCharacters } from '@nets/shared/util-text';
import type { Role } from '@nets/shared/auth';
import type { PageError } from '@nets/web/ui-nhsuk';
import type { ConcernCategory, RaiseConcernInput } from '../../__generated__/graphql';
import type { FormValues } from './concern-command-forms';
import { CATEGORY_WORDS } from './concern-words';

/** Who raises a concern from the portal (issue 18): the regional quality team and education providers. */
export const RAISERS: readonly Role[] = ['QUALITY_TEAM', 'EDUCATION_PROVIDER_USER'];

const MAX_DESCRIPTION = 10_000;
const MAX_PROGRAMME = 200;
const STANDARD = /^[1-6]\.\d{1,2}$/;

const one = (form: FormValues, name: string): string => {
  const value = form[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
};

export const categoryOptions = (chosen: string) => [
  { value: '', text: 'Choose a category', selected: chosen === '' },
  ...Object.entries(CATEGORY_WORDS).map(([value, text]) => ({ value, text, selected: value === chosen })),
];

/**
 * The form as the graph is to be asked: the organisation (one of those offered), the category, what happened,
 * the standards at risk (optional, "1.1, 2.3"), who raised it (the quality team: itself or a regulator) and the
 * programme (an education provider, optional). Every problem is named against its field.
 */
export function parseRaiseConcern(
  form: FormValues,
  role: Role,
  offered: readonly RaisableOrganisation[],
): { input: RaiseConcernInput | null; errors: PageError[] } {
  const errors: PageError[] = [];
  const organisationId = chosenOrganisation(form, offered)?.id ?? '';
  if (!organisationId)
    errors.push({
      field: 'organisationId',
      message: 'Search for the placement provider the concern is about and choose it',
    });
  const category = one(form, 'category');
  if (!(category in CATEGORY_WORDS))
    errors.push({ field: 'category', message: 'Choose the category of the concern' });
  const description = one(form, 'description');
  if (!description) errors.push({ field: 'description', message: 'Describe the concern' });
  else if (description.length > MAX_DESCRIPTION)
    errors.push({ field: 'description', message: 'The description must be 10,000 characters or fewer' });
  else if (hasUnstorableCharacters(description))
    errors.push({ field: 'description', message: 'The description must be plain text' });
  const standardsText = one(form, 'standards');
  const standards = standardsText ? standardsText.split(/[\s,;]+/).filter(Boolean) : [];
  if (standards.some((code) => !STANDARD.test(code)))
    errors.push({
      field: 'standards',
      message: 'Enter Quality Framework standards as codes such as 1.1, separated by commas',
    });
  const input: RaiseConcernInput = {
    organisationId,
    category: category as ConcernCategory,
    description,
    standardsAtRisk: [...new Set(standards)],
  };
  if (role === 'QUALITY_TEAM') {
    const source = one(form, 'source');
    if (source !== 'QUALITY_TEAM' && source !== 'REGULATOR')
      errors.push({ field: 'source', message: 'Say whether your team or a regulator raised the concern' });
    input.source = source === 'REGULATOR' ? 'REGULATOR' : 'QUALITY_TEAM';
  } else {
    const programme = one(form, 'programme');
    if (programme.length > MAX_PROGRAMME || /[\r\n]/.test(programme) || hasUnstorableCharacters(programme))
      errors.push({
        field: 'programme',
        message: 'The programme must be 200 characters or fewer on one line',
      });
    if (programme) input.programme = programme;
  }
  return { input: errors.length === 0 ? input : null, errors };
}

export interface RaisableOrganisation {
  id: string;
  name: string;
  odsCode: string;
}

/** How many matches the organisation search lists at once: more asks the user to narrow it. */
export const SEARCH_LIMIT = 20;

const normalised = (text: string) => text.toLocaleLowerCase('en-GB').replace(/\s+/g, ' ').trim();

/**
 * The organisation search of the raise form (NHS.UK pattern: a text input whose search lists the matches to
 * choose from, instead of a select of hundreds): every offered organisation whose name or ODS code contains
 * each word typed, an exact ODS code first, then by name.
 */
export function searchOrganisations(
  offered: readonly RaisableOrganisation[],
  text: string,
): { matches: RaisableOrganisation[]; more: number } {
  const words = normalised(text).split(' ').filter(Boolean);
  if (words.length === 0) return { matches: [], more: 0 };
  const code = normalised(text);
  const found = offered
    .filter((o) => {
      const haystack = normalised(`${o.name} ${o.odsCode}`);
      return words.every((word) => haystack.includes(word));
    })
    .sort(
      (a, b) =>
        Number(normalised(b.odsCode) === code) - Number(normalised(a.odsCode) === code) ||
        a.name.localeCompare(b.name, 'en-GB'),
    );
  return { matches: found.slice(0, SEARCH_LIMIT), more: Math.max(0, found.length - SEARCH_LIMIT) };
}

/**
 * The organisation the form names: the one chosen among the listed matches, else the only match of the
 * search typed (a user who types an ODS code and presses "Raise the concern" means that organisation).
 */
export function chosenOrganisation(
  form: FormValues,
  offered: readonly RaisableOrganisation[],
): RaisableOrganisation | null {
  const id = one(form, 'organisationId');
  const picked = offered.find((o) => o.id === id);
  if (picked) return picked;
  const { matches, more } = searchOrganisations(offered, one(form, 'organisationSearch'));
  return matches.length === 1 && more === 0 ? matches[0] : null;
}
