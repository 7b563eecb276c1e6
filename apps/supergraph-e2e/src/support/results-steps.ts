import { resultsRelease, waitFor, type GatewayClient, type ResultsRelease } from '@nets/shared/testing';

export interface ResultRow {
  measureKey: string;
  group: { table: string; organisationId: string | null; learnerGroup: string | null; siteId: string | null };
  suppressed: boolean;
  suppressionReason: string | null;
  noData: boolean;
  respondents: number | null;
  positive: number | null;
  percentPositive: number | null;
  interval: { lower: number; upper: number } | null;
  benchmark: { national: number | null; learnerGroup: number | null };
  flag: string | null;
}

const ROW = `measureKey group { table organisationId learnerGroup siteId } suppressed suppressionReason noData
  respondents positive percentPositive interval { lower upper } benchmark { national learnerGroup } flag`;

/** The provider dashboard's query (docs/operations/analytics/provider-dashboard.graphql), with any grouping. */
export const MEASURE_RESULTS = `query($year: Int!, $measures: [String!], $filter: MeasureResultsFilter, $groupBy: [ResultsGroupBy!]) {
  measureResults(year: $year, measures: $measures, filter: $filter, groupBy: $groupBy) { ${ROW} }
}`;

export const NETS_RESULTS = `query($id: ID!, $year: Int!, $measures: [String!]) {
  organisation(id: $id) { id netsResults(year: $year, measures: $measures) { ${ROW} } }
}`;

export const QUALITY_FLAGS = `query($year: Int!, $filter: MeasureResultsFilter, $measures: [String!]) {
  qualityFlags(year: $year, filter: $filter, measures: $measures) { persistent consecutiveRedYears result { ${ROW} } }
}`;

export interface ResultsQuery {
  year: number;
  measures?: string[];
  filter?: Record<string, unknown>;
  groupBy?: string[];
}

export async function measureResults(
  gateway: GatewayClient,
  token: string,
  query: ResultsQuery,
): Promise<ResultRow[]> {
  const { measureResults } = await gateway.call<{ measureResults: ResultRow[] }>(
    MEASURE_RESULTS,
    { ...query },
    token,
  );
  return measureResults;
}

/**
 * Waits until analytics has counted `respondents` responses of the year nationally: the one live figure of
 * a cycle whose results are not released (analytics folds events in batches, so it grows while it catches up).
 */
export async function waitForRespondentsCounted(
  gateway: GatewayClient,
  token: string,
  year: number,
  respondents: number,
): Promise<ResultsRelease> {
  return waitFor(
    async () => {
      const release = await resultsRelease(gateway.as(token), year);
      return release.respondents === respondents ? release : undefined;
    },
    {
      timeoutMs: 60_000,
      intervalMs: 300,
      description: `analytics to count ${respondents} responses of ${year}`,
    },
  );
}
