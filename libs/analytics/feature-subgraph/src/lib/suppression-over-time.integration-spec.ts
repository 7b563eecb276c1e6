import { Client } from 'pg';
import {
  errorCode,
  graphqlRequest,
  publishTestEvents,
  RELEASE_RESULTS,
  releaseWhenCounted,
  startTestPlatform,
  testKafkaClient,
  type TestPlatform,
  testToken,
  TopicRecorder,
  waitFor,
} from '@nets/shared/testing';
import { organisationsTopic } from '@nets/provider-assessment/contract-events';
import { responsesTopic } from '@nets/response/contract-events';
import { surveyTopic } from '@nets/survey/contract-events';
import { resultsTopic } from '@nets/analytics/contract-events';
import { analyticsService } from './analytics-service';
import {
  MEASURE_KEY,
  REASON_QUESTION,
  organisationEvent,
  questionnaireEvent,
  responseEvent,
  testId,
  testQuestionnaire,
  type TestAnswer,
} from '../test-support/feed-events';
import { administrator, cycleClosedEvent, cycleOpenedEvent } from '../test-support/release-results';
import {
  MEASURE_RESULTS,
  MEASURE_TREND,
  NATIONAL_SUMMARY,
  QUALITY_FLAGS,
  REASON_RANKING,
} from '../test-support/result-rows';

const YEAR = 2050;
const ORGANISATION = testId(YEAR, 0x10);

const learner = (positive: boolean): TestAnswer => ({
  organisationId: ORGANISATION,
  siteId: null,
  learnerGroup: 'NURSING',
  profession: 'ADULT_NURSING',
  positive,
  reasons: positive ? ['TEACHING'] : [],
});

/**
 * DESIGN §5: no combination of queries may reveal a group under 3, and that includes the same query asked
 * twice. Were an open cycle's results live, reading a cell before and after one more response would give
 * that learner's answer by subtraction. So a cycle is read only once released, and never changes after.
 */
