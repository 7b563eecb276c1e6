import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createEvent, parseEvent } from '@nets/shared/contract-events';
import {
  errorCode,
  graphqlRequest,
  publishTestEvents,
  RELEASE_RESULTS,
  schemaDriftOf,
  startTestPlatform,
  testKafkaClient,
  type TestPlatform,
  testToken,
  TopicRecorder,
  waitFor,
} from '@nets/shared/testing';
import { organisationsTopic } from '@nets/provider-assessment/contract-events';
import { responsesTopic, type ResponseSubmitted } from '@nets/response/contract-events';
import { surveyTopic, type QuestionnairePublished } from '@nets/survey/contract-events';
import { analyticsFlagsTopic, resultsTopic } from '@nets/analytics/contract-events';
import { analyticsService } from './analytics-service';
import { closeAndRelease } from '../test-support/release-results';
import { INDUCTION_MEASURE, INDUCTION_QUESTION } from '../test-support/feed-events';
import {
  YES_NO,
  testMeasure,
  testQuestion,
  testQuestionnaireContent,
  testSection,
} from '@nets/platform/testing';
import { MEASURE_RESULTS, type ResultRow } from '../test-support/result-rows';

const YEAR = 2024;
const QUESTIONNAIRE_ID = randomUUID();

/**
 * A hand-computed population: one region, one learner group, units as in the domain README's worked
 * example plus S (2 of 2, below the minimum) and Z (4 of 4). Z is the cheapest cell but no complement for
 * S: both at 100%, together they would tell that S's two learners answered positively; F (3 of 5) is the
 * complement. National: 216 of 276 = 78.2609%, Wilson 0.7302 to 0.8272. Quartiles over the seven published
 * units (A, B, D, C, E, K, Z): Q1 0.775, Q3 0.9417. Induction (higher is better): A RED, B PINK, D/C/E NONE,
 * K GREEN, Z LIGHT_GREEN. Bullying has the same counts but lower is better: A GREEN, B LIGHT_GREEN, K RED,
 * Z PINK.
 */
const UNITS: Record<string, { positive: number; respondents: number }> = {
  A: { positive: 12, respondents: 40 },
  F: { positive: 3, respondents: 5 },
  B: { positive: 30, respondents: 40 },
  D: { positive: 20, respondents: 25 },
  C: { positive: 50, respondents: 60 },
  E: { positive: 36, respondents: 40 },
  K: { positive: 59, respondents: 60 },
  S: { positive: 2, respondents: 2 },
  Z: { positive: 4, respondents: 4 },
};
const ORG = Object.fromEntries(Object.keys(UNITS).map((unit) => [unit, randomUUID()]));

const RECOMMEND_REASONS = [
  { code: 'SUPPORTIVE', label: 'Supportive colleagues' },
  { code: 'TEACHING', label: 'Good teaching' },
];

const questionnaire: QuestionnairePublished = {
  questionnaireId: QUESTIONNAIRE_ID,
  year: YEAR,
  version: 1,
  publishedAt: '2024-01-10T00:00:00.000Z',
  content: testQuestionnaireContent('NETS 2024', 'Test questionnaire', [
    testSection('MAIN', 'Main', [
      INDUCTION_QUESTION,
      testQuestion('Q_BULLYING', 'YES_NO', 'Were you bullied?', YES_NO),
      testQuestion(
        'Q_RECOMMEND_REASONS',
        'MULTIPLE_CHOICE',
        'Why would you recommend it?',
        RECOMMEND_REASONS,
        {
          required: false,
        },
      ),
    ]),
  ]),
  measures: [
    INDUCTION_MEASURE,
    testMeasure({
      key: 'bullying',
      title: 'Bullying',
      description: 'Experienced bullying',
      questionCode: 'Q_BULLYING',
      positiveOptionCodes: ['YES'],
      polarity: 'LOWER_IS_BETTER',
      theme: 'Bullying',
    }),
  ],
};

