import type { StaffPortalConcernListQuery } from '../../__generated__/graphql';
import { numberCell, textCell, type TableModel } from '../../tables/table-model';
import { listHref, type ConcernListAddress } from './concern-list.filters';
import { BAND_WORDS, CATEGORY_WORDS, STATUS_WORDS, dayOf } from './concern-words';

type Connection = StaffPortalConcernListQuery['concerns'];

const options = (words: Readonly<Record<string, string>>, chosen: string | undefined, any: string) => [
  { value: '', text: any, selected: !chosen },
  ...Object.entries(words).map(([value, text]) => ({ value, text, selected: value === chosen })),
];

/** The list's table, its filters' options and its paging, from one page of the graph's answer. */
export function concernListView(connection: Connection, address: ConcernListAddress, isfLevels: number[]) {
  const table: TableModel = {
    id: 'concerns',
    caption: `Concerns, newest first (${connection.totalCount} in all)`,
    columns: [
      { key: 'reference', header: 'Reference' },
      { key: 'organisation', header: 'Organisation' },
      { key: 'category', header: 'Category' },
      { key: 'status', header: 'Status' },
      { key: 'isf', header: 'ISF level' },
      { key: 'step', header: 'Pathway step', numeric: true },
      { key: 'risk', header: 'Risk' },
      { key: 'overdue', header: 'Overdue' },
      { key: 'raised', header: 'Raised' },
    ],
    rows: connection.nodes.map((c) => ({
      reference: textCell(c.reference, `/concerns/${c.id}`),
      organisation: textCell(c.organisation.name),
      category: textCell(CATEGORY_WORDS[c.category]),
      status: textCell(STATUS_WORDS[c.status]),
      isf: textCell(c.isfLevel ? `${c.isfLevel.level}: ${c.isfLevel.name}` : 'Not set'),
      step: numberCell(c.escalationStep),
      risk: textCell(c.risk ? `${c.risk.score} (${BAND_WORDS[c.risk.band]})` : 'Not graded'),
      overdue: textCell(c.overdue ? 'Overdue' : 'No'),
      raised: textCell(dayOf(c.raisedAt)),
    })),
    emptyText: 'No concerns match these filters.',
  };
  const withoutPage = { ...address, after: undefined };
  return {
    table,
    totalCount: connection.totalCount,
    statusOptions: options(STATUS_WORDS, address.status, 'Any status'),
    categoryOptions: options(CATEGORY_WORDS, address.category, 'Any category'),
    isfOptions: [
      { value: '', text: 'Any level', selected: !address.isf },
      ...isfLevels.map((level) => ({
        value: String(level),
        text: `Level ${level}`,
        selected: level === address.isf,
      })),
    ],
    overdue: address.overdue === true,
    organisation: address.organisation ?? '',
    nextHref:
      connection.hasNextPage && connection.endCursor
        ? listHref({ ...address, after: connection.endCursor })
        : null,
    firstHref: address.after ? listHref(withoutPage) : null,
    clearHref: listHref({}),
  };
}
