import { GraphqlError, type PlatformClient } from './gateway-client';
import { closeCycle } from './survey-cycle.steps';

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

export async function resultsRelease(client: PlatformClient, year: number): Promise<ResultsRelease> {
  const { resultsRelease } = await client.call<{ resultsRelease: ResultsRelease }>(RESULTS_RELEASE, { year });
  return resultsRelease;
}

export interface ReleaseOptions {
  /** How long to wait for analytics to count every response (default 60 s). */
  timeoutMs?: number;
  intervalMs?: number;
  log?: (line: string) => void;
}

/**
 * Releases a closed cycle's results as an administrator does, once analytics counts exactly `expected`
 * responses: the release is refused (CONFLICT) until then, or NOT_FOUND while analytics has not learned of the
 * cycle, and responses reach analytics through Kafka, so it is retried on those two only. A year already
 * released is left as it is (released results never change) and returned with `alreadyReleased`. Fails at
 * once when analytics counts more than `expected` (the counts can never match), and at the timeout with the
 * counts it last saw.
 */
export async function releaseWhenCounted(
  admin: PlatformClient,
  year: number,
  expected: number,
  options: ReleaseOptions = {},
): Promise<ResultsRelease & { alreadyReleased: boolean }> {
  const { log, intervalMs = 300, timeoutMs = 60_000 } = options;
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const status = await resultsRelease(admin, year);
    if (status.status === 'RELEASED') return { ...status, alreadyReleased: true };
    if (status.respondents !== null && status.respondents > expected) {
      throw new Error(
        `analytics counts ${status.respondents} ${year} responses, more than the ${expected} sent: this ` +
          `database holds other responses for ${year}; release it by hand (releaseResults without ` +
          `expectedRespondents) or load into empty databases`,
      );
    }
    try {
      const { releaseResults } = await admin.call<{ releaseResults: ResultsRelease }>(RELEASE_RESULTS, {
        year,
        expected,
      });
      return { ...releaseResults, alreadyReleased: false };
    } catch (error) {
      const waiting =
        error instanceof GraphqlError &&
        error.codes.every((code) => code === 'CONFLICT' || code === 'NOT_FOUND');
      if (!waiting) throw error;
      const progress = `${year}: ${status.respondents ?? 'fewer than 3'} of ${expected} responses counted`;
      if (Date.now() > deadline) {
        throw new Error(`the ${year} results could not be released in time (${progress}): ${error.message}`);
      }
      if (progress !== last) log?.(`analytics: ${progress}`);
      last = progress;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}

/**
 * An administrator closes the cycle in the survey service and releases its results once analytics counts
 * exactly the `expected` responses accepted. Released results are final: every response they should count
 * must have been accepted before this step.
 */
export async function closeCycleAndReleaseResults(
  admin: PlatformClient,
  year: number,
  expected: number,
  options: ReleaseOptions = {},
): Promise<ResultsRelease> {
  await closeCycle(admin, year);
  return releaseWhenCounted(admin, year, expected, options);
}