describe('suppression over time: an open cycle reads as nothing, a released one never changes', () => {
  let platform: TestPlatform;
  let analyst: string;
  let recorder: TopicRecorder;
  let database: Client;
  let fed = 0;

  const publish = async (topic: string, events: Parameters<typeof publishTestEvents>[2]) => {
    await publishTestEvents(platform.topicPrefix, topic, events);
    fed += events.length;
    await waitFor(
      async () => {
        const { rows } = await database.query('SELECT count(*)::int AS n FROM processed_event');
        return rows[0].n === fed;
      },
      { timeoutMs: 30000, description: `${topic} consumed` },
    );
  };

  /** Every read path of the graph for the cycle, as one snapshot a reader could keep. */
  const readEverything = async () => {
    const ask = async (query: string, variables: Record<string, unknown>) => {
      const answer = await graphqlRequest(platform.gatewayUrl, query, { token: analyst, variables });
      expect(answer.errors).toBeUndefined();
      return answer.data;
    };
    return {
      national: await ask(MEASURE_RESULTS, { year: YEAR, measures: [MEASURE_KEY] }),
      organisations: await ask(MEASURE_RESULTS, { year: YEAR, groupBy: ['ORGANISATION'] }),
      trend: await ask(MEASURE_TREND, { measure: MEASURE_KEY, fromYear: YEAR - 1, toYear: YEAR }),
      summary: await ask(NATIONAL_SUMMARY, { year: YEAR }),
      flags: await ask(QUALITY_FLAGS, { year: YEAR, flags: ['RED', 'PINK', 'NONE', 'LIGHT_GREEN', 'GREEN'] }),
      reasons: await ask(REASON_RANKING, { year: YEAR, questionCode: REASON_QUESTION }),
    };
  };
  const resultMessages = () => recorder.messages.filter((m) => m.key?.startsWith(`${YEAR}:`));

  beforeAll(async () => {
    platform = await startTestPlatform([analyticsService]);
    analyst = await testToken({ role: 'NATIONAL_ANALYST' });
    database = new Client({ connectionString: platform.databases['analytics'].url });
    await database.connect();
    recorder = await new TopicRecorder(testKafkaClient(), [
      `${platform.topicPrefix}${resultsTopic.name}`,
    ]).start();
    await publish(surveyTopic.name, [
      questionnaireEvent(YEAR),
      cycleOpenedEvent(YEAR, testQuestionnaire(YEAR).questionnaireId),
    ]);
    await publish(organisationsTopic.name, [
      organisationEvent({ id: ORGANISATION, region: 'LONDON', siteIds: [] }),
    ]);
  }, 90000);

  afterAll(async () => {
    await recorder?.stop();
    await database?.end();
    await platform?.stop();
  });

  it('shows nothing of an open cycle, before or after one more response, on any path or the topic', async () => {
    await publish(
      responsesTopic.name,
      Array.from({ length: 10 }, (_, i) => responseEvent(YEAR, learner(i < 5), i)),
    );
    const before = await readEverything();
    await publish(responsesTopic.name, [responseEvent(YEAR, learner(true), 10)]);
    const after = await readEverything();
    const nothing = {
      national: { measureResults: [] },
      organisations: { measureResults: [] },
      trend: { measureTrend: [] },
      summary: { nationalSummary: { respondents: null, measures: [] } },
      flags: { qualityFlags: [] },
      reasons: { reasonRanking: [] },
    };
    expect(before).toEqual(nothing);
    expect(after).toEqual(nothing);
    // Publication would run on the scheduler's tick: give it several.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(resultMessages()).toEqual([]);
  });

  it('releases once closed, and keeps what it released whatever arrives later', async () => {
    await publish(surveyTopic.name, [cycleClosedEvent(YEAR)]);
    await releaseWhenCounted(await administrator(platform.gatewayUrl), YEAR, 11);
    const released = await readEverything();
    expect(released.national).toMatchObject({
      measureResults: [{ respondents: 11, positive: 6, suppressed: false }],
    });
    await waitFor(async () => resultMessages().some((m) => m.key === `${YEAR}:${MEASURE_KEY}:NATIONAL`), {
      timeoutMs: 20000,
      description: `the ${YEAR} results on ${resultsTopic.name}`,
    });

    // A response accepted before the close but delivered after the release: kept, not counted.
    await publish(responsesTopic.name, [responseEvent(YEAR, learner(false), 11)]);
    expect(await readEverything()).toEqual(released);
    const { rows } = await database.query(
      'SELECT count(*)::int AS n FROM analytics_late_response WHERE year = $1',
      [YEAR],
    );
    expect(rows[0].n).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    // One message per table key, ever: the topic cannot be differenced either.
    const keys = resultMessages().map((m) => m.key);
    expect(keys).toContain(`${YEAR}:${MEASURE_KEY}:ORGANISATION`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('refuses to release while a response of the cycle still waits for its organisation', async () => {
    const year = YEAR + 1;
    const newcomer = testId(year, 0x20);
    await publish(surveyTopic.name, [
      questionnaireEvent(year),
      cycleOpenedEvent(year, testQuestionnaire(year).questionnaireId),
    ]);
    // Responses of an organisation the registry has not announced yet wait, uncounted.
    await publish(
      responsesTopic.name,
      [0, 1, 2].map((i) => responseEvent(year, { ...learner(true), organisationId: newcomer }, i)),
    );
    await publish(surveyTopic.name, [cycleClosedEvent(year)]);
    const admin = await testToken({ role: 'ADMIN' });
    const early = await graphqlRequest(platform.gatewayUrl, RELEASE_RESULTS, {
      token: admin,
      variables: { year },
    });
    expect(errorCode(early)).toBe('CONFLICT');
    expect(early.errors?.[0]?.message).toMatch(/3 responses of \d+ are still waiting/);

    await publish(organisationsTopic.name, [
      organisationEvent({ id: newcomer, region: 'LONDON', siteIds: [] }),
    ]);
    await releaseWhenCounted(await administrator(platform.gatewayUrl), year, 3);
  });
});
