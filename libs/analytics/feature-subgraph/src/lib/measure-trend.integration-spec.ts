import { Client } from 'pg';
import {
  errorCode,
  graphqlRequest,
  publishTestEvents,
  RELEASE_RESULTS,
  startTestPlatform,
  type TestPlatform,
  testToken,
  waitFor,
} from '@nets/shared/testing';
import { organisationsTopic } from '@nets/provider-assessment/contract-events';
import { responsesTopic } from '@nets/response/contract-events';
import { surveyTopic } from '@nets/survey/contract-events';
import { analyticsService } from './analytics-service';
import {
  MEASURE_KEY,
  REASON_QUESTION,
  organisationEvent,
  questionnaireEvent,
  responseEvent,
  testId,
  testQuestionnaire,
  type KeyedEvent,
  type TestAnswer,
  type TestOrganisation,
} from '../test-support/feed-events';
import { MEASURE_RESULTS, MEASURE_TREND, type ResultRow } from '../test-support/result-rows';
import { closeAndRelease, cycleOpenedEvent } from '../test-support/release-results';

const A = testId(2020, 0xa);
const B = testId(2020, 0xb);
const C = testId(2020, 0xc);
const ORGANISATIONS: TestOrganisation[] = [A, B, C].map((id) => ({ id, region: 'LONDON', siteIds: [] }));

/** Induction answers per year and organisation: [respondents, positive]. A has 2 respondents in 2022 only. */
const INDUCTION: Record<number, Record<string, [number, number]>> = {
  2021: { [A]: [5, 4], [B]: [10, 6], [C]: [12, 9] },
  2022: { [A]: [2, 1], [B]: [10, 7], [C]: [12, 8] },
  2023: { [A]: [8, 6], [B]: [4, 2], [C]: [9, 9] },
  2024: { [A]: [3, 3], [B]: [3, 1], [C]: [3, 2] },
};
/** A cycle still open: its responses are counted, its results not released. */
const OPEN_YEAR = 2025;
const OPEN_ANSWERS: TestAnswer[] = Array.from({ length: 6 }, (_, i) => ({
  organisationId: A,
  siteId: null,
  learnerGroup: 'NURSING',
  profession: 'ADULT_NURSING',
  positive: i < 3,
}));

/**
 * 2023 reasons, per organisation, the options each of its learners chose (those not listed skipped the
 * question). Nationally, of 15: TEACHING 11, SUPPORTIVE 7, WELLBEING 7, FACILITIES 2, ROTAS 0.
 */
const REASONS_2023: Record<string, string[][]> = {
  [A]: [
    ['TEACHING', 'SUPPORTIVE', 'WELLBEING', 'FACILITIES'],
    ['TEACHING', 'SUPPORTIVE', 'WELLBEING', 'FACILITIES'],
    ['TEACHING', 'SUPPORTIVE', 'WELLBEING'],
    ['TEACHING', 'SUPPORTIVE'],
    ['TEACHING'],
    ['TEACHING'],
    ['TEACHING'],
    ['TEACHING'],
  ],
  [B]: [['TEACHING', 'SUPPORTIVE', 'WELLBEING'], ['TEACHING']],
  [C]: [['TEACHING'], ['SUPPORTIVE'], ['SUPPORTIVE', 'WELLBEING'], ['WELLBEING'], ['WELLBEING']],
};

function answersOf(year: number): TestAnswer[] {
  return Object.entries(INDUCTION[year]).flatMap(([organisationId, [respondents, positive]]) =>
    Array.from({ length: respondents }, (_, i) => ({
      organisationId,
      siteId: null,
      learnerGroup: 'NURSING',
      profession: 'ADULT_NURSING',
      positive: i < positive,
      reasons: year === 2023 ? REASONS_2023[organisationId][i] : undefined,
    })),
  );
}

