import { Client } from 'pg';
import { parseEvent } from '@nets/shared/contract-events';
import {
  TopicRecorder,
  graphqlRequest,
  publishTestEvents,
  startTestPlatform,
  testKafkaClient,
  testToken,
  waitFor,
  type TestPlatform,
} from '@nets/shared/testing';
import { organisationsTopic } from '@nets/provider-assessment/contract-events';
import { responsesTopic } from '@nets/response/contract-events';
import { surveyTopic } from '@nets/survey/contract-events';
import { analyticsFlagsTopic } from '@nets/analytics/contract-events';
import { analyticsService } from './analytics-service';
import {
  MEASURE_KEY,
  organisationEvent,
  questionnaireEvent,
  responseEvent,
  testId,
  type KeyedEvent,
  type TestAnswer,
} from '../test-support/feed-events';
import { closeAndRelease } from '../test-support/release-results';
import { QUALITY_FLAGS, type ResultRow } from '../test-support/result-rows';

const YEARS = [2041, 2042, 2043];
const [W, X, Y, Z] = [0x1, 0x2, 0x3, 0x4].map((serial) => testId(2041, serial));

/** Positive answers of 10 learners per organisation and year: Z is far below the rest in 2041 and 2042. */
const POSITIVE: Record<number, Record<string, number>> = {
  2041: { [W]: 10, [X]: 10, [Y]: 9, [Z]: 0 },
  2042: { [W]: 10, [X]: 9, [Y]: 10, [Z]: 0 },
  2043: { [W]: 10, [X]: 10, [Y]: 9, [Z]: 10 },
};

function answersOf(year: number): TestAnswer[] {
  return Object.entries(POSITIVE[year]).flatMap(([organisationId, positive]) =>
    Array.from({ length: 10 }, (_, i) => ({
      organisationId,
      siteId: null,
      learnerGroup: 'NURSING',
      profession: 'ADULT_NURSING',
      positive: i < positive,
    })),
  );
}

interface FlagRow {
  persistent: boolean;
  consecutiveRedYears: number;
  result: ResultRow;
}

/** Persistent risk (issue 6): RED on the same measure in two or more consecutive cycles, each read released. */
describe('persistent risk through the gateway', () => {
  let platform: TestPlatform;
  let recorder: TopicRecorder;
  let analyst: string;
  let database: Client;

  const redFlags = async (year: number): Promise<FlagRow[]> => {
    const answer = await graphqlRequest(platform.gatewayUrl, QUALITY_FLAGS, {
      token: analyst,
      variables: { year, flags: ['RED'], measures: [MEASURE_KEY] },
    });
    expect(answer.errors).toBeUndefined();
    return (answer.data as { qualityFlags: FlagRow[] }).qualityFlags;
  };

  beforeAll(async () => {
    platform = await startTestPlatform([analyticsService]);
    analyst = await testToken({ role: 'NATIONAL_ANALYST' });
    database = new Client({ connectionString: platform.databases['analytics'].url });
    await database.connect();
    recorder = await new TopicRecorder(testKafkaClient(), [
      `${platform.topicPrefix}${analyticsFlagsTopic.name}`,
    ]).start();
    const facts: Array<[string, KeyedEvent[]]> = [
      [surveyTopic.name, YEARS.map(questionnaireEvent)],
      [
        organisationsTopic.name,
        [W, X, Y, Z].map((id) => organisationEvent({ id, region: 'LONDON', siteIds: [] })),
      ],
    ];
    for (const [topic, events] of facts) await publishTestEvents(platform.topicPrefix, topic, events);
    await waitFor(async () => {
      const { rows } = await database.query('SELECT count(*)::int AS n FROM processed_event');
      return rows[0].n === YEARS.length + 4;
    });
    await publishTestEvents(
      platform.topicPrefix,
      responsesTopic.name,
      YEARS.flatMap((year) => answersOf(year).map((answer, i) => responseEvent(year, answer, i))),
    );
    // Released in year order, as an administrator would after each cycle closes.
    for (const year of YEARS) await closeAndRelease(platform, year, answersOf(year).length);
  }, 90000);

  afterAll(async () => {
    await recorder?.stop();
    await database?.end();
    await platform?.stop();
  });

  it('flags a unit RED in its first bad cycle, persistent in the second, and clears it when it recovers', async () => {
    const summary = (rows: FlagRow[]) =>
      rows
        .map((f) => [
          f.result.group.table,
          f.result.group.organisationId,
          f.persistent,
          f.consecutiveRedYears,
        ])
        .sort();
    expect(summary(await redFlags(2041))).toEqual([
      ['ORGANISATION', Z, false, 1],
      ['ORGANISATION_BY_LEARNER_GROUP', Z, false, 1],
    ]);
    expect(summary(await redFlags(2042))).toEqual([
      ['ORGANISATION', Z, true, 2],
      ['ORGANISATION_BY_LEARNER_GROUP', Z, true, 2],
    ]);
    expect(await redFlags(2043)).toEqual([]);
  });

  it('announces the RED and then its persistence on nets.analytics-flags.v1', async () => {
    const events = await recorder.waitForMessages(() => true, 4);
    const organisationWide = events
      .map((m) => parseEvent(analyticsFlagsTopic, m.value).data)
      .filter((flag) => flag.learnerGroup === null)
      .map((flag) => [flag.year, flag.organisationId, flag.flag, flag.persistent, flag.consecutiveRedYears])
      .sort();
    expect(organisationWide).toEqual([
      [2041, Z, 'RED', false, 1],
      [2042, Z, 'RED', true, 2],
    ]);
  });
});
