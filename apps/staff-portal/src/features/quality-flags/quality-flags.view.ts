import type {
  StaffPortalQualityFlagConcernsQuery,
  StaffPortalQualityFlagsQuery,
} from '../../__generated__/graphql';
import { RESULT_COLUMNS, resultRowCells } from '../../results/result-cells';

/** A flag's figures; its interval and respondents are on the organisation's dashboard, a link away. */
const FLAG_FIGURES = RESULT_COLUMNS.filter((c) => ['percent', 'benchmark', 'flag'].includes(c.key));
import { textCell, type TableModel } from '../../tables/table-model';
import { dashboardHref } from '../provider-dashboard/dashboard-address';
import { regionName } from './region-names';

export type QualityFlag = StaffPortalQualityFlagsQuery['qualityFlags'][number];
export type Concern = StaffPortalQualityFlagConcernsQuery['concerns']['nodes'][number];
export type OrganisationNames = ReadonlyMap<string, { name: string; odsCode: string }>;

const FROM_RED_FLAG: ReadonlySet<string> = new Set(['ANALYTICS_RED_FLAG', 'ANALYTICS_PERSISTENT_RED_FLAG']);

/**
 * The triage concern analytics opened for an organisation's RED flag on a measure in a cycle. The concerns
 * service opens one per organisation, cycle and measure, and its description names them:
 * "NETS <year>: RED outlier on <measure key> (…".
 */
export function concernOpenedBy(
  concerns: readonly Concern[],
  organisationId: string,
  year: number,
  measureKey: string,
): Concern | null {
  const named = `NETS ${year}: RED outlier on ${measureKey} (`;
  return (
    concerns.find(
      (c) =>
        FROM_RED_FLAG.has(c.source) &&
        c.organisation.id === organisationId &&
        c.description.startsWith(named),
    ) ?? null
  );
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  RAISED: 'raised',
  TRIAGED: 'triaged',
  ESCALATED: 'escalated',
  ACTION_PLAN_AGREED: 'action plan agreed',
  MONITORING: 'monitoring',
  RESOLUTION_PROPOSED: 'resolution proposed',
  RESOLVED: 'resolved',
  CLOSED: 'closed',
  WITHDRAWN: 'withdrawn',
};

/**
 * The list as a table: the graph's flags (persistent ones only when asked), each linked to its organisation's
 * dashboard and to the concern it opened. Persistent flags first, then by organisation and measure.
 */
export function qualityFlagsTable(
  flags: readonly QualityFlag[],
  options: {
    year: number;
    caption: string;
    persistentOnly: boolean;
    /** Readers of one region (or one organisation) do not need a region column. */
    showRegion: boolean;
    organisations: OrganisationNames;
    /** Null for readers the concerns service does not answer (national roles): the column is left out. */
    concerns: readonly Concern[] | null;
  },
): TableModel {
  const concerns = options.concerns ?? [];
  const rows = flags
    .filter((f) => !options.persistentOnly || f.persistent)
    .map((f) => {
      const organisationId = f.result.group.organisationId;
      const organisation = organisationId ? options.organisations.get(organisationId) : undefined;
      const concern =
        organisationId && f.result.flag === 'RED'
          ? concernOpenedBy(concerns, organisationId, options.year, f.result.measureKey)
          : null;
      return {
        f,
        organisationId,
        organisationName: organisation?.name ?? 'An organisation not in the registry',
        organisation,
        concern,
      };
    })
    .sort(
      (a, b) =>
        Number(b.f.persistent) - Number(a.f.persistent) ||
        a.organisationName.localeCompare(b.organisationName) ||
        a.f.result.measureTitle.localeCompare(b.f.result.measureTitle) ||
        (a.f.result.group.learnerGroup ?? '').localeCompare(b.f.result.group.learnerGroup ?? ''),
    )
    .map(({ f, organisationId, organisationName, organisation, concern }) => ({
      organisation: textCell(
        organisation ? `${organisationName} (${organisation.odsCode})` : organisationName,
        organisationId
          ? dashboardHref(organisationId, { year: options.year, measure: f.result.measureKey })
          : undefined,
      ),
      region: textCell(regionName(f.result.group.region)),
      measure: textCell(f.result.measureTitle),
      learnerGroup: textCell(f.result.group.learnerGroup ?? 'All learners'),
      ...resultRowCells(f.result),
      persistent: textCell(f.persistent ? `Yes, red ${f.consecutiveRedYears} cycles running` : 'No'),
      concern: concern
        ? textCell(
            `${concern.reference} (${STATUS_WORDS[concern.status] ?? concern.status.toLowerCase()})`,
            `/quality-flags/concerns/${encodeURIComponent(concern.id)}`,
          )
        : textCell('None'),
    }));
  return {
    id: `quality-flags-${options.year}`,
    caption: options.caption,
    columns: [
      { key: 'organisation', header: 'Organisation' },
      ...(options.showRegion ? [{ key: 'region', header: 'Region' }] : []),
      { key: 'measure', header: 'Measure' },
      { key: 'learnerGroup', header: 'Learner group' },
      ...FLAG_FIGURES,
      { key: 'persistent', header: 'Persistent risk' },
      ...(options.concerns ? [{ key: 'concern', header: 'Concern opened' }] : []),
    ],
    rows,
    emptyText: 'No unit is flagged with these filters.',
  };
}
