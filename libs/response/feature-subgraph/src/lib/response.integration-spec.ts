import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createEvent } from '@nets/shared/contract-events';
import { GATEWAY_SECRET_HEADER } from '@nets/shared/graphql-server';
import {
  TEST_GATEWAY_SECRET,
  TopicRecorder,
  errorCode,
  graphqlRequest,
  publishTestEvents,
  schemaDriftOf,
  startTestPlatform,
  testKafkaClient,
  testToken,
  waitFor,
  type GraphQLResponse,
  type RecordedMessage,
  type TestPlatform,
} from '@nets/shared/testing';
import { organisationsTopic, type OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import { surveyTopic, type QuestionnaireContent } from '@nets/survey/contract-events';
import { responsesTopic, seriousConcernsTopic } from '@nets/response/contract-events';
import { responseService } from './response-service';

const RATE_LIMIT = 80;
const YEAR = 2026;
const PAST_YEAR = 2024;
const QUESTIONNAIRE_ID = randomUUID();
const PAST_QUESTIONNAIRE_ID = randomUUID();

const yesNo = [
  { code: 'YES', label: 'Yes' },
  { code: 'NO', label: 'No' },
];

const CONTENT: QuestionnaireContent = {
  title: 'NETS test',
  description: 'For the response service tests',
  sections: [
    {
      code: 'S1',
      title: 'Placement',
      questions: [
        {
          code: 'Q_SCALE',
          type: 'AGREEMENT_SCALE',
          text: 'I was well supported.',
          required: true,
          options: ['STRONGLY_DISAGREE', 'DISAGREE', 'NEUTRAL', 'AGREE', 'STRONGLY_AGREE'].map((code) => ({
            code,
            label: code,
          })),
          standardCodes: [],
        },
        {
          code: 'Q_SUPERVISOR',
          type: 'YES_NO',
          text: 'Did you know your supervisor?',
          required: true,
          options: yesNo,
          standardCodes: [],
        },
        {
          code: 'Q_REASONS',
          type: 'MULTIPLE_CHOICE',
          text: 'Why not?',
          required: true,
          options: ['ROTA', 'LEAVE', 'OTHER'].map((code) => ({ code, label: code })),
          maxSelections: 2,
          condition: { questionCode: 'Q_SUPERVISOR', anyOf: ['NO'] },
          standardCodes: [],
        },
        {
          code: 'Q_COMMENTS',
          type: 'FREE_TEXT',
          text: 'What worked well?',
          required: false,
          options: [],
          maxLength: 300,
          standardCodes: [],
          role: 'FEEDBACK',
        },
      ],
    },
    {
      code: 'S2',
      title: 'Serious concerns',
      questions: [
        {
          code: 'Q_SERIOUS',
          type: 'YES_NO',
          text: 'Raise a serious concern?',
          required: true,
          options: yesNo,
          standardCodes: [],
        },
        {
          code: 'Q_SERIOUS_DETAILS',
          type: 'FREE_TEXT',
          text: 'Describe it.',
          required: true,
          options: [],
          maxLength: 4000,
          condition: { questionCode: 'Q_SERIOUS', anyOf: ['YES'] },
          standardCodes: [],
          role: 'SERIOUS_CONCERN',
        },
      ],
    },
  ],
};

function organisation(
  name: string,
  overrides: Partial<OrganisationSnapshot> = {},
  siteNames: string[] = [],
): OrganisationSnapshot {
  return {
    id: randomUUID(),
    odsCode: `R${Math.floor(Math.random() * 90000 + 10000)}`,
    name,
    kind: 'NHS_TRUST',
    roles: ['PLACEMENT_PROVIDER'],
    region: 'LONDON',
    sites: siteNames.map((site, index) => ({ id: randomUUID(), code: `S${index}`, name: site })),
    status: 'ACTIVE',
    successorId: null,
    ...overrides,
  };
}

const MAIN = organisation('Northvale Teaching Hospitals NHS Foundation Trust', {}, [
  'Northvale General Hospital',
]);
const FEEDBACK_ORG = organisation('Calderbrook Community Healthcare NHS Trust', {}, ['Moorside Hospital']);
const OTHER_ORG = organisation('Westfield Acute NHS Trust', { region: 'NORTH_WEST' }, [
  'Westfield Infirmary',
]);
const UNIVERSITY = organisation('University of Northvale', {
  kind: 'UNIVERSITY',
  roles: ['EDUCATION_PROVIDER'],
});
const CLOSED_ORG = organisation('Oldbridge NHS Trust', { status: 'CLOSED' });

const SUBMIT = `mutation($input: SubmitResponseInput!) {
  submitResponse(input: $input) { receiptCode seriousConcernFollowUpCode submittedOn }
}`;
const SAVE_DRAFT = `mutation($input: SaveResponseDraftInput!) {
  saveResponseDraft(input: $input) { resumeToken savedAt expiresAt omittedQuestionCodes }
}`;
const RESUME = `query($token: String!) {
  responseDraft(resumeToken: $token) {
    questionnaireId cycleYear profile { learnerGroup profession } placement { organisationId }
    answers { questionCode optionCodes text } savedAt expiresAt
  }
}`;
const FEEDBACK = `query($id: ID!, $year: Int!) {
  organisationFeedback(organisationId: $id, year: $year) {
    suppressed suppressionReason responseCount comments { id questionCode text unredactedText status }
  }
}`;

type Answer = { questionCode: string; optionCodes?: string[]; text?: string };

function answers(
  overrides: { supervisor?: 'YES' | 'NO'; reasons?: string[]; comment?: string; concern?: string } = {},
): Answer[] {
  const list: Answer[] = [
    { questionCode: 'Q_SCALE', optionCodes: ['AGREE'] },
    { questionCode: 'Q_SUPERVISOR', optionCodes: [overrides.supervisor ?? 'YES'] },
    { questionCode: 'Q_SERIOUS', optionCodes: [overrides.concern ? 'YES' : 'NO'] },
  ];
  if (overrides.reasons) list.push({ questionCode: 'Q_REASONS', optionCodes: overrides.reasons });
  if (overrides.comment) list.push({ questionCode: 'Q_COMMENTS', text: overrides.comment });
  if (overrides.concern) list.push({ questionCode: 'Q_SERIOUS_DETAILS', text: overrides.concern });
  return list;
}

function submission(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: randomUUID(),
    questionnaireId: QUESTIONNAIRE_ID,
    profile: {
      learnerGroup: 'NURSING',
      profession: 'STUDENT_NURSE_ADULT',
      programme: 'BSc Nursing',
      yearOfTraining: 2,
    },
    placement: {
      organisationId: MAIN.id,
      siteId: MAIN.sites[0].id,
      specialty: 'Acute medicine',
      startDate: `${YEAR}-01-05`,
      endDate: `${YEAR}-02-20`,
    },
    answers: answers(),
    ...overrides,
  };
}

