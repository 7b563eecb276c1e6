import { errorCode, waitFor } from '@nets/shared/testing';
import type { GatewayClient } from './gateway-client';
import { closeCycle } from './survey-steps';

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

export interface ResultsRelease {
  year: number;
  status: 'NOT_RELEASED' | 'RELEASED';
  releasedAt: string | null;
  /** Live national count of responses counted while NOT_RELEASED, frozen at release; null below 3. */
  respondents: number | null;
  lateResponses: number;
}

const RELEASE = 'year status releasedAt respondents lateResponses';

export const RESULTS_RELEASE = `query($year: Int!) { resultsRelease(year: $year) { ${RELEASE} } }`;

export const RELEASE_RESULTS = `mutation($year: Int!, $expected: Int) {
  releaseResults(year: $year, expectedRespondents: $expected) { ${RELEASE} }
}`;

export async function resultsRelease(
  gateway: GatewayClient,
  token: string,
  year: number,
): Promise<ResultsRelease> {
  const { resultsRelease } = await gateway.call<{ resultsRelease: ResultsRelease }>(
    RESULTS_RELEASE,
    { year },
    token,
  );
  return resultsRelease;
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
      const release = await resultsRelease(gateway, token, year);
      return release.respondents === respondents ? release : undefined;
    },
    {
      timeoutMs: 60_000,
      intervalMs: 300,
      description: `analytics to count ${respondents} responses of ${year}`,
    },
  );
}

/**
 * An administrator closes the cycle in the survey service and releases its results once analytics counts
 * exactly the `expectedRespondents` responses the journey had accepted. The release is refused (CONFLICT)
 * until analytics has learned of the closing and folded every response, all of which travel through Kafka,
 * so it is retried on CONFLICT only; any other refusal fails at once. Released results are final: every
 * response they should count must have been accepted before this step.
 */
export async function closeCycleAndReleaseResults(
  gateway: GatewayClient,
  admin: string,
  year: number,
  expectedRespondents: number,
): Promise<ResultsRelease> {
  await closeCycle(gateway, admin, year);
  const answer = await waitFor(
    async () => {
      const response = await gateway.request<{ releaseResults: ResultsRelease }>(
        RELEASE_RESULTS,
        { year, expected: expectedRespondents },
        admin,
      );
      if (errorCode(response) === 'CONFLICT') throw new Error(response.errors?.[0]?.message);
      return response;
    },
    {
      timeoutMs: 60_000,
      intervalMs: 300,
      description: `the ${year} results to be released with ${expectedRespondents} responses`,
    },
  );
  if (answer.errors?.length || !answer.data) {
    throw new Error(`releaseResults failed (${String(errorCode(answer))}): ${JSON.stringify(answer.errors)}`);
  }
  return answer.data.releaseResults;
}