function responses(): ResponseSubmitted[] {
  return Object.entries(UNITS).flatMap(([unit, { positive, respondents }]) =>
    Array.from({ length: respondents }, (_, i) => ({
      responseId: randomUUID(),
      cycleYear: YEAR,
      questionnaireId: QUESTIONNAIRE_ID,
      questionnaireVersion: 1,
      submittedOn: '2024-02-01',
      profile: {
        learnerGroup: 'NURSING',
        profession: 'ADULT_NURSING',
        programme: null,
        yearOfTraining: null,
      },
      placement: { organisationId: ORG[unit], siteId: null },
      answers: [
        { questionCode: 'Q_INDUCTION', optionCodes: [i < positive ? 'AGREE' : 'DISAGREE'] },
        { questionCode: 'Q_BULLYING', optionCodes: [i < positive ? 'YES' : 'NO'] },
        ...(unit === 'K'
          ? [
              {
                questionCode: 'Q_RECOMMEND_REASONS',
                optionCodes: i < 30 ? ['SUPPORTIVE', 'TEACHING'] : ['SUPPORTIVE'],
              },
            ]
          : []),
      ],
      imported: false,
    })),
  );
}

describe('analytics subgraph through the gateway, on PostgreSQL and Kafka', () => {
  let platform: TestPlatform;
  let recorder: TopicRecorder;
  let analyst: string;
  let database: Client;
  let submitted: ResponseSubmitted[];

  const results = async (variables: Record<string, unknown>, token = analyst): Promise<ResultRow[]> => {
    const answer = await graphqlRequest(platform.gatewayUrl, MEASURE_RESULTS, { token, variables });
    expect(answer.errors).toBeUndefined();
    return (answer.data as { measureResults: ResultRow[] }).measureResults;
  };
  const byOrganisation = (rows: ResultRow[]) =>
    Object.fromEntries(
      Object.entries(ORG).map(([unit, id]) => [unit, rows.find((r) => r.group.organisationId === id)]),
    );

  beforeAll(async () => {
    platform = await startTestPlatform([analyticsService]);
    analyst = await testToken({ role: 'NATIONAL_ANALYST' });
    database = new Client({ connectionString: platform.databases['analytics'].url });
    await database.connect();
    recorder = await new TopicRecorder(testKafkaClient(), [
      `${platform.topicPrefix}${resultsTopic.name}`,
      `${platform.topicPrefix}${analyticsFlagsTopic.name}`,
    ]).start();

    // Out of order: every response (each delivered twice, and re-emitted under new event ids) before its
    // questionnaire and organisations.
    const all = responses();
    submitted = all;
    const emit = () =>
      all.map((data) => ({
        key: data.placement.organisationId,
        event: createEvent(responsesTopic, 'nets.response.submitted.v1', data, { source: '/nets/response' }),
      }));
    const responseEvents = emit();
    await publishTestEvents(platform.topicPrefix, responsesTopic.name, [
      ...responseEvents,
      ...responseEvents,
      ...emit(),
    ]);
    await waitFor(
      async () => {
        const { rows } = await database.query('SELECT count(*)::int AS n FROM analytics_pending_response');
        return rows[0].n === all.length ? true : undefined;
      },
      { timeoutMs: 20000, description: 'responses waiting for their questionnaire' },
    );
    await publishTestEvents(platform.topicPrefix, surveyTopic.name, [
      {
        key: String(YEAR),
        event: createEvent(surveyTopic, 'nets.survey.questionnaire-published.v1', questionnaire, {
          source: '/nets/survey',
        }),
      },
    ]);
    await publishTestEvents(
      platform.topicPrefix,
      organisationsTopic.name,
      Object.entries(ORG).map(([unit, id]) => ({
        key: id,
        event: createEvent(
          organisationsTopic,
          'nets.organisation.registered.v1',
          {
            organisation: {
              id,
              odsCode: `R${unit}1`,
              name: `Trust ${unit}`,
              kind: 'NHS_TRUST',
              roles: ['PLACEMENT_PROVIDER'],
              region: 'LONDON',
              sites: [],
              status: 'ACTIVE',
              successorId: null,
            },
          },
          { source: '/nets/provider-assessment' },
        ),
      })),
    );
    await waitFor(
      async () => {
        const { rows } = await database.query(
          `SELECT coalesce(sum(c.respondents[s.idx]), 0)::int AS n
           FROM analytics_slot s JOIN analytics_cell_counter c USING (year) WHERE s.key = 'induction'`,
        );
        return rows[0].n === 276 ? true : undefined;
      },
      { timeoutMs: 30000, description: 'every response folded' },
    );
    // Refused unless exactly 276 are counted: a response folded twice would fail here.
    await closeAndRelease(platform, YEAR, 276);
  }, 90000);

  afterAll(async () => {
    await recorder?.stop();
    await database?.end();
    await platform?.stop();
  });

  it('keeps entities and migrations in step', async () => {
    expect(await schemaDriftOf(analyticsService)).toEqual([]);
  });

  it('folds every response exactly once, though each was delivered twice and before its facts', async () => {
    const { rows } = await database.query(
      `SELECT s.key AS series, sum(c.respondents[s.idx])::int AS n, sum(c.positive[s.idx])::int AS k
       FROM analytics_slot s JOIN analytics_cell_counter c USING (year)
       WHERE s.key NOT LIKE 'option:%' GROUP BY s.key ORDER BY s.key`,
    );
    expect(rows).toEqual([
      { series: 'bullying', n: 276, k: 216 },
      { series: 'induction', n: 276, k: 216 },
      { series: 'reason:Q_RECOMMEND_REASONS', n: 60, k: 0 },
      { series: 'responses', n: 276, k: 0 },
    ]);
    const pending = await database.query('SELECT count(*)::int AS n FROM analytics_pending_response');
    expect(pending.rows[0].n).toBe(0);
  });

  it('gives the national figure exactly, with its Wilson interval', async () => {
    const [national] = await results({ year: YEAR, measures: ['induction'] });
    expect(national).toMatchObject({ suppressed: false, respondents: 276, positive: 216, flag: null });
    expect(national.percentPositive).toBeCloseTo(78.2609, 4);
    expect(national.interval?.lower).toBeCloseTo(0.7302, 4);
    expect(national.interval?.upper).toBeCloseTo(0.8272, 4);
  });

  it('flags each unit as hand-computed, and withholds the small cell and a complement that protects its answers', async () => {
    const induction = byOrganisation(
      await results({ year: YEAR, measures: ['induction'], groupBy: ['ORGANISATION'] }),
    );
    expect(induction['S']).toMatchObject({
      suppressed: true,
      suppressionReason: 'COMPLEMENTARY',
      respondents: null,
      positive: null,
      percentPositive: null,
      interval: null,
      flag: 'SUPPRESSED',
    });
    expect(induction['F']).toMatchObject({
      suppressed: true,
      suppressionReason: 'COMPLEMENTARY',
      respondents: null,
      percentPositive: null,
      flag: 'SUPPRESSED',
    });
    const flags = Object.fromEntries(Object.entries(induction).map(([unit, row]) => [unit, row?.flag]));
    expect(flags).toEqual({
      A: 'RED',
      F: 'SUPPRESSED',
      B: 'PINK',
      D: 'NONE',
      C: 'NONE',
      E: 'NONE',
      K: 'GREEN',
      S: 'SUPPRESSED',
      Z: 'LIGHT_GREEN',
    });
    expect(induction['A']).toMatchObject({ respondents: 40, positive: 12, percentPositive: 30 });
    expect(induction['A']?.interval?.lower).toBeCloseTo(0.1807, 4);
    expect(induction['A']?.interval?.upper).toBeCloseTo(0.4543, 4);
    expect(induction['A']?.benchmark.national).toBeCloseTo(78.2609, 4);

    const bullying = byOrganisation(
      await results({ year: YEAR, measures: ['bullying'], groupBy: ['ORGANISATION'] }),
    );
    expect(Object.fromEntries(Object.entries(bullying).map(([unit, row]) => [unit, row?.flag]))).toEqual({
      A: 'GREEN',
      F: 'SUPPRESSED',
      B: 'LIGHT_GREEN',
      D: 'NONE',
      C: 'NONE',
      E: 'NONE',
      K: 'RED',
      S: 'SUPPRESSED',
      Z: 'PINK',
    });
  });

  it('lets a provider see only its own organisation, with the national benchmark', async () => {
    const provider = await testToken({ role: 'PROVIDER_USER', organisationId: ORG['A'] });
    const own = await results({ year: YEAR, measures: ['induction'], groupBy: ['ORGANISATION'] }, provider);
    expect(own.map((r) => r.group.organisationId)).toEqual([ORG['A']]);
    expect(own[0].benchmark.national).toBeCloseTo(78.2609, 4);
    const other = await graphqlRequest(platform.gatewayUrl, MEASURE_RESULTS, {
      token: provider,
      variables: { year: YEAR, groupBy: ['ORGANISATION'], filter: { organisationIds: [ORG['K']] } },
    });
    expect(errorCode(other)).toBe('FORBIDDEN');
    const regions = await graphqlRequest(platform.gatewayUrl, MEASURE_RESULTS, {
      token: provider,
      variables: { year: YEAR, groupBy: ['REGION'] },
    });
    expect(errorCode(regions)).toBe('FORBIDDEN');
    const anonymous = await graphqlRequest(platform.gatewayUrl, MEASURE_RESULTS, {
      variables: { year: YEAR },
    });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
  });

  it('refuses groupings and filters that are not canonical tables', async () => {
    const grouping = await graphqlRequest(platform.gatewayUrl, MEASURE_RESULTS, {
      token: analyst,
      variables: { year: YEAR, groupBy: ['SITE', 'PROFESSION'] },
    });
    expect(errorCode(grouping)).toBe('BAD_USER_INPUT');
    const filter = await graphqlRequest(platform.gatewayUrl, MEASURE_RESULTS, {
      token: analyst,
      variables: { year: YEAR, groupBy: ['ORGANISATION'], filter: { learnerGroups: ['NURSING'] } },
    });
    expect(errorCode(filter)).toBe('BAD_USER_INPUT');
  });

  it('ranks reasons and summarises the year', async () => {
    const answer = await graphqlRequest(
      platform.gatewayUrl,
      `query($year: Int!) {
        reasonRanking(year: $year, questionCode: "Q_RECOMMEND_REASONS") { respondents suppressed reasons { optionCode chosen percent rank } }
        nationalSummary(year: $year) { respondents measures { measureKey percentPositive } }
        qualityFlags(year: $year, measures: ["induction"]) { persistent result { group { table organisationId } flag } }
      }`,
      { token: analyst, variables: { year: YEAR } },
    );
    expect(answer.errors).toBeUndefined();
    const data = answer.data as {
      reasonRanking: Array<{
        respondents: number;
        reasons: Array<{ optionCode: string; chosen: number; percent: number; rank: number }>;
      }>;
      nationalSummary: {
        respondents: number;
        measures: Array<{ measureKey: string; percentPositive: number }>;
      };
      qualityFlags: Array<{
        persistent: boolean;
        result: { group: { table: string; organisationId: string }; flag: string };
      }>;
    };
    expect(data.reasonRanking).toEqual([
      {
        respondents: 60,
        suppressed: false,
        reasons: [
          { optionCode: 'SUPPORTIVE', chosen: 60, percent: 100, rank: 1 },
          { optionCode: 'TEACHING', chosen: 30, percent: 50, rank: 2 },
        ],
      },
    ]);
    expect(data.nationalSummary.respondents).toBe(276);
    const organisationFlags = data.qualityFlags.filter((f) => f.result.group.table === 'ORGANISATION');
    expect(
      organisationFlags.map((f) => [f.result.group.organisationId, f.result.flag, f.persistent]).sort(),
    ).toEqual(
      [
        [ORG['A'], 'RED', false],
        [ORG['K'], 'GREEN', false],
      ].sort(),
    );
  });

  it('publishes the same suppressed cells on nets.results.v1, and RED and GREEN flags', async () => {
    const [message] = await recorder.waitForMessages((m) => m.key === `${YEAR}:induction:ORGANISATION`);
    const event = parseEvent(resultsTopic, message.value);
    const cells = event.data.cells;
    const small = cells.find((c) => c.organisationId === ORG['S']);
    expect(small).toEqual({ suppressed: true, organisationId: ORG['S'], reason: 'COMPLEMENTARY' });
    expect(cells.find((c) => c.organisationId === ORG['A'])).toMatchObject({
      respondents: 40,
      positive: 12,
      flag: 'RED',
    });
    const flags = await recorder.waitForMessages((m) => m.topic.endsWith(analyticsFlagsTopic.name), 8);
    const changes = flags.map((m) => parseEvent(analyticsFlagsTopic, m.value).data);
    expect(
      changes
        .filter((c) => c.measureKey === 'induction' && c.learnerGroup === null)
        .map((c) => [c.organisationId, c.flag])
        .sort(),
    ).toEqual(
      [
        [ORG['A'], 'RED'],
        [ORG['K'], 'GREEN'],
      ].sort(),
    );
    expect(changes.every((c) => c.respondents >= 3)).toBe(true);
  });

  it('serves Organisation.netsResults through the entity', async () => {
    const answer = await graphqlRequest(
      platform.gatewayUrl,
      `query($year: Int!) { measureResults(year: $year, measures: ["induction"], groupBy: [ORGANISATION], filter: { organisationIds: ["${ORG['A']}"] }) { respondents } }`,
      { token: analyst, variables: { year: YEAR } },
    );
    expect(answer.errors).toBeUndefined();
  });

  it('keeps released results frozen: a later response is kept aside, a re-emitted one ignored', async () => {
    const again = submitted.filter((r) => r.placement.organisationId === ORG['A']);
    const late = {
      ...again[0],
      responseId: randomUUID(),
      placement: { organisationId: ORG['Z'], siteId: null },
    };
    await publishTestEvents(
      platform.topicPrefix,
      responsesTopic.name,
      // One key: the late response comes after the re-emitted ones in one partition.
      [...again, late].map((data) => ({
        key: ORG['A'],
        event: createEvent(responsesTopic, 'nets.response.submitted.v1', data, { source: '/nets/response' }),
      })),
    );
    const release = async () => {
      const answer = await graphqlRequest<{
        resultsRelease: { status: string; respondents: number; lateResponses: number };
      }>(
        platform.gatewayUrl,
        `query($year: Int!) { resultsRelease(year: $year) { status respondents lateResponses } }`,
        { token: analyst, variables: { year: YEAR } },
      );
      expect(answer.errors).toBeUndefined();
      return answer.data?.resultsRelease;
    };
    // Once the late response is kept, the re-emitted ones before it have been seen.
    await waitFor(async () => ((await release())?.lateResponses === 1 ? true : undefined), {
      timeoutMs: 30000,
      description: 'the late response kept aside',
    });
    expect(await release()).toEqual({ status: 'RELEASED', respondents: 276, lateResponses: 1 });
    const [national] = await results({ year: YEAR, measures: ['induction'] });
    expect(national).toMatchObject({ respondents: 276, positive: 216 });
    const { rows } = await database.query(
      `SELECT sum(c.respondents[s.idx])::int AS n FROM analytics_slot s JOIN analytics_cell_counter c USING (year)
       WHERE s.key = 'induction'`,
    );
    expect(rows[0].n).toBe(276);
  });

  it('refuses a second release, and a release by anyone but an administrator', async () => {
    const again = await graphqlRequest(platform.gatewayUrl, RELEASE_RESULTS, {
      token: await testToken({ role: 'ADMIN' }),
      variables: { year: YEAR },
    });
    expect(errorCode(again)).toBe('CONFLICT');
    const byAnalyst = await graphqlRequest(platform.gatewayUrl, RELEASE_RESULTS, {
      token: analyst,
      variables: { year: YEAR + 1 },
    });
    expect(errorCode(byAnalyst)).toBe('FORBIDDEN');
  });
});
