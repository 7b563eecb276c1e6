import { Client } from 'pg';
import { parseEvent } from '@nets/shared/contract-events';
import {
  TEST_GATEWAY_SECRET,
  TopicRecorder,
  errorCode,
  graphqlRequest,
  schemaDriftOf,
  startTestPlatform,
  testKafkaClient,
  testToken,
  waitFor,
  type TestPlatform,
} from '@nets/shared/testing';
import { surveyTopic } from '@nets/survey/contract-events';
import { DEFAULT_QUESTIONNAIRE, LEARNER_GROUPS, MEASURES } from '@nets/survey/domain';
import { surveyService } from './survey-service';

const DAY = 24 * 60 * 60 * 1000;

describe('survey subgraph through the gateway, on PostgreSQL and Kafka', () => {
  let platform: TestPlatform;
  let recorder: TopicRecorder;
  let admin: string;
  let analyst: string;
  let database: Client;

  const gql = (query: string, variables?: Record<string, unknown>, token?: string) =>
    graphqlRequest(platform.gatewayUrl, query, { variables, token });

  const surveyEvents = () =>
    recorder.messages.map((message) => ({ key: message.key, event: parseEvent(surveyTopic, message.value) }));

  const CREATE = `mutation($input: CreateSurveyCycleInput!) { createSurveyCycle(input: $input) { year name status } }`;
  const SAVE = `mutation($input: SaveQuestionnaireDraftInput!) { saveQuestionnaireDraft(input: $input) { id year version status } }`;
  const PUBLISH = `mutation($year: Int!) { publishQuestionnaire(year: $year) { id version status publishedAt } }`;
  const OPEN = `mutation($year: Int!, $override: CycleOverrideInput) { openSurveyCycle(year: $year, override: $override) { year status openedAt } }`;
  const CLOSE = `mutation($year: Int!) { closeSurveyCycle(year: $year) { year status closedAt } }`;

  async function createCycle(year: number, closesInDays = 30) {
    return gql(
      CREATE,
      {
        input: {
          year,
          name: `NETS ${year}`,
          opensAt: new Date(Date.now() - DAY).toISOString(),
          closesAt: new Date(Date.now() + closesInDays * DAY).toISOString(),
        },
      },
      admin,
    );
  }

  async function cycleCount(): Promise<number> {
    const result = await database.query('SELECT count(*)::int AS n FROM survey_cycle');
    return result.rows[0].n as number;
  }

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

  it('keeps entities and migrations in step', async () => {
    expect(await schemaDriftOf(surveyService)).toEqual([]);
  });

  it('serves the Quality Framework, measures and learner groups to signed-in users only', async () => {
    const query = `{ qualityFramework { edition domains { number standards { code } } }
      qualityStandard(code: "1.7") { code statement domainNumber }
      measures { key polarity standards { code } } learnerGroups { code professions { code } } }`;
    const response = await gql(query, {}, analyst);
    expect(response.errors).toBeUndefined();
    const data = response.data as {
      qualityFramework: { edition: string; domains: Array<{ standards: unknown[] }> };
      qualityStandard: { code: string; domainNumber: number; statement: string };
      measures: Array<{ key: string; standards: Array<{ code: string }> }>;
      learnerGroups: Array<{ professions: unknown[] }>;
    };
    expect(data.qualityFramework.edition).toBe('2021');
    expect(data.qualityFramework.domains).toHaveLength(6);
    expect(data.qualityFramework.domains.flatMap((d) => d.standards)).toHaveLength(49);
    expect(data.qualityStandard).toMatchObject({ code: '1.7', domainNumber: 1 });
    expect(data.qualityStandard.statement).toMatch(/speak up/i);
    expect(data.measures.map((m) => m.key)).toEqual(MEASURES.map((m) => m.key));
    expect(data.measures.every((m) => m.standards.length > 0)).toBe(true);
    expect(data.learnerGroups.length).toBeGreaterThan(10);
    expect(errorCode(await gql('{ measures { key } }'))).toBe('UNAUTHENTICATED');
  });

  it('lets only an administrator create cycles, and refuses bad input without storing anything', async () => {
    const before = await cycleCount();
    const asAnalyst = await graphqlRequest(platform.gatewayUrl, CREATE, {
      token: analyst,
      variables: {
        input: {
          year: 2025,
          name: 'x',
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + DAY).toISOString(),
        },
      },
    });
    expect(errorCode(asAnalyst)).toBe('FORBIDDEN');
    const backwards = await gql(
      CREATE,
      {
        input: {
          year: 2025,
          name: 'NETS 2025',
          opensAt: new Date(Date.now() + DAY).toISOString(),
          closesAt: new Date().toISOString(),
        },
      },
      admin,
    );
    expect(errorCode(backwards)).toBe('BAD_USER_INPUT');
    expect(await cycleCount()).toBe(before);

    const created = await createCycle(2025);
    expect(created.data).toEqual({ createSurveyCycle: { year: 2025, name: 'NETS 2025', status: 'DRAFT' } });
    expect(errorCode(await createCycle(2025))).toBe('CONFLICT');
    expect(await cycleCount()).toBe(before + 1);
  });

  it('will not open a cycle without a published questionnaire', async () => {
    const response = await gql(OPEN, { year: 2025 }, admin);
    expect(errorCode(response)).toBe('CONFLICT');
    expect(response.errors?.[0].message).toBe('The 2025 cycle has no published questionnaire to open with.');
  });

  it('refuses to publish an invalid questionnaire with every problem listed, and publishes nothing', async () => {
    const sections = DEFAULT_QUESTIONNAIRE.sections.map((section) => ({
      ...section,
      questions: [...section.questions],
    }));
    const [first, second] = [sections[0].questions[0], sections[0].questions[1]];
    sections[0].questions[1] = { ...second, code: first.code };
    sections[0].questions[0] = {
      ...first,
      standardCodes: ['9.9'],
      condition: { questionCode: 'Q_OVERALL_EXPERIENCE', anyOf: ['GOOD'] },
    };
    const saved = await gql(
      SAVE,
      { input: { year: 2025, content: { ...DEFAULT_QUESTIONNAIRE, sections } } },
      admin,
    );
    expect(saved.errors).toBeUndefined();
    expect(saved.data).toMatchObject({ saveQuestionnaireDraft: { status: 'DRAFT', version: null } });

    const published = await gql(PUBLISH, { year: 2025 }, admin);
    expect(errorCode(published)).toBe('BAD_USER_INPUT');
    const details = published.errors?.[0].extensions?.['details'] as Array<{ path: string; message: string }>;
    const messages = details.map((d) => d.message);
    expect(messages).toContain(`Question code ${first.code} is used twice.`);
    expect(messages).toContain('Unknown Quality Framework standard 9.9.');
    expect(messages.some((m) => /comes later; conditions may only refer to earlier questions/.test(m))).toBe(
      true,
    );
    const rows = await database.query(
      `SELECT count(*)::int AS n FROM questionnaire WHERE status = 'PUBLISHED'`,
    );
    expect(rows.rows[0].n).toBe(0);
    const outbox = await database.query(`SELECT count(*)::int AS n FROM outbox_message`);
    expect(outbox.rows[0].n).toBe(0);
  });

  it('publishes the default questionnaire as frozen version 1 and refuses edits to it', async () => {
    const saved = await gql(SAVE, { input: { year: 2025, useDefault: true } }, admin);
    expect(saved.errors).toBeUndefined();
    const published = await gql(PUBLISH, { year: 2025 }, admin);
    expect(published.errors).toBeUndefined();
    const version = (
      published.data as { publishQuestionnaire: { id: string; version: number; status: string } }
    ).publishQuestionnaire;
    expect(version).toMatchObject({ version: 1, status: 'PUBLISHED' });

    const edit = await gql(
      SAVE,
      { input: { year: 2025, questionnaireId: version.id, useDefault: true } },
      admin,
    );
    expect(errorCode(edit)).toBe('CONFLICT');
    expect(edit.errors?.[0].message).toMatch(/Version 1 was published and is frozen/);
    const stored = await database.query('SELECT content FROM questionnaire WHERE id = $1', [version.id]);
    expect(stored.rows[0].content.title).toBe(DEFAULT_QUESTIONNAIRE.title);
  });

  it('opens the cycle, which anyone can then read with its questionnaire', async () => {
    const anonymousBefore = await gql('{ openSurveyCycle { year } }');
    expect(anonymousBefore.data).toEqual({ openSurveyCycle: null });

    const opened = await gql(OPEN, { year: 2025 }, admin);
    expect(opened.errors).toBeUndefined();
    expect(opened.data).toMatchObject({ openSurveyCycle: { year: 2025, status: 'OPEN' } });

    const anonymous = await gql(`{ openSurveyCycle { year name status questionnaire { version title sections {
      code questions { code type required options { code } condition { questionCode anyOf } } } } } }`);
    expect(anonymous.errors).toBeUndefined();
    const cycle = (
      anonymous.data as { openSurveyCycle: { questionnaire: { version: number; sections: unknown[] } } }
    ).openSurveyCycle;
    expect(cycle).toMatchObject({ year: 2025, name: 'NETS 2025', status: 'OPEN' });
    expect(cycle.questionnaire.version).toBe(1);
    expect(cycle.questionnaire.sections).toHaveLength(DEFAULT_QUESTIONNAIRE.sections.length);
    expect(errorCode(await gql('{ surveyCycles { year } }'))).toBe('UNAUTHENTICATED');
  });

  it('allows only one open cycle at a time', async () => {
    await createCycle(2026);
    await gql(SAVE, { input: { year: 2026, useDefault: true } }, admin);
    await gql(PUBLISH, { year: 2026 }, admin);
    const second = await gql(OPEN, { year: 2026 }, admin);
    expect(errorCode(second)).toBe('CONFLICT');
    expect(second.errors?.[0].message).toBe('The 2025 cycle is open; only one cycle may be open at a time.');
    const status = await database.query('SELECT status FROM survey_cycle WHERE year = 2026');
    expect(status.rows[0].status).toBe('DRAFT');
  });

  it('closes a cycle, and reopens it only by a recorded administrator override', async () => {
    const closed = await gql(CLOSE, { year: 2025 }, admin);
    expect(closed.data).toMatchObject({ closeSurveyCycle: { year: 2025, status: 'CLOSED' } });
    expect(errorCode(await gql(CLOSE, { year: 2025 }, admin))).toBe('CONFLICT');
    const plain = await gql(OPEN, { year: 2025 }, admin);
    expect(errorCode(plain)).toBe('CONFLICT');
    expect(plain.errors?.[0].message).toMatch(/administrator override/);

    const reopened = await gql(OPEN, { year: 2025, override: { reason: 'Outage on closing day' } }, admin);
    expect(reopened.data).toMatchObject({ openSurveyCycle: { status: 'OPEN' } });
    const audit = await gql('{ surveyCycle(year: 2025) { overrides { action reason actor } } }', {}, admin);
    expect(audit.data).toEqual({
      surveyCycle: { overrides: [{ action: 'REOPEN', reason: 'Outage on closing day', actor: 'admin-1' }] },
    });
    await gql(CLOSE, { year: 2025 }, admin);
  });

  it('closes an open cycle by itself at its closing time', async () => {
    const opened = await gql(OPEN, { year: 2026 }, admin);
    expect(opened.errors).toBeUndefined();
    await database.query(`UPDATE survey_cycle SET closes_at = now() - interval '1 second' WHERE year = 2026`);
    await waitFor(
      async () => {
        const result = await database.query('SELECT status FROM survey_cycle WHERE year = 2026');
        return result.rows[0].status === 'CLOSED' ? true : undefined;
      },
      { description: 'the 2026 cycle to close itself' },
    );
  });

  it('refuses absurd cycles, questionnaire text and ids with BAD_USER_INPUT or NOT_FOUND, storing nothing', async () => {
    const cycles = await cycleCount();
    const questionnaires = async () =>
      (await database.query('SELECT count(*)::int AS n, max(updated_at) AS at FROM questionnaire'))
        .rows[0] as {
        n: number;
        at: Date | null;
      };
    const drafts = await questionnaires();
    const valid = {
      year: 2027,
      name: 'NETS 2027',
      opensAt: '2027-02-01T09:00:00.000Z',
      closesAt: '2027-04-30T23:00:00.000Z',
    };
    const cycleCases: Record<string, Record<string, unknown>> = {
      'year 99999': { year: 99999 },
      'year 2100': { year: 2100, name: 'NETS 2100' },
      '1900 to 3000': { opensAt: '1900-01-01T00:00:00.000Z', closesAt: '3000-01-01T00:00:00.000Z' },
      'closing before opening': { closesAt: '2027-01-01T00:00:00.000Z' },
      'a 60,000-character name': { name: 'N'.repeat(60000) },
      'a name with a right-to-left override': { name: 'NETS \u202E7202' },
      'a name with a control character': { name: 'NETS\u00072027' },
    };
    for (const [name, change] of Object.entries(cycleCases)) {
      const result = await gql(CREATE, { input: { ...valid, ...change } }, admin);
      expect({ name, code: errorCode(result) }).toEqual({ name, code: 'BAD_USER_INPUT' });
    }
    const imported = await gql(
      `mutation($input: ImportSurveyCycleInput!) { importSurveyCycle(input: $input) { year } }`,
      {
        input: {
          year: 2020,
          name: 'NETS 2020',
          opensAt: '1900-01-01T00:00:00.000Z',
          closesAt: '2020-04-01T00:00:00.000Z',
        },
      },
      admin,
    );
    expect(errorCode(imported)).toBe('BAD_USER_INPUT');
    expect(await cycleCount()).toBe(cycles);
    expect((await gql(CREATE, { input: valid }, admin)).errors).toBeUndefined();

    // The default questionnaire is most of the gateway's body limit: a 5,000-character title still fits.
    const content = { ...DEFAULT_QUESTIONNAIRE, title: 'x'.repeat(5000) };
    expect(errorCode(await gql(SAVE, { input: { year: 2027, content } }, admin))).toBe('BAD_USER_INPUT');
    const hidden = { ...DEFAULT_QUESTIONNAIRE, description: 'Safe \u202Eenilno' };
    expect(errorCode(await gql(SAVE, { input: { year: 2027, content: hidden } }, admin))).toBe(
      'BAD_USER_INPUT',
    );
    for (const id of ['not-a-uuid', "1' OR '1'='1"]) {
      const read = await gql(`query($id: ID!) { questionnaire(id: $id) { id } }`, { id }, analyst);
      expect({ id, errors: read.errors, data: read.data }).toEqual({
        id,
        errors: undefined,
        data: { questionnaire: null },
      });
      const save = await gql(SAVE, { input: { year: 2027, questionnaireId: id, useDefault: true } }, admin);
      expect({ id, code: errorCode(save) }).toEqual({ id, code: 'NOT_FOUND' });
    }
    expect(await questionnaires()).toEqual(drafts);
    const codes = await gql(
      `query($c: String!) { qualityStandard(code: $c) { code } measure(key: $c) { key } qualityFramework(edition: $c) { edition } }`,
      { c: '1.\u00077' },
      analyst,
    );
    expect({ errors: codes.errors, data: codes.data }).toEqual({
      errors: undefined,
      data: { qualityStandard: null, measure: null, qualityFramework: null },
    });
    const reason = await gql(OPEN, { year: 2025, override: { reason: 'x'.repeat(60000) } }, admin);
    expect(errorCode(reason)).toBe('BAD_USER_INPUT');
  });

  it('publishes every change as a documented event, in order per cycle', async () => {
    await waitFor(async () => (surveyEvents().length >= 8 ? true : undefined), {
      description: 'eight survey events',
    });
    const forYear = (key: string) =>
      surveyEvents()
        .filter((entry) => entry.key === key)
        .map((entry) => entry.event);
    expect(forYear('2025').map((event) => event.type)).toEqual([
      'nets.survey.questionnaire-published.v1',
      'nets.survey.cycle-opened.v1',
      'nets.survey.cycle-closed.v1',
      'nets.survey.cycle-opened.v1',
      'nets.survey.cycle-closed.v1',
    ]);
    const [published, opened, closed, reopened] = forYear('2025');
    expect(published).toMatchObject({ source: '/nets/survey', subject: '2025', specversion: '1.0' });
    if (published.type !== 'nets.survey.questionnaire-published.v1') throw new Error('unexpected');
    expect(published.data.version).toBe(1);
    expect(published.data.content.sections).toHaveLength(DEFAULT_QUESTIONNAIRE.sections.length);
    // Exclusive options travel in the event: the sexual-safety question's "No" may not be chosen with a "Yes".
    const sexualSafety = published.data.content.sections
      .flatMap((section) => section.questions)
      .find((question) => question.code === 'Q_SEXUAL_BEHAVIOUR');
    expect(sexualSafety?.options.map((option) => [option.code, option.exclusive === true])).toEqual([
      ['BY_STAFF', false],
      ['BY_PATIENTS', false],
      ['NO', true],
    ]);
    expect(published.data.measures.map((m) => m.key).sort()).toEqual(MEASURES.map((m) => m.key).sort());
    expect(opened.data).toMatchObject({ year: 2025, questionnaireVersion: 1, reopened: false });
    expect(closed.data).toMatchObject({ year: 2025, closedBy: 'ADMIN' });
    expect(reopened.data).toMatchObject({ reopened: true });
    expect(forYear('2026').map((event) => event.type)).toEqual([
      'nets.survey.questionnaire-published.v1',
      'nets.survey.cycle-opened.v1',
      'nets.survey.cycle-closed.v1',
    ]);
    expect(forYear('2026')[2].data).toMatchObject({ closedBy: 'SCHEDULE' });
  });

  it('publishes its learner groups and professions with each questionnaire version', async () => {
    const [published] = surveyEvents()
      .map((entry) => entry.event)
      .filter((event) => event.type === 'nets.survey.questionnaire-published.v1');
    if (published?.type !== 'nets.survey.questionnaire-published.v1') throw new Error('no publication');
    expect(published.data.learnerGroups?.map((group) => group.code)).toEqual(
      LEARNER_GROUPS.map((g) => g.code),
    );
    expect(published.data.learnerGroups?.flatMap((group) => group.professions.map((p) => p.code))).toEqual(
      LEARNER_GROUPS.flatMap((group) => group.professions.map((p) => p.code)),
    );
  });

  it('resolves each entity it owns by key, in a batch (federation contract)', async () => {
    const response = await graphqlRequest(
      platform.services['survey'].url,
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on SurveyCycle { year status } ... on Measure { key polarity } ... on QualityStandard { code domainNumber } } }`,
      {
        token: analyst,
        headers: { 'x-nets-gateway-secret': TEST_GATEWAY_SECRET },
        variables: {
          r: [
            { __typename: 'SurveyCycle', year: 2025 },
            { __typename: 'SurveyCycle', year: 2026 },
            { __typename: 'Measure', key: 'bullying-experienced' },
            { __typename: 'QualityStandard', code: '3.9' },
          ],
        },
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      _entities: [
        { year: 2025, status: 'CLOSED' },
        { year: 2026, status: 'CLOSED' },
        { key: 'bullying-experienced', polarity: 'LOWER_IS_BETTER' },
        { code: '3.9', domainNumber: 3 },
      ],
    });
  });
});
