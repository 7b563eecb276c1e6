import {
  GatewayClient,
  publishTestEvents,
  releaseWhenCounted,
  tokens,
  type PlatformClient,
} from '@nets/shared/testing';
import { surveyTopic } from '@nets/survey/contract-events';
import { surveyCycleClosedEvent, surveyCycleOpenedEvent, type KeyedEvent } from '@nets/platform/testing';

/** The cycles of these specs run from February to April of their year. */
export function cycleOpenedEvent(year: number, questionnaireId: string): KeyedEvent {
  return surveyCycleOpenedEvent(year, questionnaireId, {
    opensAt: `${year}-02-01T00:00:00.000Z`,
    closesAt: `${year}-04-01T00:00:00.000Z`,
  });
}

export function cycleClosedEvent(year: number): KeyedEvent {
  return surveyCycleClosedEvent(year, 'ADMIN', `${year}-04-01T00:00:00.000Z`);
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
