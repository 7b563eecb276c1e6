import type { StaffPortalConcernDashboardQuery } from '../../__generated__/graphql';
import { numberCell, textCell, type TableModel } from '../../tables/table-model';
import { listHref, type ConcernListAddress } from './concern-list.filters';
import { CATEGORY_WORDS, STATUS_WORDS, stepWords, wordsOf } from './concern-words';

type Dashboard = StaffPortalConcernDashboardQuery['concernDashboard'];
type Count = { key: string; count: number };

const countTable = (
  id: string,
  caption: string,
  header: string,
  counts: readonly Count[],
  label: (key: string) => string,
  link: ((key: string) => string | undefined) | null,
): TableModel => ({
  id,
  caption,
  columns: [
    { key: 'what', header },
    { key: 'count', header: 'Concerns', numeric: true },
  ],
  rows: counts.map(({ key, count }) => ({
    what: textCell(label(key), link?.(key)),
    count: numberCell(count),
  })),
  emptyText: 'No concerns.',
});

/**
 * The dashboard's tables; with `linked` (the quality team, who can open the list) each count links to the
 * list filtered to it. Pathway steps are counted from the concerns the list returns (the graph's dashboard
 * has no step counts), so `steps` says how many concerns they cover.
 */
export function concernsDashboardView(
  dashboard: Dashboard,
  steps: { counts: Count[]; covered: number } | null,
  linked: boolean,
) {
  const to = (address: ConcernListAddress) => (linked ? listHref(address) : undefined);
  const isStatus = (key: string): key is keyof typeof STATUS_WORDS => key in STATUS_WORDS;
  const isCategory = (key: string): key is keyof typeof CATEGORY_WORDS => key in CATEGORY_WORDS;
  return {
    total: dashboard.total,
    overdueConcerns: dashboard.overdueConcerns,
    overdueActions: dashboard.overdueActions,
    // "0 overdue" is said, not linked: a link to an empty list is a dead end.
    overdueHref: dashboard.overdueConcerns > 0 ? to({ overdue: true }) : undefined,
    medianDaysText: medianDaysText(dashboard.medianDaysToResolution),
    tables: [
      countTable(
        'by-status',
        'Concerns by status',
        'Status',
        dashboard.byStatus,
        (k) => wordsOf(STATUS_WORDS, k),
        (k) => (isStatus(k) ? to({ status: k }) : undefined),
      ),
      countTable(
        'by-isf-level',
        'Concerns by Intensive Support Framework level',
        'ISF level',
        dashboard.byIsfLevel,
        (k) => (k === 'NONE' ? 'Not set' : `Level ${k}`),
        (k) => (/^\d+$/.test(k) ? to({ isf: Number(k) }) : undefined),
      ),
      countTable(
        'by-category',
        'Concerns by category',
        'Category',
        dashboard.byCategory,
        (k) => wordsOf(CATEGORY_WORDS, k),
        (k) => (isCategory(k) ? to({ category: k }) : undefined),
      ),
      ...(steps
        ? [
            countTable(
              'by-pathway-step',
              `Concerns by pathway step (the ${steps.covered} most recent)`,
              'Pathway step',
              steps.counts,
              (k) => stepWords(Number(k)),
              null,
            ),
          ]
        : []),
    ],
  };
}

/** The graph's median is null until a concern in scope is resolved: say so, never "0" or a blank. */
export function medianDaysText(median: number | null): string {
  if (median === null) return 'No concern resolved yet';
  const days = Math.round(median);
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Counts concerns by their pathway step, steps in order. */
export function countSteps(concerns: ReadonlyArray<{ escalationStep: number }>): Count[] {
  const counts = new Map<number, number>();
  for (const { escalationStep } of concerns)
    counts.set(escalationStep, (counts.get(escalationStep) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => a - b)
    .map(([step, count]) => ({ key: String(step), count }));
}
