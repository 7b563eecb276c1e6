import type { PageError } from '@nets/web/ui-nhsuk';
import type { ConcernCategory, ConcernFilter, ConcernStatus } from '../../__generated__/graphql';
import { isUuid, queryText } from '../provider-dashboard/dashboard-address';
import { CATEGORY_WORDS, STATUS_WORDS } from './concern-words';

type Query = Readonly<Record<string, unknown>>;

/** A saved view of the list: every filter and the page, in the address. */
export interface ConcernListAddress {
  status?: ConcernStatus;
  category?: ConcernCategory;
  isf?: number;
  overdue?: boolean;
  organisation?: string;
  /** The graph's cursor: the page after it. */
  after?: string;
}

const isKey = <T extends string>(words: Readonly<Record<T, string>>, value: string): value is T =>
  Object.prototype.hasOwnProperty.call(words, value);

/** Reads the list's filters from the address: a bad value is named in the error summary and not applied. */
export function readListAddress(query: Query): { address: ConcernListAddress; errors: PageError[] } {
  const address: ConcernListAddress = {};
  const errors: PageError[] = [];
  const status = queryText(query, 'status');
  if (status) {
    if (isKey(STATUS_WORDS, status)) address.status = status;
    else errors.push({ field: 'status', message: 'Choose a status from the list' });
  }
  const category = queryText(query, 'category');
  if (category) {
    if (isKey(CATEGORY_WORDS, category)) address.category = category;
    else errors.push({ field: 'category', message: 'Choose a category from the list' });
  }
  const isf = queryText(query, 'isf');
  if (isf) {
    if (/^[1-9]$/.test(isf)) address.isf = Number(isf);
    else errors.push({ field: 'isf', message: 'Choose an ISF level from the list' });
  }
  const overdue = queryText(query, 'overdue');
  if (overdue) {
    if (overdue === 'yes') address.overdue = true;
    else errors.push({ field: 'overdue', message: 'Overdue is either ticked or not' });
  }
  const organisation = queryText(query, 'organisation');
  if (organisation) {
    if (isUuid(organisation)) address.organisation = organisation;
    else errors.push({ field: 'organisation', message: 'Choose an organisation from the list' });
  }
  const after = queryText(query, 'after');
  if (after) {
    if (after.length <= 200) address.after = after;
    else
      errors.push({
        field: 'after',
        message: 'That page of the list does not exist; start from the first page',
      });
  }
  return { address, errors };
}

/** The graph's filter for a view of the list. */
export const graphFilter = (address: ConcernListAddress): ConcernFilter => ({
  ...(address.status ? { status: address.status } : {}),
  ...(address.category ? { category: address.category } : {}),
  ...(address.isf ? { isfLevel: address.isf } : {}),
  ...(address.overdue ? { overdue: true } : {}),
  ...(address.organisation ? { organisationId: address.organisation } : {}),
});

/** The list's address for a view: the same filters give the same list, so it can be saved and shared. */
export function listHref(address: ConcernListAddress): string {
  const params = new URLSearchParams();
  if (address.status) params.set('status', address.status);
  if (address.category) params.set('category', address.category);
  if (address.isf) params.set('isf', String(address.isf));
  if (address.overdue) params.set('overdue', 'yes');
  if (address.organisation) params.set('organisation', address.organisation);
  if (address.after) params.set('after', address.after);
  const search = params.toString();
  return search ? `/concerns/list?${search}` : '/concerns/list';
}
