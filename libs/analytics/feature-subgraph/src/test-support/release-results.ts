import { createEvent } from '@nets/shared/contract-events';
import { graphqlRequest, publishTestEvents, testToken, waitFor } from '@nets/shared/testing';
import { surveyTopic } from '@nets/survey/contract-events';
import type { KeyedEvent } from './feed-events';

export const RELEASE_RESULTS = `mutation Release($year: Int!, $expected: Int) {
  releaseResults(year: $year, expectedRespondents: $expected) { year status respondents lateResponses }
}`;

export function cycleOpenedEvent(year: number, questionnaireId: string): KeyedEvent {
  return {
    key: String(year),
    event: createEvent(
      surveyTopic,
      'nets.survey.cycle-opened.v1',
      {
        year,
        name: `NETS ${year}`,
        opensAt: `${year}-02-01T00:00:00.000Z`,
        closesAt: `${year}-04-01T00:00:00.000Z`,
        questionnaireId,
        questionnaireVersion: 1,
        reopened: false,
      },
      { source: '/nets/survey' },
    ),
  };
}

export function cycleClosedEvent(year: number): KeyedEvent {
  return {
    key: String(year),
    event: createEvent(
      surveyTopic,
      'nets.survey.cycle-closed.v1',
      { year, closedAt: `${year}-04-01T00:00:00.000Z`, closedBy: 'ADMIN' },
      { source: '/nets/survey' },
    ),
  };
}

/**
 * Releases a closed cycle's results as an administrator would, once exactly `expectedRespondents` responses
 * are counted (the release refuses until then, so a test never reads part of its population).
 */
export async function releaseWhenCounted(
  gatewayUrl: string,
  year: number,
  expectedRespondents: number,
): Promise<void> {
  const admin = await testToken({ role: 'ADMIN' });
  await waitFor(
    async () => {
      const answer = await graphqlRequest(gatewayUrl, RELEASE_RESULTS, {
        token: admin,
        variables: { year, expected: expectedRespondents },
      });
      if (answer.errors) throw new Error(answer.errors.map((e) => e.message).join('; '));
      return true;
    },
    { timeoutMs: 30000, intervalMs: 200, description: `the ${year} results released` },
  );
}

/** Closes the cycle (the survey service's event) and releases its results. */
export async function closeAndRelease(
  platform: { gatewayUrl: string; topicPrefix: string },
  year: number,
  expectedRespondents: number,
): Promise<void> {
  await publishTestEvents(platform.topicPrefix, surveyTopic.name, [cycleClosedEvent(year)]);
  await releaseWhenCounted(platform.gatewayUrl, year, expectedRespondents);
}
