import type { StaffPortalFlagConcernQuery } from '../../__generated__/graphql';
import { dashboardHref } from '../provider-dashboard/dashboard-address';

type Concern = NonNullable<StaffPortalFlagConcernQuery['concern']>;

const SOURCES: Readonly<Record<string, string>> = {
  ANALYTICS_RED_FLAG: 'A red flag in the NETS results',
  ANALYTICS_PERSISTENT_RED_FLAG: 'A persistent red flag in the NETS results',
};

const words = (code: string): string => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

const day = (iso: string): string =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'Europe/London',
  });

/** A concern as the summary list of its page shows it. */
export function concernView(concern: Concern) {
  return {
    reference: concern.reference,
    rows: [
      {
        key: { text: 'Organisation' },
        value: { text: `${concern.organisation.name} (${concern.organisation.odsCode})` },
      },
      { key: { text: 'Status' }, value: { text: words(concern.status) } },
      { key: { text: 'Opened from' }, value: { text: SOURCES[concern.source] ?? words(concern.source) } },
      { key: { text: 'Category' }, value: { text: words(concern.category) } },
      { key: { text: 'Description' }, value: { text: concern.description } },
      {
        key: { text: 'Standards at risk' },
        value: {
          text: concern.standardsAtRisk.length ? concern.standardsAtRisk.join(', ') : 'None named yet',
        },
      },
      {
        key: { text: 'Intensive Support Framework review' },
        value: { text: concern.isfReviewProposed ? 'Proposed: the flag is persistent' : 'Not proposed' },
      },
      { key: { text: 'Raised' }, value: { text: day(concern.raisedAt) } },
      { key: { text: 'Last updated' }, value: { text: day(concern.updatedAt) } },
    ],
    timeline: concern.timeline.map((entry) => ({ id: entry.id, at: day(entry.at), what: entry.what })),
    dashboardHref: dashboardHref(concern.organisation.id),
  };
}
