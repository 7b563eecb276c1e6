import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  TopicRecorder,
  graphqlRequest,
  startTestPlatform,
  waitFor,
  type RecordedMessage,
  type TestPlatform,
} from '@nets/shared/testing';
import type { OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import { responsesTopic, seriousConcernsTopic } from '@nets/response/contract-events';
import { responseService } from '@nets/response/feature-subgraph';
import { concernsService } from '@nets/concerns/feature-subgraph';
import {
  SERIOUS_CONCERN_QUESTIONS,
  YES_NO,
  learnerLevelOutboxDrained,
  publishOpenCycle,
  publishRegisteredOrganisations,
  recordLearnerLevelTopics,
  testQuestion,
  testQuestionnaireContent,
  testSection,
} from '@nets/platform/testing';

const YEAR = 2026;
const QUESTIONNAIRE_ID = randomUUID();
const CONTENT = testQuestionnaireContent('NETS', 'Unlinkability test', [
  testSection('S', 'Placement', [
    testQuestion('Q_OK', 'YES_NO', 'Was it good?', YES_NO),
    ...SERIOUS_CONCERN_QUESTIONS,
  ]),
]);
const TRUST: OrganisationSnapshot = {
  id: randomUUID(),
  odsCode: 'RUL',
  name: 'Unlinkvale NHS Trust',
  kind: 'NHS_TRUST',
  roles: ['PLACEMENT_PROVIDER'],
  region: 'LONDON',
  sites: [{ id: randomUUID(), code: 'S1', name: 'Unlinkvale General Hospital' }],
  status: 'ACTIVE',
  successorId: null,
};

type Row = Record<string, unknown>;

async function dumpDatabase(client: Client): Promise<{ columns: string[]; rows: Map<string, Row[]> }> {
  const columns = (
    await client.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public'
       ORDER BY table_name, ordinal_position`,
    )
  ).rows.map((c) => `${c.table_name}.${c.column_name}`);
  const tables = new Set(columns.map((c) => c.split('.')[0]));
  const rows = new Map<string, Row[]>();
  for (const table of tables) rows.set(table, (await client.query<Row>(`SELECT * FROM "${table}"`)).rows);
  return { columns, rows };
}

const isMidnight = (value: Date): boolean => value.getTime() % 86_400_000 === 0;

/**
 * DESIGN §5: a learner becomes identifiable only through the contact details they leave with a serious concern,
 * in the concerns service. Nothing in either database, the outbox or the topics may join those details to the
 * learner's full response: no shared code, hash or id, and no pair of exact times.
 */
describe('a serious concern cannot be joined to the learner’s response (response and concerns databases, outbox, topics)', () => {
  let platform: TestPlatform;
  let recorder: TopicRecorder;
  let responseDb: Client;
  let concernsDb: Client;

  beforeAll(async () => {
    platform = await startTestPlatform([responseService, concernsService]);
    recorder = await recordLearnerLevelTopics(platform);
    responseDb = new Client({ connectionString: platform.databases['response'].url });
    concernsDb = new Client({ connectionString: platform.databases['concerns'].url });
    await responseDb.connect();
    await concernsDb.connect();
    await publishRegisteredOrganisations(platform.topicPrefix, [TRUST]);
    await publishOpenCycle(platform.topicPrefix, {
      year: YEAR,
      questionnaireId: QUESTIONNAIRE_ID,
      content: CONTENT,
    });
    const ready = async (client: Client, sql: string) =>
      ((await client.query<{ n: number }>(sql)).rows[0]?.n ?? 0) > 0;
    await waitFor(
      async () =>
        (await ready(
          responseDb,
          `SELECT count(*)::int AS n FROM survey_cycle_replica WHERE status = 'OPEN'`,
        )) &&
        (await ready(responseDb, `SELECT count(*)::int AS n FROM organisation_replica`)) &&
        (await ready(concernsDb, `SELECT count(*)::int AS n FROM organisation_replica`)),
      { timeoutMs: 30000, description: 'registry and survey replicated' },
    );
  }, 420_000);

  afterAll(async () => {
    await recorder?.stop();
    await responseDb?.end();
    await concernsDb?.end();
    await platform?.stop();
  });

  it('finds no column or record value that joins the concern’s contact details to the response', async () => {
    const contact = { name: 'Ada Unlinkable', email: 'ada.unlinkable@example.ac.uk', phone: '07700 900321' };
    const idempotencyKey = randomUUID();
    const input = {
      idempotencyKey,
      questionnaireId: QUESTIONNAIRE_ID,
      profile: { learnerGroup: 'NURSING', profession: 'STUDENT_NURSE_ADULT' },
      placement: { organisationId: TRUST.id, siteId: TRUST.sites[0].id },
      answers: [
        { questionCode: 'Q_OK', optionCodes: ['NO'] },
        { questionCode: 'Q_SERIOUS', optionCodes: ['YES'] },
        { questionCode: 'Q_SERIOUS_DETAILS', text: 'Patients were left unobserved on nights.' },
      ],
      seriousConcernContact: contact,
    };
    const SUBMIT = `mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { receiptCode seriousConcernFollowUpCode submittedOn } }`;
    const submitted = await graphqlRequest(platform.gatewayUrl, SUBMIT, { variables: { input } });
    expect(submitted.errors).toBeUndefined();
    const receipt = submitted.data?.['submitResponse'] as {
      receiptCode: string;
      seriousConcernFollowUpCode: string;
    };
    const followUpCode = receipt.seriousConcernFollowUpCode;
    expect(followUpCode).toMatch(/^SC-/);
    const followUpHash = createHash('sha256').update(followUpCode).digest('hex');

    // The concern arrived in the concerns database with the contact details.
    await waitFor(
      async () =>
        ((
          await concernsDb.query<{ n: number }>(
            `SELECT count(*)::int AS n FROM concern WHERE contact_details::text LIKE $1`,
            [`%${contact.email}%`],
          )
        ).rows[0]?.n ?? 0) === 1,
      { timeoutMs: 30000, description: 'the concern stored by the concerns service' },
    );
    const [{ id: responseId }] = (
      await responseDb.query<{ id: string }>(
        `SELECT response_id AS id FROM response_submission WHERE idempotency_key = $1`,
        [idempotencyKey],
      )
    ).rows;
    // The learner-level outbox rows are gone once sent.
    await learnerLevelOutboxDrained(responseDb);
    const onTopic = (topic: string) => (m: RecordedMessage) => m.topic === `${platform.topicPrefix}${topic}`;
    const [responseRecord] = await recorder.waitForMessages(
      (m) => onTopic(responsesTopic.name)(m) && JSON.stringify(m.value).includes(responseId),
    );
    const [concernRecord] = await recorder.waitForMessages(onTopic(seriousConcernsTopic.name));
    const responseEventId = (responseRecord.value as { id: string }).id;

    const responseSide = await dumpDatabase(responseDb);
    const concernsSide = await dumpDatabase(concernsDb);

    // Columns: nothing on the response side can hold a follow-up code; nothing on the concerns side a response.
    expect(responseSide.columns.filter((c) => /follow_up|contact/.test(c))).toEqual([]);
    expect(concernsSide.columns.filter((c) => /response_id|receipt|idempotency/.test(c))).toEqual([]);

    // Values: no shared code, hash or id in either direction.
    const responseText = JSON.stringify([...responseSide.rows]);
    const concernsText = JSON.stringify([...concernsSide.rows]);
    for (const secret of [followUpCode, followUpHash, contact.email, contact.phone, contact.name]) {
      expect({ secret, inResponseDb: responseText.includes(secret) }).toEqual({
        secret,
        inResponseDb: false,
      });
    }
    for (const link of [responseId, receipt.receiptCode, idempotencyKey, responseEventId]) {
      expect({ link, inConcernsDb: concernsText.includes(link) }).toEqual({ link, inConcernsDb: false });
    }
    // The two records share no code, hash or id either.
    expect(JSON.stringify(concernRecord.value)).not.toContain(responseId);
    expect(JSON.stringify(concernRecord.value)).not.toContain(receipt.receiptCode);
    expect(JSON.stringify(responseRecord.value)).not.toContain(followUpHash);

    // Times: beside the response nothing finer than the day, so no exact time pairs with one of the concern's.
    const exactTimes: string[] = [];
    for (const [table, rows] of responseSide.rows) {
      if (
        !/^(response|response_answer|response_comment|response_submission|response_draft|outbox_message)$/.test(
          table,
        )
      )
        continue;
      for (const row of rows) {
        for (const [column, value] of Object.entries(row)) {
          if (value instanceof Date && !isMidnight(value)) exactTimes.push(`${table}.${column}`);
        }
      }
    }
    expect(exactTimes).toEqual([]);
    for (const record of [responseRecord, concernRecord]) {
      expect({ topic: record.topic, midnight: Number(record.timestamp) % 86_400_000 === 0 }).toEqual({
        topic: record.topic,
        midnight: true,
      });
      expect((record.value as { time: string }).time).toMatch(/T00:00:00(\.000)?Z$/);
    }
  });
});
