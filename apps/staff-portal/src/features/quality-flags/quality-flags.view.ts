import {
  cellView,
  flagView,
  regionName,
  type CellView,
  type FlagView,
  type ResultCell,
} from '../provider-dashboard/result-cell.view';

/** A flag as the graph answers it (StaffPortalQualityFlags). */
export interface QualityFlagData {
  persistent: boolean;
  consecutiveRedYears: number;
  result: ResultCell & {
    measureKey: string;
    measureTitle: string;
    group: { region: string | null; organisationId: string | null; learnerGroup: string | null };
  };
}

/** A concern as the reader's concerns list gives it (StaffPortalQualityFlagConcerns). */
export interface ConcernData {
  id: string;
  reference: string;
  source: string;
  status: string;
  description: string;
  organisation: { id: string };
}

const FROM_RED_FLAG = new Set(['ANALYTICS_RED_FLAG', 'ANALYTICS_PERSISTENT_RED_FLAG']);

/**
 * The triage concern analytics opened for an organisation's RED flag on a measure in a cycle. The concerns
 * service opens one per organisation, cycle and measure, and its description names them:
 * "NETS <year>: RED outlier on <measure key> (…".
 */
export function concernOpenedBy(
  concerns: readonly ConcernData[],
  organisationId: string,
  year: number,
  measureKey: string,
): ConcernData | null {
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

export interface QualityFlagRowView {
  organisationId: string | null;
  organisationName: string;
  odsCode: string;
  region: string;
  measureTitle: string;
  learnerGroup: string;
  cell: CellView;
  flag: FlagView | null;
  persistent: boolean;
  consecutiveRedYears: number;
  concern: { id: string; reference: string; status: string } | null;
}

/** The list's rows: the graph's flags, selected by persistence when asked, with names and concerns beside them. */
export function qualityFlagRows(
  flags: readonly QualityFlagData[],
  options: {
    year: number;
    persistentOnly: boolean;
    organisations: ReadonlyMap<string, { name: string; odsCode: string }>;
    concerns: readonly ConcernData[];
  },
): QualityFlagRowView[] {
  return flags
    .filter((f) => !options.persistentOnly || f.persistent)
    .map((f) => {
      const organisationId = f.result.group.organisationId;
      const organisation = organisationId ? options.organisations.get(organisationId) : undefined;
      const concern =
        organisationId && f.result.flag === 'RED'
          ? concernOpenedBy(options.concerns, organisationId, options.year, f.result.measureKey)
          : null;
      return {
        organisationId,
        organisationName: organisation?.name ?? 'Organisation not in the registry',
        odsCode: organisation?.odsCode ?? '',
        region: regionName(f.result.group.region),
        measureTitle: f.result.measureTitle,
        learnerGroup: f.result.group.learnerGroup ?? 'All learners',
        cell: cellView(f.result),
        flag: flagView(f.result.flag),
        persistent: f.persistent,
        consecutiveRedYears: f.consecutiveRedYears,
        concern: concern ? { id: concern.id, reference: concern.reference, status: concern.status } : null,
      };
    })
    .sort(
      (a, b) =>
        Number(b.persistent) - Number(a.persistent) ||
        a.organisationName.localeCompare(b.organisationName) ||
        a.measureTitle.localeCompare(b.measureTitle) ||
        a.learnerGroup.localeCompare(b.learnerGroup),
    );
}
