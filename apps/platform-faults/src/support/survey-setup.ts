// What both suites need on a fresh platform, through the gateway: the benchmarks' steps (one organisation, a
// cycle open with the default questionnaire, valid submissions), and a cycle that closes by itself soon.
import { graphqlRequest, testToken } from '@nets/shared/testing';
import {
  SUBMIT_RESPONSE,
  adminToken,
  call,
  openCycle,
  registerOrganisations,
  submission,
  type BenchOrganisation,
  type BenchSurvey,
} from '@nets/tools/bench-setup';

export { SUBMIT_RESPONSE, adminToken, openCycle, registerOrganisations, submission };
export type { BenchOrganisation as Organisation, BenchSurvey as Survey };

export const analystToken = () => testToken({ role: 'NATIONAL_ANALYST', subject: 'faults-analyst' });

/** A cycle opened a day ago that the survey service's scheduled job closes `closesInMs` from now. */
export async function cycleClosingSoon(
  gatewayUrl: string,
  year: number,
  closesInMs: number,
): Promise<BenchSurvey> {
  await call(
    gatewayUrl,
    `mutation($input: CreateSurveyCycleInput!) { createSurveyCycle(input: $input) { year } }`,
    {
      input: {
        year,
        name: `NETS ${year}`,
        opensAt: new Date(Date.now() - 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + closesInMs).toISOString(),
      },
    },
    await adminToken(),
  );
  // Publishes the default questionnaire for the DRAFT cycle and opens it.
  return openCycle(gatewayUrl, year);
}

export interface SubmitOutcome {
  receiptCode?: string;
  /** The first error's code, or HTTP_<status> when the answer was not GraphQL. */
  error?: string;
}

/** One submission as a learner at `clientAddress` (the gateway trusts the forwarded address from 127.0.0.1). */
export async function submitAs(
  gatewayUrl: string,
  input: Record<string, unknown>,
  clientAddress: string,
): Promise<SubmitOutcome> {
  try {
    const response = await graphqlRequest<{ submitResponse: { receiptCode: string } }>(
      gatewayUrl,
      SUBMIT_RESPONSE,
      {
        variables: { input },
        headers: { 'x-forwarded-for': clientAddress },
      },
    );
    const receiptCode = response.data?.submitResponse?.receiptCode;
    if (receiptCode) return { receiptCode };
    const code = response.errors?.[0]?.extensions?.['code'];
    return { error: typeof code === 'string' ? code : `HTTP_${response.status}` };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** GET a balancer's count of POSTs it sent to each replica. */
export async function balancerDispatches(balancerUrl: string): Promise<Record<string, number>> {
  const stats = (await (await fetch(`${balancerUrl}/balancer/stats`)).json()) as {
    dispatched: Record<string, number>;
  };
  return stats.dispatched;
}
