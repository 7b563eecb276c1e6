// Opening a cycle is a shared platform step (`@nets/shared/testing`, taking `gateway.as(admin)`). This adapter
// only keeps the survey web journeys' call working until they call the shared step themselves.
import { openCycleWithDefaultQuestionnaire as openCycleAs, type GatewayClient } from '@nets/shared/testing';

export async function openCycleWithDefaultQuestionnaire(
  gateway: GatewayClient,
  admin: string,
  year: number,
): Promise<void> {
  await openCycleAs(gateway.as(admin), year);
}
