import { openCycleWithDefaultQuestionnaire, tokens } from '@nets/shared/testing';
import { LATER_YEAR, startWorld, type World } from '../support/world';
import { learnerResultsJourney } from './learner-results.journey';
import { publicTopicsJourney } from './public-topics.journey';
import { redFlagConcernJourney } from './red-flag-concern.journey';
import { selfAssessmentJourney } from './self-assessment.journey';
import { seriousConcernJourney } from './serious-concern.journey';

/**
 * One platform for every journey: six processes start once (about 20 s), and no two platforms of this
 * project share the broker's consumer groups at the same time (see README). Journeys use their own
 * organisations, so each reads as if alone. Journeys 1 and 2 run first: their expected results are worked
 * out by hand from their own responses, each in a survey cycle of its own that it closes and releases
 * (results are read only once released, and never change after). The public-topics journey runs last and
 * so reads every event the others produced too.
 */
describe('NETS end to end, through the gateway, each service in its own process', () => {
  let world: World | undefined;

  beforeAll(async () => {
    world = await startWorld('supergraph-e2e journeys');
  }, 420_000);

  afterAll(async () => {
    await world?.platform.stop();
  });

  const current = (): World => {
    if (!world) throw new Error('The platform did not start');
    return world;
  };
  // Each releases the results of a cycle of its own learners: journey 1 the world's, journey 2 the next.
  learnerResultsJourney(current);
  redFlagConcernJourney(current);
  describe(`in the ${LATER_YEAR} cycle, opened once both results journeys have released theirs`, () => {
    beforeAll(async () => {
      await openCycleWithDefaultQuestionnaire(current().gateway.as(await tokens.admin()), LATER_YEAR);
    });
    seriousConcernJourney(current);
    selfAssessmentJourney(current);
    publicTopicsJourney(current);
  });
});
