import { createEvent } from '@nets/shared/contract-events';
import {
  GatewayClient,
  publishTestEvents,
  releaseWhenCounted,
  tokens,
  type PlatformClient,
} from '@nets/shared/testing';
import { surveyTopic } from '@nets/survey/contract-events';
import type { KeyedEvent } from './feed-events';

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

/** The gateway as an administrator, who releases results (`releaseWhenCounted` of `@nets/shared/testing`). */
export async function administrator(gatewayUrl: string): Promise<PlatformClient> {
  return new GatewayClient(gatewayUrl).as(await tokens.admin());
}

/** Closes the cycle (the survey service's event) and releases its results. */
export async function closeAndRelease(
  platform: { gatewayUrl: string; topicPrefix: string },
  year: number,
  expectedRespondents: number,
): Promise<void> {
  await publishTestEvents(platform.topicPrefix, surveyTopic.name, [cycleClosedEvent(year)]);
  await releaseWhenCounted(await administrator(platform.gatewayUrl), year, expectedRespondents);
}
