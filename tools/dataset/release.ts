// Releasing a closed cycle's results through the gateway, as an administrator does once every response has
// reached analytics: the release is refused (CONFLICT) until analytics counts exactly the responses the
// caller sent, and responses reach analytics through Kafka, so it is retried until the counts match.
import { GraphqlError, type GatewayClient } from './gateway-client';

export interface ResultsRelease {
  year: number;
  status: 'NOT_RELEASED' | 'RELEASED';
  /** National respondents: counted so far until the release, then those released; null below 3. */
  respondents: number | null;
  lateResponses: number;
}

const FIELDS = 'year status respondents lateResponses';

export async function resultsRelease(client: GatewayClient, year: number): Promise<ResultsRelease> {
  const data = await client.call<{ resultsRelease: ResultsRelease }>(
    `query($year: Int!) { resultsRelease(year: $year) { ${FIELDS} } }`,
    { year },
  );
  return data.resultsRelease;
}

export interface ReleaseOptions {
  /** Epoch ms after which waiting for the counts to match is an error. */
  deadline: number;
  log?: (line: string) => void;
  intervalMs?: number;
}

/**
 * Releases `year` once analytics counts exactly `expected` responses (ADMIN client). A year already
 * released is left as it is (released results never change) and returned with `alreadyReleased`.
 * Fails at once when analytics counts more than `expected` (the counts can never match), and at the
 * deadline with the counts it last saw.
 */
export async function releaseWhenCounted(
  admin: GatewayClient,
  year: number,
  expected: number,
  options: ReleaseOptions,
): Promise<ResultsRelease & { alreadyReleased: boolean }> {
  const { log, intervalMs = 1_000 } = options;
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
      const { releaseResults } = await admin.call<{ releaseResults: ResultsRelease }>(
        `mutation($year: Int!, $expected: Int) {
          releaseResults(year: $year, expectedRespondents: $expected) { ${FIELDS} } }`,
        { year, expected },
      );
      return { ...releaseResults, alreadyReleased: false };
    } catch (error) {
      // CONFLICT: not all counted yet, or the cycle not yet closed in analytics' replica; NOT_FOUND: the
      // cycle not yet known to analytics at all. Both settle as the events arrive.
      const waiting =
        error instanceof GraphqlError &&
        error.codes.every((code) => code === 'CONFLICT' || code === 'NOT_FOUND');
      if (!waiting) throw error;
      const progress = `${year}: ${status.respondents ?? 'fewer than 3'} of ${expected} responses counted`;
      if (Date.now() > options.deadline) {
        throw new Error(`the ${year} results could not be released in time (${progress}): ${error.message}`);
      }
      if (progress !== last) log?.(`analytics: ${progress}`);
      last = progress;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
