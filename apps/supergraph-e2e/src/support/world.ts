import { GatewayClient, openCycleWithDefaultQuestionnaire, tokens } from '@nets/shared/testing';
import { startPlatform, type E2ePlatform } from './platform';
import { openSelfAssessmentCycle, type QuestionSet } from './self-assessment-steps';

/** The year of the Provider Self-Assessment and of the first survey cycle, journey 1's. */
export const YEAR = 2025;
/**
 * Survey cycles run one at a time, and a cycle's released results never change, so each journey that reads
 * exact results has a cycle of its own learners: journey 2 opens NEXT_YEAR once journey 1 has released YEAR,
 * and the journeys after them respond in LATER_YEAR, opened once both have released theirs.
 */
export const NEXT_YEAR = YEAR + 1;
export const LATER_YEAR = YEAR + 2;

/** What every journey shares: one running platform with the year's survey and self-assessment cycles open. */
export interface World {
  platform: E2ePlatform;
  gateway: GatewayClient;
  questionSet: QuestionSet;
}

/** An administrator's first morning: the survey cycle and the Provider Self-Assessment opened for YEAR. */
export async function startWorld(label: string): Promise<World> {
  const platform = await startPlatform(label);
  try {
    const gateway = new GatewayClient(platform.gatewayUrl);
    const admin = await tokens.admin();
    await openCycleWithDefaultQuestionnaire(gateway.as(admin), YEAR);
    const questionSet = await openSelfAssessmentCycle(gateway, admin, YEAR);
    return { platform, gateway, questionSet };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}