const RANKING = `query($year: Int!, $questionCode: String!, $groupBy: [ResultsGroupBy!], $filter: MeasureResultsFilter) {
  reasonRanking(year: $year, questionCode: $questionCode, groupBy: $groupBy, filter: $filter) {
    year group { table organisationId } suppressed suppressionReason noData respondents
    reasons { optionCode label chosen percent rank }
  }
}`;

interface RankingRow {
  year: number;
  group: { table: string; organisationId: string | null };
  suppressed: boolean;
  suppressionReason: string | null;
  noData: boolean;
  respondents: number | null;
  reasons: Array<{ optionCode: string; label: string; chosen: number; percent: number; rank: number }>;
}

describe('trends per cycle and reason rankings through the gateway', () => {
  let platform: TestPlatform;
  let analyst: string;
  let database: Client;

  const trend = async (variables: Record<string, unknown>): Promise<ResultRow[]> => {
    const answer = await graphqlRequest(platform.gatewayUrl, MEASURE_TREND, { token: analyst, variables });
    expect(answer.errors).toBeUndefined();
    return (answer.data as { measureTrend: ResultRow[] }).measureTrend;
  };
  const results = async (variables: Record<string, unknown>): Promise<ResultRow[]> => {
    const answer = await graphqlRequest(platform.gatewayUrl, MEASURE_RESULTS, { token: analyst, variables });
    expect(answer.errors).toBeUndefined();
    return (answer.data as { measureResults: ResultRow[] }).measureResults;
  };
  const ranking = async (variables: Record<string, unknown>): Promise<RankingRow[]> => {
    const answer = await graphqlRequest(platform.gatewayUrl, RANKING, {
      token: analyst,
      variables: { questionCode: REASON_QUESTION, ...variables },
    });
    expect(answer.errors).toBeUndefined();
    return (answer.data as { reasonRanking: RankingRow[] }).reasonRanking;
  };

  beforeAll(async () => {
    platform = await startTestPlatform([analyticsService]);
    analyst = await testToken({ role: 'NATIONAL_ANALYST' });
    database = new Client({ connectionString: platform.databases['analytics'].url });
    await database.connect();
    const years = Object.keys(INDUCTION).map(Number);
    const facts: Array<[string, KeyedEvent[]]> = [
      [
        surveyTopic.name,
        [
          ...[...years, OPEN_YEAR].map(questionnaireEvent),
          cycleOpenedEvent(OPEN_YEAR, testQuestionnaire(OPEN_YEAR).questionnaireId),
        ],
      ],
      [organisationsTopic.name, ORGANISATIONS.map(organisationEvent)],
    ];
    const responses = [
      ...years.flatMap((year) => answersOf(year).map((answer, i) => responseEvent(year, answer, i))),
      ...OPEN_ANSWERS.map((answer, i) => responseEvent(OPEN_YEAR, answer, i)),
    ];
    let fed = 0;
    const consumed = (description: string) =>
      waitFor(
        async () => {
          const { rows } = await database.query('SELECT count(*)::int AS n FROM processed_event');
          return rows[0].n === fed;
        },
        { timeoutMs: 30000, description },
      );
    for (const [topic, events] of facts) {
      await publishTestEvents(platform.topicPrefix, topic, events);
      fed += events.length;
    }
    await consumed('questionnaires and organisations');
    await publishTestEvents(platform.topicPrefix, responsesTopic.name, responses);
    fed += responses.length;
    await consumed('responses');
    for (const year of years) await closeAndRelease(platform, year, answersOf(year).length);
  }, 90000);

  afterAll(async () => {
    await database?.end();
    await platform?.stop();
  });

  it("gives one organisation's series year by year, withholding only the year it had 2 respondents", async () => {
    const rows = await trend({
      measure: MEASURE_KEY,
      fromYear: 2021,
      toYear: 2023,
      groupBy: ['ORGANISATION'],
      filter: { organisationIds: [A] },
    });
    expect(rows.map((r) => [r.year, r.group.organisationId])).toEqual([
      [2021, A],
      [2022, A],
      [2023, A],
    ]);
    const [y2021, y2022, y2023] = rows;
    expect(y2021).toMatchObject({ suppressed: false, respondents: 5, positive: 4, percentPositive: 80 });
    expect(y2021.interval?.lower).toBeCloseTo(0.3755, 4);
    expect(y2021.interval?.upper).toBeCloseTo(0.9638, 4);
    expect(y2022).toMatchObject({
      suppressed: true,
      suppressionReason: 'COMPLEMENTARY',
      noData: false,
      respondents: null,
      positive: null,
      percentPositive: null,
      interval: null,
      flag: 'SUPPRESSED',
    });
    expect(y2023).toMatchObject({ suppressed: false, respondents: 8, positive: 6, percentPositive: 75 });
    expect(y2023.interval?.lower).toBeCloseTo(0.4093, 4);
    expect(y2023.interval?.upper).toBeCloseTo(0.9285, 4);
  });

  it('gives the national series exactly, only for the years asked', async () => {
    const rows = await trend({ measure: MEASURE_KEY, fromYear: 2022, toYear: 2024 });
    expect(rows.map((r) => [r.year, r.group.table, r.respondents, r.positive])).toEqual([
      [2022, 'NATIONAL', 24, 16],
      [2023, 'NATIONAL', 21, 17],
      [2024, 'NATIONAL', 9, 6],
    ]);
    expect(rows.map((r) => r.percentPositive)).toEqual([
      expect.closeTo(66.6667, 4),
      expect.closeTo(80.9524, 4),
      expect.closeTo(66.6667, 4),
    ]);
    expect(rows[0].interval?.lower).toBeCloseTo(0.4671, 4);
    expect(rows[0].interval?.upper).toBeCloseTo(0.8203, 4);
    expect(rows[1].interval?.lower).toBeCloseTo(0.6, 4);
    expect(rows[1].interval?.upper).toBeCloseTo(0.9233, 4);
    expect(await trend({ measure: MEASURE_KEY, fromYear: 2015, toYear: 2020 })).toEqual([]);
  });

  it('leaves out a cycle whose results are not released, which reads as no rows but counts respondents', async () => {
    const withOpen = await trend({ measure: MEASURE_KEY, fromYear: 2022, toYear: OPEN_YEAR });
    expect(withOpen).toEqual(await trend({ measure: MEASURE_KEY, fromYear: 2022, toYear: 2024 }));
    expect(await results({ year: OPEN_YEAR, measures: [MEASURE_KEY], groupBy: ['ORGANISATION'] })).toEqual(
      [],
    );
    const answer = await graphqlRequest(
      platform.gatewayUrl,
      `query($year: Int!) {
        resultsRelease(year: $year) { year status releasedAt respondents lateResponses }
        nationalSummary(year: $year) { released respondents measures { measureKey } reasons { questionCode } }
      }`,
      { token: analyst, variables: { year: OPEN_YEAR } },
    );
    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({
      resultsRelease: {
        year: OPEN_YEAR,
        status: 'NOT_RELEASED',
        releasedAt: null,
        respondents: 6,
        lateResponses: 0,
      },
      nationalSummary: { released: false, respondents: null, measures: [], reasons: [] },
    });
  });

  it('refuses to release a cycle that is still open, and changes nothing', async () => {
    const answer = await graphqlRequest(platform.gatewayUrl, RELEASE_RESULTS, {
      token: await testToken({ role: 'ADMIN' }),
      variables: { year: OPEN_YEAR },
    });
    expect(errorCode(answer)).toBe('CONFLICT');
    const { rows } = await database.query(
      'SELECT count(*)::int AS n FROM analytics_release WHERE year = $1',
      [OPEN_YEAR],
    );
    expect(rows[0].n).toBe(0);
  });

  it("applies each year's own suppression: the trend is that year's results, and 2022 cannot be subtracted out", async () => {
    const rows = await trend({
      measure: MEASURE_KEY,
      fromYear: 2021,
      toYear: 2024,
      groupBy: ['ORGANISATION'],
    });
    for (const year of [2021, 2022, 2023, 2024]) {
      const ofYear = rows.filter((r) => r.year === year);
      expect(ofYear).toEqual(await results({ year, measures: [MEASURE_KEY], groupBy: ['ORGANISATION'] }));
      const withheld = ofYear.filter((r) => r.suppressed).map((r) => r.group.organisationId);
      expect(withheld).toEqual(year === 2022 ? expect.arrayContaining([A]) : []);
    }
    const of2022 = rows.filter((r) => r.year === 2022);
    expect(of2022.filter((r) => r.suppressionReason === 'COMPLEMENTARY').length).toBeGreaterThan(0);
    const visible = of2022.reduce((sum, r) => sum + (r.respondents ?? 0), 0);
    expect(24 - visible).toBeGreaterThanOrEqual(3);
  });

  it('refuses a span that runs backwards', async () => {
    const answer = await graphqlRequest(platform.gatewayUrl, MEASURE_TREND, {
      token: analyst,
      variables: { measure: MEASURE_KEY, fromYear: 2023, toYear: 2021 },
    });
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
  });

  it('ranks reasons by how many chose them, ties sharing a rank, options nobody chose left out', async () => {
    const [national] = await ranking({ year: 2023 });
    expect(national).toMatchObject({ year: 2023, suppressed: false, respondents: 15 });
    expect(national.reasons).toEqual([
      {
        optionCode: 'TEACHING',
        label: 'Label TEACHING',
        chosen: 11,
        percent: expect.closeTo(73.3333, 4),
        rank: 1,
      },
      {
        optionCode: 'SUPPORTIVE',
        label: 'Label SUPPORTIVE',
        chosen: 7,
        percent: expect.closeTo(46.6667, 4),
        rank: 2,
      },
      {
        optionCode: 'WELLBEING',
        label: 'Label WELLBEING',
        chosen: 7,
        percent: expect.closeTo(46.6667, 4),
        rank: 2,
      },
      {
        optionCode: 'FACILITIES',
        label: 'Label FACILITIES',
        chosen: 2,
        percent: expect.closeTo(13.3333, 4),
        rank: 4,
      },
    ]);
  });

  it('withholds the ranking of an organisation with 2 respondents to the question, and its complement', async () => {
    const rows = await ranking({ year: 2023, groupBy: ['ORGANISATION'] });
    const of = (id: string) => rows.find((r) => r.group.organisationId === id);
    expect(of(B)).toMatchObject({
      suppressed: true,
      suppressionReason: 'COMPLEMENTARY',
      respondents: null,
      reasons: [],
    });
    const complements = rows.filter((r) => r.suppressionReason === 'COMPLEMENTARY');
    expect(complements.length).toBeGreaterThan(0);
    expect(complements.flatMap((r) => r.reasons)).toEqual([]);
    // Whichever organisation is published ranks exactly its own learners' choices.
    const expected: Record<string, Array<[string, number, number]>> = {
      [A]: [
        ['TEACHING', 8, 1],
        ['SUPPORTIVE', 4, 2],
        ['WELLBEING', 3, 3],
        ['FACILITIES', 2, 4],
      ],
      [C]: [
        ['WELLBEING', 3, 1],
        ['SUPPORTIVE', 2, 2],
        ['TEACHING', 1, 3],
      ],
    };
    const published = rows.filter((r) => !r.suppressed);
    expect(published.length).toBeGreaterThan(0);
    for (const row of published) {
      const id = row.group.organisationId ?? '';
      expect(row.respondents).toBe(id === A ? 8 : 5);
      expect(row.reasons.map((r) => [r.optionCode, r.chosen, r.rank])).toEqual(expected[id]);
    }
  });
});
