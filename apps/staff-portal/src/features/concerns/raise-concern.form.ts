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
  organisationIds: ReadonlySet<string>,
): { input: RaiseConcernInput | null; errors: PageError[] } {
  const errors: PageError[] = [];
  const organisationId = one(form, 'organisationId');
  if (!organisationIds.has(organisationId))
    errors.push({ field: 'organisationId', message: 'Choose the placement provider the concern is about' });
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
