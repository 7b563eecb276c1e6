import { Client } from 'pg';
import { parseEvent } from '@nets/shared/contract-events';
import {
  TopicRecorder,
  errorCode,
  graphqlRequest,
  startTestPlatform,
  testKafkaClient,
  testToken,
  waitFor,
  type TestPlatform,
} from '@nets/shared/testing';
import { surveyTopic } from '@nets/survey/contract-events';
import { DEFAULT_QUESTIONNAIRE, MEASURES } from '@nets/survey/domain';
import { surveyService } from './survey-service';

const DAY = 24 * 60 * 60 * 1000;

describe('back-filling past survey cycles through the gateway, on PostgreSQL and Kafka', () => {
  let platform: TestPlatform;
  let recorder: TopicRecorder;
  let admin: string;
  let analyst: string;
  let database: Client;

  const gql = (query: string, variables?: Record<string, unknown>, token?: string) =>
    graphqlRequest(platform.gatewayUrl, query, { variables, token });

  const IMPORT = `mutation($input: ImportSurveyCycleInput!) { importSurveyCycle(input: $input) {
    year name status imported opensAt closesAt openedAt closedAt questionnaire { id version status } } }`;

  const pastCycle = (year: number) => ({
    year,
    name: `NETS ${year}`,
    opensAt: `${year}-01-15T09:00:00.000Z`,
    closesAt: `${year}-03-31T23:00:00.000Z`,
  });

  async function counts() {
    const result = await database.query(
      `SELECT (SELECT count(*)::int FROM survey_cycle) AS cycles,
              (SELECT count(*)::int FROM questionnaire) AS questionnaires,
              (SELECT count(*)::int FROM outbox_message) AS outbox`,
    );
    return result.rows[0] as { cycles: number; questionnaires: number; outbox: number };
  }

  const eventsFor = (year: number) =>
    recorder.messages
      .filter((message) => message.key === String(year))
      .map((message) => parseEvent(surveyTopic, message.value));

  beforeAll(async () => {
    platform = await startTestPlatform([surveyService]);
    recorder = await new TopicRecorder(testKafkaClient(), [
      `${platform.topicPrefix}${surveyTopic.name}`,
    ]).start();
    admin = await testToken({ role: 'ADMIN', subject: 'admin-1' });
    analyst = await testToken({ role: 'NATIONAL_ANALYST' });
    database = new Client({ connectionString: platform.databases['survey'].url });
    await database.connect();
  });

  afterAll(async () => {
    await recorder?.stop();
    await database?.end();
    await platform?.stop();
  });

  it('records a past cycle as imported and closed, with the default questionnaire published', async () => {
    const response = await gql(IMPORT, { input: pastCycle(2019) }, admin);
    expect(response.errors).toBeUndefined();
    const cycle = (response.data as { importSurveyCycle: Record<string, unknown> }).importSurveyCycle;
    expect(cycle).toMatchObject({
      year: 2019,
      name: 'NETS 2019',
      status: 'CLOSED',
      imported: true,
      openedAt: '2019-01-15T09:00:00.000Z',
      closedAt: '2019-03-31T23:00:00.000Z',
      questionnaire: { version: 1, status: 'PUBLISHED' },
    });

    const read = await gql(
      `{ surveyCycle(year: 2019) { status imported questionnaires { version status publishedAt } } }`,
      {},
      admin,
    );
    expect(read.data).toEqual({
      surveyCycle: {
        status: 'CLOSED',
        imported: true,
        questionnaires: [{ version: 1, status: 'PUBLISHED', publishedAt: '2019-01-15T09:00:00.000Z' }],
      },
    });
    // A back-filled cycle is not open to learners.
    expect((await gql(`{ openSurveyCycle { year } }`)).data).toEqual({ openSurveyCycle: null });
  });

  it('refuses other roles, a cycle that has not closed yet and a year that exists, changing nothing', async () => {
    const live = await gql(
      `mutation($input: CreateSurveyCycleInput!) { createSurveyCycle(input: $input) { year } }`,
      {
        input: {
          year: 2025,
          name: 'NETS 2025',
          opensAt: new Date(Date.now() - DAY).toISOString(),
          closesAt: new Date(Date.now() + 60 * DAY).toISOString(),
        },
      },
      admin,
    );
    expect(live.errors).toBeUndefined();
    const before = await counts();

    expect(errorCode(await gql(IMPORT, { input: pastCycle(2020) }, analyst))).toBe('FORBIDDEN');
    expect(errorCode(await gql(IMPORT, { input: pastCycle(2020) }))).toBe('UNAUTHENTICATED');

    const stillRunning = await gql(
      IMPORT,
      {
        input: {
          ...pastCycle(2026),
          opensAt: new Date(Date.now() - DAY).toISOString(),
          closesAt: new Date(Date.now() + DAY).toISOString(),
        },
      },
      admin,
    );
    expect(errorCode(stillRunning)).toBe('BAD_USER_INPUT');
    expect(stillRunning.errors?.[0]?.message).toMatch(/only past cycles/i);
    const futureYear = { ...pastCycle(2019), year: new Date().getUTCFullYear() + 1 };
    expect(errorCode(await gql(IMPORT, { input: futureYear }, admin))).toBe('BAD_USER_INPUT');

    const backwards = await gql(
      IMPORT,
      { input: { ...pastCycle(2020), closesAt: '2019-12-31T00:00:00.000Z' } },
      admin,
    );
    expect(errorCode(backwards)).toBe('BAD_USER_INPUT');

    const again = await gql(IMPORT, { input: pastCycle(2019) }, admin);
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.message).toMatch(/2019 cycle already exists/);
    // A year created live cannot be overwritten by an import either.
    expect(errorCode(await gql(IMPORT, { input: pastCycle(2025) }, admin))).toBe('CONFLICT');

    expect(await counts()).toEqual(before);
  });

  it('emits what a live cycle emits, in order, so other services accept its back-filled responses', async () => {
    const imported = await gql(IMPORT, { input: pastCycle(2021) }, admin);
    expect(imported.errors).toBeUndefined();
    const questionnaireId = (imported.data as { importSurveyCycle: { questionnaire: { id: string } } })
      .importSurveyCycle.questionnaire.id;

    await waitFor(async () => (eventsFor(2021).length >= 3 ? true : undefined), {
      description: 'the 2021 cycle events',
    });
    const events2021 = eventsFor(2021);
    expect(events2021.map((event) => event.type)).toEqual([
      'nets.survey.questionnaire-published.v1',
      'nets.survey.cycle-opened.v1',
      'nets.survey.cycle-closed.v1',
    ]);
    const [published, opened, closed] = events2021;
    if (published.type !== 'nets.survey.questionnaire-published.v1') throw new Error('unexpected');
    expect(published.data).toMatchObject({
      questionnaireId,
      year: 2021,
      version: 1,
      publishedAt: '2021-01-15T09:00:00.000Z',
    });
    expect(published.data.content.sections).toHaveLength(DEFAULT_QUESTIONNAIRE.sections.length);
    expect(published.data.measures.map((m) => m.key).sort()).toEqual(MEASURES.map((m) => m.key).sort());
    expect(opened.data).toEqual({
      year: 2021,
      name: 'NETS 2021',
      opensAt: '2021-01-15T09:00:00.000Z',
      closesAt: '2021-03-31T23:00:00.000Z',
      questionnaireId,
      questionnaireVersion: 1,
      reopened: false,
    });
    expect(closed.data).toEqual({ year: 2021, closedAt: '2021-03-31T23:00:00.000Z', closedBy: 'ADMIN' });

    // The refused imports emitted nothing: 2019 has its three events only, 2020 and 2026 none.
    await waitFor(async () => (eventsFor(2019).length >= 3 ? true : undefined), {
      description: 'the 2019 cycle events',
    });
    expect(eventsFor(2019)).toHaveLength(3);
    expect(eventsFor(2020)).toEqual([]);
    expect(eventsFor(2026)).toEqual([]);
  });
});