describe('response subgraph through the gateway, on PostgreSQL and Kafka', () => {
  let platform: TestPlatform;
  let recorder: TopicRecorder;
  let database: Client;
  let admin: string;
  let analyst: string;
  let provider: string;
  let otherProvider: string;
  let londonQuality: string;
  let northWestQuality: string;

  const gql = (query: string, variables?: Record<string, unknown>, token?: string) =>
    graphqlRequest(platform.gatewayUrl, query, { variables, token });
  const submit = (input: Record<string, unknown>, token?: string) => gql(SUBMIT, { input }, token);
  const receiptOf = (response: GraphQLResponse) =>
    response.data?.['submitResponse'] as {
      receiptCode: string;
      seriousConcernFollowUpCode: string | null;
      submittedOn: string;
    };
  const count = async (sql: string, params: unknown[] = []) =>
    (await database.query<{ n: number }>(sql, params)).rows[0]?.n ?? 0;
  const stored = async () => ({
    responses: await count('SELECT count(*)::int AS n FROM response'),
    submissions: await count('SELECT count(*)::int AS n FROM response_submission'),
    answers: await count('SELECT count(*)::int AS n FROM response_answer'),
    comments: await count('SELECT count(*)::int AS n FROM response_comment'),
    outbox: await count('SELECT count(*)::int AS n FROM outbox_message'),
  });
  const onTopic = (topic: string) => (message: RecordedMessage) =>
    message.topic === `${platform.topicPrefix}${topic}`;

  beforeAll(async () => {
    process.env['RESPONSE_SUBMIT_RATE_LIMIT'] = String(RATE_LIMIT);
    platform = await startTestPlatform([responseService]);
    recorder = await new TopicRecorder(testKafkaClient(), [
      `${platform.topicPrefix}${responsesTopic.name}`,
      `${platform.topicPrefix}${seriousConcernsTopic.name}`,
    ]).start();
    database = new Client({ connectionString: platform.databases['response'].url });
    await database.connect();
    admin = await testToken({ role: 'ADMIN', subject: 'admin-1' });
    analyst = await testToken({ role: 'NATIONAL_ANALYST' });
    provider = await testToken({ role: 'PROVIDER_USER', organisationId: FEEDBACK_ORG.id });
    otherProvider = await testToken({ role: 'PROVIDER_USER', organisationId: MAIN.id });
    londonQuality = await testToken({ role: 'QUALITY_TEAM', region: 'LONDON', subject: 'qt-london' });
    northWestQuality = await testToken({ role: 'QUALITY_TEAM', region: 'NORTH_WEST' });

    const source = { source: '/nets/provider-assessment' };
    await publishTestEvents(
      platform.topicPrefix,
      organisationsTopic.name,
      [MAIN, FEEDBACK_ORG, OTHER_ORG, UNIVERSITY, CLOSED_ORG].map((org) => ({
        key: org.id,
        event: createEvent(
          organisationsTopic,
          'nets.organisation.registered.v1',
          { organisation: org },
          source,
        ),
      })),
    );
    const published = (id: string, year: number) =>
      createEvent(
        surveyTopic,
        'nets.survey.questionnaire-published.v1',
        {
          questionnaireId: id,
          year,
          version: 1,
          publishedAt: new Date().toISOString(),
          content: CONTENT,
          measures: [],
        },
        { source: '/nets/survey' },
      );
    await publishTestEvents(platform.topicPrefix, surveyTopic.name, [
      { key: String(PAST_YEAR), event: published(PAST_QUESTIONNAIRE_ID, PAST_YEAR) },
      {
        key: String(PAST_YEAR),
        event: createEvent(
          surveyTopic,
          'nets.survey.cycle-closed.v1',
          { year: PAST_YEAR, closedAt: new Date().toISOString(), closedBy: 'ADMIN' },
          { source: '/nets/survey' },
        ),
      },
      { key: String(YEAR), event: published(QUESTIONNAIRE_ID, YEAR) },
      {
        key: String(YEAR),
        event: createEvent(
          surveyTopic,
          'nets.survey.cycle-opened.v1',
          {
            year: YEAR,
            name: `NETS ${YEAR}`,
            opensAt: new Date(Date.now() - 86_400_000).toISOString(),
            closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
            questionnaireId: QUESTIONNAIRE_ID,
            questionnaireVersion: 1,
            reopened: false,
          },
          { source: '/nets/survey' },
        ),
      },
    ]);
    await waitFor(
      async () =>
        (await count('SELECT count(*)::int AS n FROM organisation_replica')) === 5 &&
        (await count(
          `SELECT count(*)::int AS n FROM survey_cycle_replica WHERE year = $1 AND status = 'OPEN'`,
          [YEAR],
        )) === 1 &&
        (await count(
          `SELECT count(*)::int AS n FROM survey_cycle_replica WHERE year = $1 AND status = 'CLOSED'`,
          [PAST_YEAR],
        )) === 1,
      { timeoutMs: 30000, description: 'the registry and the survey replicated' },
    );
  }, 90000);

  afterAll(async () => {
    delete process.env['RESPONSE_SUBMIT_RATE_LIMIT'];
    await recorder?.stop();
    await database?.end();
    await platform?.stop();
  });

  it('keeps entities and migrations in step', async () => {
    expect(await schemaDriftOf(responseService)).toEqual([]);
  });

  it('stores a valid submission once under sequential and concurrent retries, and publishes its coded answers once', async () => {
    const input = submission({ answers: answers({ supervisor: 'NO', reasons: ['ROTA', 'LEAVE'] }) });
    const before = await stored();
    const first = await submit(input);
    expect(first.errors).toBeUndefined();
    const receipt = receiptOf(first);
    expect(receipt.receiptCode).toMatch(/^R-[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(receipt.seriousConcernFollowUpCode).toBeNull();
    expect(receipt.submittedOn).toBe(new Date().toISOString().slice(0, 10));

    const retries = await Promise.all([submit(input), submit(input), submit(input), submit(input)]);
    for (const retry of retries) expect(receiptOf(retry)).toEqual(receipt);

    const concurrentInput = submission();
    const concurrent = await Promise.all([1, 2, 3, 4, 5].map(() => submit(concurrentInput)));
    const concurrentReceipts = new Set(concurrent.map((r) => receiptOf(r).receiptCode));
    expect(concurrentReceipts.size).toBe(1);

    const after = await stored();
    expect(after.responses - before.responses).toBe(2);
    expect(after.submissions - before.submissions).toBe(2);

    const [message] = await recorder.waitForMessages(
      (m) =>
        onTopic(responsesTopic.name)(m) &&
        JSON.stringify((m.value as { data: { answers: unknown } }).data.answers).includes('LEAVE'),
    );
    expect(message.key).toBe(MAIN.id);
    const event = message.value as { time: string; data: Record<string, unknown> };
    expect(event.time).toBe(`${receipt.submittedOn}T00:00:00.000Z`);
    expect(event.data).toMatchObject({
      cycleYear: YEAR,
      questionnaireId: QUESTIONNAIRE_ID,
      questionnaireVersion: 1,
      submittedOn: receipt.submittedOn,
      imported: false,
      profile: {
        learnerGroup: 'NURSING',
        profession: 'STUDENT_NURSE_ADULT',
        programme: 'BSc Nursing',
        yearOfTraining: 2,
      },
      placement: { organisationId: MAIN.id, siteId: MAIN.sites[0].id },
    });
    expect(event.data['answers']).toEqual([
      { questionCode: 'Q_SCALE', optionCodes: ['AGREE'] },
      { questionCode: 'Q_SUPERVISOR', optionCodes: ['NO'] },
      { questionCode: 'Q_REASONS', optionCodes: ['ROTA', 'LEAVE'] },
      { questionCode: 'Q_SERIOUS', optionCodes: ['NO'] },
    ]);
    expect(JSON.stringify(message.value)).not.toContain(receipt.receiptCode);
    // The retries published nothing more.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(recorder.messages.filter(onTopic(responsesTopic.name))).toHaveLength(2);
  });

  it('refuses a reused idempotency key with different answers', async () => {
    const input = submission();
    expect(receiptOf(await submit(input)).receiptCode).toBeDefined();
    const reused = await submit({ ...input, answers: answers({ supervisor: 'NO', reasons: ['OTHER'] }) });
    expect(errorCode(reused)).toBe('CONFLICT');
  });

  describe('rejects every kind of invalid submission with a clear error and stores or publishes nothing', () => {
    const base = () => submission();
    const cases: Array<[string, () => Record<string, unknown>, string, string]> = [
      [
        'an unknown question',
        () => ({ ...base(), answers: [...answers(), { questionCode: 'Q_NOPE', optionCodes: ['YES'] }] }),
        'BAD_USER_INPUT',
        'no question Q_NOPE',
      ],
      [
        'an unknown option code',
        () => ({
          ...base(),
          answers: [{ questionCode: 'Q_SCALE', optionCodes: ['MAYBE'] }, ...answers().slice(1)],
        }),
        'BAD_USER_INPUT',
        'no option MAYBE',
      ],
      [
        'two options for a single-answer question',
        () => ({
          ...base(),
          answers: [{ questionCode: 'Q_SCALE', optionCodes: ['AGREE', 'DISAGREE'] }, ...answers().slice(1)],
        }),
        'BAD_USER_INPUT',
        'exactly one option',
      ],
      [
        'a missing required answer',
        () => ({ ...base(), answers: answers().filter((a) => a.questionCode !== 'Q_SCALE') }),
        'BAD_USER_INPUT',
        'Q_SCALE needs an answer',
      ],
      [
        'a missing required conditional answer',
        () => ({ ...base(), answers: answers({ supervisor: 'NO' }) }),
        'BAD_USER_INPUT',
        'Q_REASONS needs an answer',
      ],
      [
        'an answer to a question that was not shown',
        () => ({ ...base(), answers: answers({ supervisor: 'YES', reasons: ['ROTA'] }) }),
        'BAD_USER_INPUT',
        'was not shown',
      ],
      [
        'too many choices',
        () => ({ ...base(), answers: answers({ supervisor: 'NO', reasons: ['ROTA', 'LEAVE', 'OTHER'] }) }),
        'BAD_USER_INPUT',
        'at most 2 options',
      ],
      [
        'a text that is too long',
        () => ({ ...base(), answers: answers({ comment: 'x'.repeat(301) }) }),
        'BAD_USER_INPUT',
        'the most is 300',
      ],
      [
        'text for a choice question',
        () => ({ ...base(), answers: [{ questionCode: 'Q_SCALE', text: 'agree' }, ...answers().slice(1)] }),
        'BAD_USER_INPUT',
        'not text',
      ],
      [
        'an organisation not in the registry',
        () => ({ ...base(), placement: { organisationId: randomUUID() } }),
        'BAD_USER_INPUT',
        'No organisation',
      ],
      [
        'an organisation that is not a placement provider',
        () => ({ ...base(), placement: { organisationId: UNIVERSITY.id } }),
        'BAD_USER_INPUT',
        'not a placement provider',
      ],
      [
        'a closed organisation',
        () => ({ ...base(), placement: { organisationId: CLOSED_ORG.id } }),
        'BAD_USER_INPUT',
        'is closed',
      ],
      [
        'a site of another organisation',
        () => ({ ...base(), placement: { organisationId: MAIN.id, siteId: OTHER_ORG.sites[0].id } }),
        'BAD_USER_INPUT',
        'not one of',
      ],
      [
        'placement dates the wrong way round',
        () => ({
          ...base(),
          placement: { organisationId: MAIN.id, startDate: `${YEAR}-03-01`, endDate: `${YEAR}-01-01` },
        }),
        'BAD_USER_INPUT',
        'end before',
      ],
      [
        'an unknown learner group',
        () => ({ ...base(), profile: { learnerGroup: 'WIZARDRY', profession: 'WIZARD' } }),
        'BAD_USER_INPUT',
        'Unknown learner group',
      ],
      [
        'a profession of another learner group',
        () => ({ ...base(), profile: { learnerGroup: 'NURSING', profession: 'FOUNDATION_DOCTOR' } }),
        'BAD_USER_INPUT',
        'not a profession',
      ],
      [
        'an unknown questionnaire',
        () => ({ ...base(), questionnaireId: randomUUID() }),
        'BAD_USER_INPUT',
        'No published questionnaire',
      ],
      [
        'a questionnaire of a closed cycle',
        () => ({ ...base(), questionnaireId: PAST_QUESTIONNAIRE_ID }),
        'CONFLICT',
        'not open',
      ],
      [
        'contact details without a serious concern',
        () => ({ ...base(), seriousConcernContact: { email: 'learner@example.com' } }),
        'BAD_USER_INPUT',
        'only taken with a serious concern',
      ],
      [
        'a malformed idempotency key',
        () => ({ ...base(), idempotencyKey: 'x' }),
        'BAD_USER_INPUT',
        'idempotency key',
      ],
      ['an unknown resume token', () => ({ ...base(), resumeToken: 'not-a-token' }), 'NOT_FOUND', 'No draft'],
    ];

    it.each(cases)('%s', async (_name, input, code, message) => {
      const before = await stored();
      const messagesBefore = recorder.messages.length;
      const response = await submit(input());
      expect(errorCode(response)).toBe(code);
      expect(JSON.stringify(response.errors)).toContain(message);
      expect(response.data?.['submitResponse'] ?? null).toBeNull();
      expect(await stored()).toEqual(before);
      expect(recorder.messages.length).toBe(messagesBefore);
    });
  });

  it('saves and resumes a draft by an unguessable token stored only as a hash, and a submitted draft cannot be resubmitted', async () => {
    const saved = await gql(SAVE_DRAFT, {
      input: {
        questionnaireId: QUESTIONNAIRE_ID,
        profile: { learnerGroup: 'MIDWIFERY' },
        placement: { organisationId: MAIN.id },
        answers: [{ questionCode: 'Q_SCALE', optionCodes: ['AGREE'] }],
      },
    });
    expect(saved.errors).toBeUndefined();
    const { resumeToken, expiresAt } = saved.data?.['saveResponseDraft'] as {
      resumeToken: string;
      expiresAt: string;
    };
    expect(resumeToken.length).toBeGreaterThanOrEqual(43);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    const hash = createHash('sha256').update(resumeToken).digest('hex');
    expect(
      await count('SELECT count(*)::int AS n FROM response_draft WHERE resume_token_hash = $1', [hash]),
    ).toBe(1);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM response_draft WHERE resume_token_hash = $1 OR content::text LIKE $2`,
        [resumeToken, `%${resumeToken}%`],
      ),
    ).toBe(0);

    const updated = await gql(SAVE_DRAFT, {
      input: {
        resumeToken,
        questionnaireId: QUESTIONNAIRE_ID,
        profile: { learnerGroup: 'MIDWIFERY', profession: 'STUDENT_MIDWIFE' },
        placement: { organisationId: MAIN.id },
        answers: [
          { questionCode: 'Q_SCALE', optionCodes: ['STRONGLY_AGREE'] },
          { questionCode: 'Q_COMMENTS', text: 'Half written' },
          { questionCode: 'Q_SERIOUS', optionCodes: ['YES'] },
          { questionCode: 'Q_SERIOUS_DETAILS', text: 'Unsafe staffing on nights' },
        ],
      },
    });
    expect(updated.data?.['saveResponseDraft']).toMatchObject({
      resumeToken,
      omittedQuestionCodes: ['Q_SERIOUS_DETAILS'],
    });
    expect(
      await count(
        `SELECT count(*)::int AS n FROM response_draft WHERE content::text LIKE '%Unsafe staffing%'`,
      ),
    ).toBe(0);

    const resumed = await gql(RESUME, { token: resumeToken });
    expect(resumed.errors).toBeUndefined();
    expect(resumed.data?.['responseDraft']).toMatchObject({
      questionnaireId: QUESTIONNAIRE_ID,
      cycleYear: YEAR,
      profile: { learnerGroup: 'MIDWIFERY', profession: 'STUDENT_MIDWIFE' },
      placement: { organisationId: MAIN.id },
      answers: [
        { questionCode: 'Q_SCALE', optionCodes: ['STRONGLY_AGREE'], text: null },
        { questionCode: 'Q_COMMENTS', optionCodes: null, text: 'Half written' },
        { questionCode: 'Q_SERIOUS', optionCodes: ['YES'], text: null },
      ],
    });
    expect(errorCode(await gql(RESUME, { token: 'guessed-token' }))).toBe('NOT_FOUND');

    const input = submission({
      resumeToken,
      profile: { learnerGroup: 'MIDWIFERY', profession: 'STUDENT_MIDWIFE' },
    });
    expect((await submit(input)).errors).toBeUndefined();
    expect(receiptOf(await submit(input)).receiptCode).toBeDefined();
    const again = await submit({ ...input, idempotencyKey: randomUUID() });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(JSON.stringify(again.errors)).toContain('already been submitted');
    expect(errorCode(await gql(RESUME, { token: resumeToken }))).toBe('CONFLICT');
    expect(
      await count(
        `SELECT count(*)::int AS n FROM response_draft WHERE resume_token_hash = $1 AND status = 'SUBMITTED' AND content IS NULL`,
        [hash],
      ),
    ).toBe(1);
  });

  it('puts a serious concern with its follow-up code hash and contact details on the restricted topic only, and keeps them nowhere in the database', async () => {
    const concern = 'Staff nurse Jane Okafor on Ward 9 left a deteriorating patient unobserved overnight.';
    const contact = { name: 'Sam Learner', email: 'sam.learner@example.ac.uk', phone: '07700 900123' };
    const response = await submit(
      submission({ answers: answers({ concern }), seriousConcernContact: contact }),
    );
    expect(response.errors).toBeUndefined();
    const receipt = receiptOf(response);
    expect(receipt.seriousConcernFollowUpCode).toMatch(/^SC-/);
    expect(receipt.seriousConcernFollowUpCode).not.toBe(receipt.receiptCode);

    const [message] = await recorder.waitForMessages(onTopic(seriousConcernsTopic.name));
    expect(message.key).toBe(MAIN.id);
    const data = (message.value as { data: Record<string, unknown> }).data;
    expect(data).toMatchObject({
      followUpCodeHash: createHash('sha256')
        .update(receipt.seriousConcernFollowUpCode ?? '')
        .digest('hex'),
      cycleYear: YEAR,
      raisedOn: receipt.submittedOn,
      placement: { organisationId: MAIN.id, siteId: MAIN.sites[0].id },
      learnerGroup: 'NURSING',
      profession: 'STUDENT_NURSE_ADULT',
      text: concern,
      contactDetails: contact,
    });
    expect(JSON.stringify(message.value)).not.toContain(receipt.receiptCode);
    for (const m of recorder.messages.filter(onTopic(responsesTopic.name))) {
      expect(JSON.stringify(m.value)).not.toContain('Okafor');
      expect(JSON.stringify(m.value)).not.toContain(contact.email);
    }

    // Once published, the outbox copy goes; then no table holds the text or the contact details.
    await waitFor(
      async () =>
        (await count('SELECT count(*)::int AS n FROM outbox_message WHERE topic = $1', [
          seriousConcernsTopic.name,
        ])) === 0,
      { description: 'the published concern removed from the outbox' },
    );
    const tables = await database.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables.rows) {
      const dump = JSON.stringify((await database.query(`SELECT * FROM "${table_name}"`)).rows);
      for (const secret of [contact.email, contact.phone, contact.name, 'Okafor', 'deteriorating']) {
        expect({ table: table_name, found: dump.includes(secret) }).toEqual({
          table: table_name,
          found: false,
        });
      }
    }
  });

  it('shows redacted feedback only to users scoped to the organisation or its region, and only from 3 responses', async () => {
    const at = { organisationId: FEEDBACK_ORG.id, siteId: FEEDBACK_ORG.sites[0].id };
    const comments = [
      'Dr Patel on Moorside Hospital wards was a brilliant supervisor, call her on 07700 900456.',
      'Calderbrook Community Healthcare was welcoming and the team made time for teaching.',
      'My Datix 88812345 about the rota went unanswered.',
    ];
    for (const comment of comments.slice(0, 2)) {
      expect(
        (await submit(submission({ placement: at, answers: answers({ comment }) }))).errors,
      ).toBeUndefined();
    }
    const tooFew = await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, provider);
    expect(tooFew.errors).toBeUndefined();
    expect(tooFew.data?.['organisationFeedback']).toMatchObject({
      suppressed: true,
      responseCount: null,
      comments: [],
    });

    expect(
      (await submit(submission({ placement: at, answers: answers({ comment: comments[2] }) }))).errors,
    ).toBeUndefined();
    const visible = await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, provider);
    const feedback = visible.data?.['organisationFeedback'] as {
      suppressed: boolean;
      responseCount: number;
      comments: Array<{ id: string; text: string; unredactedText: string | null; status: string }>;
    };
    expect(feedback.suppressed).toBe(false);
    expect(feedback.responseCount).toBe(3);
    // The comment the redactor was unsure of waits for the quality team.
    expect(feedback.comments).toHaveLength(2);
    const texts = feedback.comments.map((c) => c.text).join(' | ');
    for (const identifier of ['Patel', 'Moorside', '07700', 'Calderbrook'])
      expect(texts).not.toContain(identifier);
    expect(texts).toContain('[NAME]');
    expect(texts).toContain('[PHONE]');
    expect(feedback.comments.every((c) => c.unredactedText === null && c.status === 'RELEASED')).toBe(true);

    for (const [token, code] of [
      [otherProvider, 'FORBIDDEN'],
      [northWestQuality, 'FORBIDDEN'],
      [undefined, 'UNAUTHENTICATED'],
    ] as const) {
      const refused = await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, token);
      expect(errorCode(refused)).toBe(code);
      expect(refused.data?.['organisationFeedback'] ?? null).toBeNull();
    }

    const quality = await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, londonQuality);
    const qualityComments = (quality.data?.['organisationFeedback'] as typeof feedback).comments;
    expect(qualityComments).toHaveLength(3);
    const inReview = qualityComments.find((c) => c.status === 'IN_REVIEW');
    expect(inReview?.unredactedText).toBe(comments[2]);

    const QUEUE = `{ responseCommentsAwaitingReview { id organisationId region year unredactedText reviewReasons status } }`;
    const queue = await gql(QUEUE, {}, londonQuality);
    expect(queue.data?.['responseCommentsAwaitingReview']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: inReview?.id, region: 'LONDON', year: YEAR, status: 'IN_REVIEW' }),
      ]),
    );
    expect((await gql(QUEUE, {}, northWestQuality)).data?.['responseCommentsAwaitingReview']).toEqual([]);
    expect(errorCode(await gql(QUEUE, {}, provider))).toBe('FORBIDDEN');

    const AMEND = `mutation($id: ID!, $text: String!) { amendResponseComment(id: $id, redactedText: $text) { id status redactedText } }`;
    expect(
      errorCode(
        await gql(
          AMEND,
          { id: inReview?.id, text: 'My incident report about the rota went unanswered.' },
          northWestQuality,
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(errorCode(await gql(AMEND, { id: inReview?.id, text: 'x' }, provider))).toBe('FORBIDDEN');
    const amended = await gql(
      AMEND,
      { id: inReview?.id, text: 'My incident report about the rota went unanswered.' },
      londonQuality,
    );
    expect(amended.data?.['amendResponseComment']).toMatchObject({ status: 'RELEASED' });
    const RELEASE = `mutation($id: ID!) { releaseResponseComment(id: $id) { id } }`;
    expect(errorCode(await gql(RELEASE, { id: inReview?.id }, londonQuality))).toBe('CONFLICT');

    const released = (await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, provider)).data?.[
      'organisationFeedback'
    ] as typeof feedback;
    expect(released.comments.map((c) => c.text)).toContain(
      'My incident report about the rota went unanswered.',
    );
  });

  it('scopes Organisation.feedback on the entity path too (_entities, behind the gateway proof)', async () => {
    const query = `query($representations: [_Any!]!) {
      _entities(representations: $representations) { ... on Organisation { id feedback(year: ${YEAR}) { suppressed responseCount } } }
    }`;
    const call = (token: string) =>
      graphqlRequest(`${platform.services['response'].url}`, query, {
        token,
        variables: { representations: [{ __typename: 'Organisation', id: FEEDBACK_ORG.id }] },
        headers: { [GATEWAY_SECRET_HEADER]: TEST_GATEWAY_SECRET },
      });
    const allowed = await call(londonQuality);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.['_entities']).toEqual([
      { id: FEEDBACK_ORG.id, feedback: { suppressed: false, responseCount: 3 } },
    ]);
    expect(errorCode(await call(otherProvider))).toBe('FORBIDDEN');
  });

  it('rebuilds the redactor when the registry changes, so a new site name is redacted', async () => {
    const renamed: OrganisationSnapshot = {
      ...FEEDBACK_ORG,
      sites: [...FEEDBACK_ORG.sites, { id: randomUUID(), code: 'S9', name: 'Quenby Lodge' }],
    };
    await publishTestEvents(platform.topicPrefix, organisationsTopic.name, [
      {
        key: renamed.id,
        event: createEvent(
          organisationsTopic,
          'nets.organisation.updated.v1',
          { organisation: renamed },
          { source: '/nets/provider-assessment' },
        ),
      },
    ]);
    await waitFor(
      async () =>
        (await count(
          `SELECT count(*)::int AS n FROM organisation_replica WHERE sites::text LIKE '%Quenby Lodge%'`,
        )) === 1,
      { description: 'the site replicated' },
    );
    const comment = 'The quenby lodge team were kind and organised.';
    expect(
      (
        await submit(
          submission({ placement: { organisationId: FEEDBACK_ORG.id }, answers: answers({ comment }) }),
        )
      ).errors,
    ).toBeUndefined();
    const { rows } = await database.query<{ redacted_text: string }>(
      'SELECT redacted_text FROM response_comment WHERE original_text = $1',
      [comment],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].redacted_text.toLowerCase()).not.toContain('quenby');
  });

  it('reports progress by day, region and learner group to national roles, suppressing cells below 3', async () => {
    const PROGRESS = `query($year: Int!) { responseProgress(year: $year) {
      year total { count suppressed }
      byDay { key count suppressed suppressionReason }
      byRegion { key count suppressed }
      byLearnerGroup { key count suppressed suppressionReason }
    } }`;
    const result = await gql(PROGRESS, { year: YEAR }, analyst);
    expect(result.errors).toBeUndefined();
    const progress = result.data?.['responseProgress'] as {
      total: { count: number };
      byDay: Array<{ key: string; count: number | null; suppressed: boolean }>;
      byRegion: Array<{ key: string; count: number | null; suppressed: boolean }>;
      byLearnerGroup: Array<{
        key: string;
        count: number | null;
        suppressed: boolean;
        suppressionReason: string | null;
      }>;
    };
    const total = await count('SELECT count(*)::int AS n FROM response WHERE cycle_year = $1', [YEAR]);
    expect(progress.total.count).toBe(total);
    expect(progress.byDay).toEqual([
      {
        key: new Date().toISOString().slice(0, 10),
        count: total,
        suppressed: false,
        suppressionReason: null,
      },
    ]);
    expect(progress.byRegion).toEqual([{ key: 'LONDON', count: total, suppressed: false }]);
    // One midwifery response: hidden, and the next smallest too, so the total does not give it away.
    const midwifery = progress.byLearnerGroup.find((cell) => cell.key === 'MIDWIFERY');
    expect(midwifery).toMatchObject({ count: null, suppressed: true });
    expect(progress.byLearnerGroup.filter((cell) => cell.suppressed)).toHaveLength(2);
    for (const cell of [...progress.byDay, ...progress.byRegion, ...progress.byLearnerGroup]) {
      if (cell.count !== null) expect(cell.count).toBeGreaterThanOrEqual(3);
    }
    expect(errorCode(await gql(PROGRESS, { year: YEAR }, provider))).toBe('FORBIDDEN');
    expect(errorCode(await gql(PROGRESS, { year: PAST_YEAR }, admin))).toBe('CONFLICT');
  });

  it('back-fills a closed cycle for administrators, recorded as imported and idempotent by key', async () => {
    const IMPORT = `mutation($year: Int!, $responses: [ImportedResponseInput!]!) {
      importResponses(year: $year, responses: $responses) { imported alreadyImported }
    }`;
    const responses = [1, 2, 3].map((n) => ({
      idempotencyKey: `demo-${PAST_YEAR}-${n}-${randomUUID()}`,
      questionnaireId: PAST_QUESTIONNAIRE_ID,
      submittedOn: `${PAST_YEAR}-03-0${n}`,
      profile: { learnerGroup: 'MEDICAL', profession: 'FOUNDATION_DOCTOR' },
      placement: { organisationId: OTHER_ORG.id },
      answers: answers({ comment: 'Good teaching every Tuesday.' }),
    }));
    expect(errorCode(await gql(IMPORT, { year: PAST_YEAR, responses }, analyst))).toBe('FORBIDDEN');
    expect(errorCode(await gql(IMPORT, { year: YEAR, responses }, admin))).toBe('CONFLICT');

    const before = await stored();
    const invalid = [
      ...responses,
      { ...responses[0], idempotencyKey: randomUUID(), answers: answers().slice(1) },
    ];
    const refused = await gql(IMPORT, { year: PAST_YEAR, responses: invalid }, admin);
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(refused.errors)).toContain('responses[3]');
    expect(await stored()).toEqual(before);

    const first = await gql(IMPORT, { year: PAST_YEAR, responses }, admin);
    expect(first.data?.['importResponses']).toEqual({ imported: 3, alreadyImported: 0 });
    const second = await gql(IMPORT, { year: PAST_YEAR, responses }, admin);
    expect(second.data?.['importResponses']).toEqual({ imported: 0, alreadyImported: 3 });
    expect(
      await count('SELECT count(*)::int AS n FROM response WHERE cycle_year = $1 AND imported', [PAST_YEAR]),
    ).toBe(3);

    const events = await recorder.waitForMessages(
      (m) =>
        onTopic(responsesTopic.name)(m) &&
        (m.value as { data: { cycleYear: number } }).data.cycleYear === PAST_YEAR,
      3,
    );
    expect(events.map((m) => (m.value as { data: { imported: boolean; submittedOn: string } }).data)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ imported: true, submittedOn: `${PAST_YEAR}-03-02` }),
      ]),
    );
  });

  it('limits anonymous submissions per client address with a clear error', async () => {
    let limited: GraphQLResponse | undefined;
    for (let attempt = 0; attempt <= RATE_LIMIT && !limited; attempt += 1) {
      const response = await submit(submission({ answers: [] }));
      if (errorCode(response) === 'RATE_LIMITED') limited = response;
    }
    expect(limited?.errors?.[0]?.message).toMatch(
      /Too many submissions from this address\. Try again in \d+ seconds?\./,
    );
    const before = await stored();
    expect(errorCode(await submit(submission()))).toBe('RATE_LIMITED');
    expect(await stored()).toEqual(before);
  });

  it('expires drafts when the cycle closes', async () => {
    const [{ id }] = (
      await database.query<{ id: string }>(
        `INSERT INTO response_draft (id, resume_token_hash, cycle_year, questionnaire_id, content, status, saved_at)
         VALUES ($1, $2, $3, $4, '{"profile":{},"placement":{},"answers":[]}', 'OPEN', now()) RETURNING id`,
        [randomUUID(), createHash('sha256').update('closing-token').digest('hex'), YEAR, QUESTIONNAIRE_ID],
      )
    ).rows;
    await publishTestEvents(platform.topicPrefix, surveyTopic.name, [
      {
        key: String(YEAR),
        event: createEvent(
          surveyTopic,
          'nets.survey.cycle-closed.v1',
          { year: YEAR, closedAt: new Date().toISOString(), closedBy: 'SCHEDULE' },
          { source: '/nets/survey' },
        ),
      },
    ]);
    await waitFor(
      async () =>
        (await count(
          `SELECT count(*)::int AS n FROM response_draft WHERE id = $1 AND status = 'EXPIRED' AND content IS NULL`,
          [id],
        )) === 1,
      { description: 'the draft expired' },
    );
    const resumed = await gql(RESUME, { token: 'closing-token' });
    expect(errorCode(resumed)).toBe('CONFLICT');
    expect(JSON.stringify(resumed.errors)).toContain('expired');
  });
});
