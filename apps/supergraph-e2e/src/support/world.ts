import { GatewayClient, tokens } from './gateway-client';
import { startPlatform, type E2ePlatform } from './platform';
import { openSelfAssessmentCycle, type QuestionSet } from './self-assessment-steps';
import { openCycleWithDefaultQuestionnaire } from './survey-steps';

export const YEAR = 2025;

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
    await openCycleWithDefaultQuestionnaire(gateway, admin, YEAR);
    const questionSet = await openSelfAssessmentCycle(gateway, admin, YEAR);
    return { platform, gateway, questionSet };
  } catch (error) {
    await platform.stop();
    throw error;
  }
}
