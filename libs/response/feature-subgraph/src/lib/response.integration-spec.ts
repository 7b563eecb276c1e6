import { createHash, randomBytes, randomUUID } from 'node:crypto';
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
  testToken,
  waitFor,
  type GraphQLResponse,
  type RecordedMessage,
  type TestPlatform,
} from '@nets/shared/testing';
import { organisationsTopic, type OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import { surveyTopic } from '@nets/survey/contract-events';
import { resultsTopic, type ResultCell } from '@nets/analytics/contract-events';
import { responsesTopic, seriousConcernsTopic } from '@nets/response/contract-events';
import { responseService } from './response-service';
import {
  SERIOUS_CONCERN_QUESTIONS,
  YES_NO,
  learnerLevelOutboxDrained,
  publishOpenCycle,
  publishRegisteredOrganisations,
  questionnairePublishedEvent,
  recordLearnerLevelTopics,
  surveyCycleClosedEvent,
  testQuestion,
  testQuestionnaireContent,
  testSection,
} from '@nets/platform/testing';

const RATE_LIMIT = 120;
/** A token as the server makes them (32 random bytes, base64url). */
const CLOSING_TOKEN = randomBytes(32).toString('base64url');
const YEAR = 2026;
const PAST_YEAR = 2024;
const QUESTIONNAIRE_ID = randomUUID();
const PAST_QUESTIONNAIRE_ID = randomUUID();

const HARASSMENT = [
  { code: 'BY_STAFF', label: 'Yes, by other staff' },
  { code: 'BY_PATIENTS', label: 'Yes, by patients' },
  { code: 'NO', label: 'No' },
];

const CONTENT = testQuestionnaireContent('NETS test', 'For the response service tests', [
  testSection('S1', 'Placement', [
    testQuestion('Q_SCALE', 'AGREEMENT_SCALE', 'I was well supported.', [
      'STRONGLY_DISAGREE',
      'DISAGREE',
      'NEUTRAL',
      'AGREE',
      'STRONGLY_AGREE',
    ]),
    testQuestion('Q_SUPERVISOR', 'YES_NO', 'Did you know your supervisor?', YES_NO),
    testQuestion('Q_REASONS', 'MULTIPLE_CHOICE', 'Why not?', ['ROTA', 'LEAVE', 'OTHER'], {
      maxSelections: 2,
      condition: { questionCode: 'Q_SUPERVISOR', anyOf: ['NO'] },
    }),
    testQuestion(
      'Q_HARASSMENT',
      'MULTIPLE_CHOICE',
      'Have you experienced unwanted sexual behaviour?',
      HARASSMENT,
      {
        required: false,
        maxSelections: 2,
      },
    ),
    testQuestion('Q_COMMENTS', 'FREE_TEXT', 'What worked well?', [], {
      required: false,
      maxLength: 300,
      role: 'FEEDBACK',
    }),
  ]),
  testSection('S2', 'Serious concerns', SERIOUS_CONCERN_QUESTIONS),
]);

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
/** Comments from four learner groups, for the learner-group filter. */
const GROUPS_ORG = organisation('Hartwell Valley NHS Trust');

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
    suppressed suppressionCode suppressionReason responseCount comments { id questionCode text unredactedText status }
  }
}`;

interface FeedbackView {
  suppressed: boolean;
  suppressionCode: string | null;
  suppressionReason: string | null;
  responseCount: number | null;
  comments: Array<{
    id: string;
    questionCode: string;
    text: string;
    unredactedText: string | null;
    status: string;
  }>;
}

const FEEDBACK_COMMENTS = [
  'Dr Patel on Moorside Hospital wards was a brilliant supervisor, call her on 07700 900456.',
  'Calderbrook Community Healthcare was welcoming and the team made time for teaching.',
  'My Datix 88812345 about the rota went unanswered.',
  'Handover was thorough and the educators checked in every week.',
];

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
  /**
   * What is stored, once the relay has sent (and so deleted) earlier submissions' learner-level outbox rows: the
   * counts then change only through the calls that follow.
   */
  const storedOnceDrained = async () => {
    await waitFor(
      async () =>
        (await count('SELECT count(*)::int AS n FROM outbox_message WHERE published_at IS NULL')) === 0
          ? true
          : undefined,
      { description: 'the outbox to drain' },
    );
    return stored();
  };
  const onTopic = (topic: string) => (message: RecordedMessage) =>
    message.topic === `${platform.topicPrefix}${topic}`;
  /** Analytics releases a cycle: one message per measure and table; the response service reads ORGANISATION ones. */
  const releaseResults = async (
    year: number,
    cells: Array<
      | { suppressed: false; organisationId: string; respondents: number }
      | { suppressed: true; organisationId: string }
    >,
  ) => {
    const published = (measureKey: string, table: 'ORGANISATION' | 'NATIONAL', tableCells: ResultCell[]) => ({
      key: `${year}:${measureKey}:${table}`,
      event: createEvent(
        resultsTopic,
        'nets.analytics.results-published.v1',
        { year, measureKey, table, cycleStatus: 'CLOSED', minCellSize: 3, cells: tableCells },
        { source: '/nets/analytics' },
      ),
    });
    const toCell = (cell: (typeof cells)[number]): ResultCell =>
      cell.suppressed
        ? { suppressed: true, organisationId: cell.organisationId, reason: 'BELOW_MINIMUM' }
        : {
            suppressed: false,
            organisationId: cell.organisationId,
            respondents: cell.respondents,
            positive: cell.respondents,
            percentPositive: 100,
            intervalLower: 0.5,
            intervalUpper: 1,
            flag: null,
          };
    await publishTestEvents(platform.topicPrefix, resultsTopic.name, [
      published('overall', 'NATIONAL', []),
      published('overall', 'ORGANISATION', cells.map(toCell)),
    ]);
  };

  beforeAll(async () => {
    process.env['RESPONSE_SUBMIT_RATE_LIMIT'] = String(RATE_LIMIT);
    platform = await startTestPlatform([responseService]);
    recorder = await recordLearnerLevelTopics(platform);
    database = new Client({ connectionString: platform.databases['response'].url });
    await database.connect();
    admin = await testToken({ role: 'ADMIN', subject: 'admin-1' });
    analyst = await testToken({ role: 'NATIONAL_ANALYST' });
    provider = await testToken({ role: 'PROVIDER_USER', organisationId: FEEDBACK_ORG.id });
    otherProvider = await testToken({ role: 'PROVIDER_USER', organisationId: MAIN.id });
    londonQuality = await testToken({ role: 'QUALITY_TEAM', region: 'LONDON', subject: 'qt-london' });
    northWestQuality = await testToken({ role: 'QUALITY_TEAM', region: 'NORTH_WEST' });

    await publishRegisteredOrganisations(platform.topicPrefix, [
      MAIN,
      FEEDBACK_ORG,
      OTHER_ORG,
      UNIVERSITY,
      CLOSED_ORG,
      GROUPS_ORG,
    ]);
    await publishTestEvents(platform.topicPrefix, surveyTopic.name, [
      questionnairePublishedEvent({
        questionnaireId: PAST_QUESTIONNAIRE_ID,
        year: PAST_YEAR,
        content: CONTENT,
      }),
      surveyCycleClosedEvent(PAST_YEAR, 'ADMIN'),
    ]);
    await publishOpenCycle(platform.topicPrefix, {
      year: YEAR,
      questionnaireId: QUESTIONNAIRE_ID,
      content: CONTENT,
    });
    await waitFor(
      async () =>
        (await count('SELECT count(*)::int AS n FROM organisation_replica')) === 6 &&
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

  it('stores the learner’s education provider and programme with the response and carries them on its event', async () => {
    const listed = await gql('{ programmes { code name learnerGroups } }');
    expect(listed.errors).toBeUndefined();
    expect(listed.data?.['programmes']).toContainEqual({
      code: 'BSC_NURSING_ADULT',
      name: 'BSc Nursing (adult)',
      learnerGroups: ['NURSING'],
    });

    const education = { organisationId: UNIVERSITY.id, programme: 'BSC_NURSING_ADULT' };
    const input = submission({
      education,
      answers: answers({ supervisor: 'NO', reasons: ['OTHER'] }),
    });
    const first = await submit(input);
    expect(first.errors).toBeUndefined();
    expect(receiptOf(first).receiptCode).toBeDefined();
    // A retry with the same key but another education provider is a different response.
    const changed = await submit({
      ...input,
      education: { ...education, programme: 'MSC_NURSING_PRE_REGISTRATION' },
    });
    expect(errorCode(changed)).toBe('CONFLICT');

    const rows = await database.query<{ education_provider_id: string; programme_code: string }>(
      `SELECT r.education_provider_id, r.programme_code FROM response r
       JOIN response_submission s ON s.response_id = r.id WHERE s.idempotency_key = $1`,
      [input['idempotencyKey']],
    );
    expect(rows.rows).toEqual([
      { education_provider_id: UNIVERSITY.id, programme_code: 'BSC_NURSING_ADULT' },
    ]);

    const [message] = await recorder.waitForMessages(
      (m) =>
        onTopic(responsesTopic.name)(m) &&
        (m.value as { data: { education?: { organisationId: string } | null } }).data.education
          ?.organisationId === UNIVERSITY.id,
    );
    expect((message.value as { data: Record<string, unknown> }).data).toMatchObject({
      placement: { organisationId: MAIN.id, siteId: MAIN.sites[0].id },
      education: { organisationId: UNIVERSITY.id, programme: 'BSC_NURSING_ADULT' },
    });
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
        'a placement provider given as the education provider',
        () => ({ ...base(), education: { organisationId: MAIN.id, programme: 'BSC_NURSING_ADULT' } }),
        'BAD_USER_INPUT',
        'Northvale Teaching Hospitals NHS Foundation Trust is not an education provider',
      ],
      [
        'an education provider not in the registry',
        () => ({ ...base(), education: { organisationId: randomUUID(), programme: 'BSC_NURSING_ADULT' } }),
        'BAD_USER_INPUT',
        'education.organisationId',
      ],
      [
        'an unknown programme',
        () => ({
          ...base(),
          education: { organisationId: UNIVERSITY.id, programme: 'BSC_UNDERWATER_NURSING' },
        }),
        'BAD_USER_INPUT',
        'Unknown programme BSC_UNDERWATER_NURSING',
      ],
      [
        'a programme of another learner group',
        () => ({ ...base(), education: { organisationId: UNIVERSITY.id, programme: 'MPHARM' } }),
        'BAD_USER_INPUT',
        'is not a programme of the NURSING learner group',
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
      ['an empty resume token', () => ({ ...base(), resumeToken: '' }), 'BAD_USER_INPUT', 'cannot be empty'],
      [
        'placement dates centuries outside the cycle',
        () => ({
          ...base(),
          placement: { organisationId: MAIN.id, startDate: '1900-01-01', endDate: '3000-01-01' },
        }),
        'BAD_USER_INPUT',
        `Give a date from ${YEAR - 1}-01-01 to`,
      ],
      [
        'an end date after the cycle closes',
        () => ({
          ...base(),
          placement: { organisationId: MAIN.id, startDate: `${YEAR}-01-01`, endDate: `${YEAR + 1}-06-30` },
        }),
        'BAD_USER_INPUT',
        'placements this survey cycle covers',
      ],
      [
        'a nonsense date',
        () => ({ ...base(), placement: { organisationId: MAIN.id, startDate: `${YEAR}-02-31` } }),
        'BAD_USER_INPUT',
        'YYYY-MM-DD',
      ],
      [
        'mutually exclusive options together (NO with BY_STAFF)',
        () => ({
          ...base(),
          answers: [...answers(), { questionCode: 'Q_HARASSMENT', optionCodes: ['BY_STAFF', 'NO'] }],
        }),
        'BAD_USER_INPUT',
        'NO cannot be chosen with another option',
      ],
      [
        'a duplicated answer',
        () => ({ ...base(), answers: [...answers(), { questionCode: 'Q_SCALE', optionCodes: ['AGREE'] }] }),
        'BAD_USER_INPUT',
        'answered more than once',
      ],
      [
        'a year of training below 1',
        () => ({
          ...base(),
          profile: { learnerGroup: 'NURSING', profession: 'STUDENT_NURSE_ADULT', yearOfTraining: -3 },
        }),
        'BAD_USER_INPUT',
        'between 1 and 10',
      ],
      [
        'a non-UUID organisation',
        () => ({ ...base(), placement: { organisationId: 'not-a-uuid' } }),
        'BAD_USER_INPUT',
        'No organisation',
      ],
      [
        'a non-UUID site',
        () => ({ ...base(), placement: { organisationId: MAIN.id, siteId: 'site-1' } }),
        'BAD_USER_INPUT',
        'not one of',
      ],
      [
        'a control character in a comment',
        () => ({ ...base(), answers: answers({ comment: 'Good \u0007 teaching' }) }),
        'BAD_USER_INPUT',
        'control characters',
      ],
      [
        'a lone surrogate in a comment',
        () => ({ ...base(), answers: answers({ comment: 'Good \ud800 teaching' }) }),
        'BAD_USER_INPUT',
        'unpaired surrogates',
      ],
      [
        'a NUL byte in the specialty',
        () => ({ ...base(), placement: { organisationId: MAIN.id, specialty: 'Acute\u0000medicine' } }),
        'BAD_USER_INPUT',
        'NUL characters',
      ],
      [
        'a 60,000-character comment',
        () => ({ ...base(), answers: answers({ comment: 'x'.repeat(60_000) }) }),
        'BAD_USER_INPUT',
        'the most is 300',
      ],
      [
        'a 60,000-character question code',
        () => ({
          ...base(),
          answers: [...answers(), { questionCode: 'Q'.repeat(60_000), optionCodes: ['YES'] }],
        }),
        'BAD_USER_INPUT',
        'There is no question',
      ],
    ];

    it.each(cases)('%s', async (_name, input, code, message) => {
      const before = await storedOnceDrained();
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

  it('takes responses and drafts from anonymous learners only: a signed-in caller of any role is FORBIDDEN and nothing is stored', async () => {
    const before = await storedOnceDrained();
    const drafts = await count('SELECT count(*)::int AS n FROM response_draft');
    for (const token of [provider, londonQuality, analyst, admin]) {
      const submitted = await submit(submission(), token);
      expect(errorCode(submitted)).toBe('FORBIDDEN');
      expect(submitted.data?.['submitResponse'] ?? null).toBeNull();
      const saved = await gql(
        SAVE_DRAFT,
        {
          input: {
            questionnaireId: QUESTIONNAIRE_ID,
            answers: [{ questionCode: 'Q_SCALE', optionCodes: ['AGREE'] }],
          },
        },
        token,
      );
      expect(errorCode(saved)).toBe('FORBIDDEN');
    }
    expect(await stored()).toEqual(before);
    expect(await count('SELECT count(*)::int AS n FROM response_draft')).toBe(drafts);
  });

  it('makes every resume token itself: an empty or client-chosen token stores nothing, and saving twice never fails', async () => {
    const drafts = () => count('SELECT count(*)::int AS n FROM response_draft');
    const before = await drafts();
    const input = (resumeToken?: string) => ({
      input: {
        ...(resumeToken === undefined ? {} : { resumeToken }),
        questionnaireId: QUESTIONNAIRE_ID,
        answers: [{ questionCode: 'Q_SCALE', optionCodes: ['AGREE'] }],
      },
    });
    const empty = await gql(SAVE_DRAFT, input(''));
    expect(errorCode(empty)).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(SAVE_DRAFT, input('')))).toBe('BAD_USER_INPUT');
    expect(errorCode(await gql(RESUME, { token: '' }))).toBe('BAD_USER_INPUT');
    // A token of the right shape that the server never gave is unknown: no draft is created under it.
    const chosen = 'A'.repeat(43);
    expect(errorCode(await gql(SAVE_DRAFT, input(chosen)))).toBe('NOT_FOUND');
    expect(errorCode(await gql(SAVE_DRAFT, input('my-own-token')))).toBe('NOT_FOUND');
    expect(errorCode(await gql(RESUME, { token: chosen }))).toBe('NOT_FOUND');
    expect(errorCode(await gql(RESUME, { token: 'x\u0000y' }))).toBe('BAD_USER_INPUT');
    expect(await drafts()).toBe(before);

    const first = await gql(SAVE_DRAFT, input());
    const token = (first.data?.['saveResponseDraft'] as { resumeToken: string }).resumeToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const second = await gql(SAVE_DRAFT, input(token));
    expect(second.errors).toBeUndefined();
    expect((second.data?.['saveResponseDraft'] as { resumeToken: string }).resumeToken).toBe(token);
    expect(await drafts()).toBe(before + 1);
  });

  describe('refuses nonsense in a draft with BAD_USER_INPUT and stores nothing', () => {
    const cases: Array<[string, Record<string, unknown>, string]> = [
      ['an unknown learner group', { profile: { learnerGroup: 'WIZARDRY' } }, 'Unknown learner group'],
      [
        'a profession of another group',
        { profile: { learnerGroup: 'NURSING', profession: 'FOUNDATION_DOCTOR' } },
        'not a profession',
      ],
      ['a negative year of training', { profile: { yearOfTraining: -1 } }, 'between 1 and 10'],
      ['a nonsense date', { placement: { startDate: '2026-13-45' } }, 'YYYY-MM-DD'],
      ['a date in 1900', { placement: { startDate: '1900-01-01' } }, 'placements this survey cycle covers'],
      [
        'an end before the start',
        { placement: { startDate: `${YEAR}-03-01`, endDate: `${YEAR}-02-01` } },
        'end before',
      ],
      ['a non-UUID organisation', { placement: { organisationId: 'not-a-uuid' } }, 'Not a UUID'],
      ['a non-UUID site', { placement: { siteId: '42' } }, 'Not a UUID'],
      [
        'a duplicated answer',
        {
          answers: [
            { questionCode: 'Q_SCALE', optionCodes: ['AGREE'] },
            { questionCode: 'Q_SCALE', optionCodes: ['DISAGREE'] },
          ],
        },
        'answered more than once',
      ],
      [
        'an unknown option',
        { answers: [{ questionCode: 'Q_SCALE', optionCodes: ['MAYBE'] }] },
        'no option MAYBE',
      ],
      ['a control character', { placement: { specialty: 'Acute\u0007' } }, 'control characters'],
      ['a NUL byte', { placement: { specialty: 'Acute\u0000' } }, 'NUL characters'],
    ];
    it.each(cases)('%s', async (_name, parts, message) => {
      const drafts = await count('SELECT count(*)::int AS n FROM response_draft');
      const response = await gql(SAVE_DRAFT, {
        input: { questionnaireId: QUESTIONNAIRE_ID, answers: [], ...parts },
      });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(JSON.stringify(response.errors)).toContain(message);
      expect(await count('SELECT count(*)::int AS n FROM response_draft')).toBe(drafts);
    });
  });

  it('answers non-UUID ids and bad values on response operations with BAD_USER_INPUT or NOT_FOUND, never INTERNAL', async () => {
    const calls: Array<[string, () => Promise<GraphQLResponse>, string]> = [
      ['organisationFeedback', () => gql(FEEDBACK, { id: 'not-a-uuid', year: YEAR }, analyst), 'NOT_FOUND'],
      [
        'organisationFeedback, absurd year',
        () => gql(FEEDBACK, { id: MAIN.id, year: -2147483648 }, analyst),
        'OK',
      ],
      [
        'releaseResponseComment',
        () =>
          gql(`mutation { releaseResponseComment(id: "1; DROP TABLE response") { id } }`, {}, londonQuality),
        'NOT_FOUND',
      ],
      [
        'amendResponseComment',
        () => gql(`mutation { amendResponseComment(id: "x", redactedText: "ok") { id } }`, {}, londonQuality),
        'NOT_FOUND',
      ],
      [
        'responseCommentsAwaitingReview, negative limit',
        () => gql(`{ responseCommentsAwaitingReview(limit: -5) { id } }`, {}, londonQuality),
        'OK',
      ],
      [
        'saveResponseDraft, non-UUID questionnaire',
        () => gql(SAVE_DRAFT, { input: { questionnaireId: 'q-1', answers: [] } }),
        'BAD_USER_INPUT',
      ],
      [
        'submitResponse, non-UUID questionnaire',
        () => submit(submission({ questionnaireId: 'q' })),
        'BAD_USER_INPUT',
      ],
      [
        'responseProgress, absurd year',
        () => gql(`{ responseProgress(year: 99999) { year } }`, {}, analyst),
        'CONFLICT',
      ],
    ];
    for (const [name, call, expected] of calls) {
      const response = await call();
      expect({ name, code: errorCode(response) ?? 'OK' }).toEqual({ name, code: expected });
    }
  });

  it('puts a serious concern with its follow-up code hash and contact details on the restricted topic only, and keeps them nowhere in the database', async () => {
    const concern = 'Staff nurse Jane Okafor on Ward 9 left a deteriorating patient unobserved overnight.';
    const contact = { name: 'Sam Learner', email: 'sam.learner@example.ac.uk', phone: '07700 900123' };
    const retryInput = submission({ answers: answers({ concern }), seriousConcernContact: contact });
    const response = await submit(retryInput);
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
    const followUpCode = receipt.seriousConcernFollowUpCode ?? '';
    const followUpHash = createHash('sha256').update(followUpCode).digest('hex');
    const tables = await database.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables.rows) {
      const dump = JSON.stringify((await database.query(`SELECT * FROM "${table_name}"`)).rows);
      // Neither the follow-up code nor its hash (which the concerns service keeps) is kept beside the response.
      for (const secret of [
        contact.email,
        contact.phone,
        contact.name,
        'Okafor',
        'deteriorating',
        followUpCode,
        followUpHash,
      ]) {
        expect({ table: table_name, secret, found: dump.includes(secret) }).toEqual({
          table: table_name,
          secret,
          found: false,
        });
      }
    }

    // Learner-level events leave nothing finer than the day: their outbox rows are gone once sent, and the
    // Kafka records of both topics carry the day as their timestamp.
    await learnerLevelOutboxDrained(database);
    const midnight = Date.parse(`${receipt.submittedOn}T00:00:00.000Z`);
    for (const m of recorder.messages.filter(
      (m) => onTopic(responsesTopic.name)(m) || onTopic(seriousConcernsTopic.name)(m),
    )) {
      expect({ topic: m.topic, timestamp: Number(m.timestamp) % 86_400_000 }).toEqual({
        topic: m.topic,
        timestamp: 0,
      });
    }
    expect(Number(message.timestamp)).toBe(midnight);

    // No time finer than the day in any column beside responses.
    const timeColumns = await database.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND data_type LIKE 'timestamp%'
         AND table_name IN ('response', 'response_answer', 'response_comment', 'response_submission', 'outbox_message')`,
    );
    for (const { table_name, column_name } of timeColumns.rows) {
      if (table_name === 'response_comment' && column_name === 'reviewed_at') continue; // staff's action, not a learner's
      const exact = await count(
        `SELECT count(*)::int AS n FROM "${table_name}" WHERE "${column_name}" <> date_trunc('day', "${column_name}" AT TIME ZONE 'UTC') AT TIME ZONE 'UTC'`,
      );
      expect({ table_name, column_name, exact }).toEqual({ table_name, column_name, exact: 0 });
    }

    // A retry after all this still finds the first receipt (idempotency by key needs no time or code kept);
    // the follow-up code was handed out once.
    const retry = receiptOf(await submit(retryInput));
    expect(retry).toEqual({ ...receipt, seriousConcernFollowUpCode: null });
  });

  it('shows nothing of an open, unreleased cycle, and nothing moves when a learner submits (before/after reader)', async () => {
    const at = { organisationId: FEEDBACK_ORG.id, siteId: FEEDBACK_ORG.sites[0].id };
    for (const comment of FEEDBACK_COMMENTS.slice(0, 3)) {
      expect(
        (await submit(submission({ placement: at, answers: answers({ comment }) }))).errors,
      ).toBeUndefined();
    }
    const read = async () => ({
      provider: await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, provider),
      quality: await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, londonQuality),
      analyst: await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, analyst),
    });
    const before = await read();
    for (const response of Object.values(before)) {
      expect(response.errors).toBeUndefined();
      expect(response.data?.['organisationFeedback']).toEqual({
        suppressed: true,
        suppressionCode: 'NOT_RELEASED',
        suppressionReason: expect.stringContaining('Not released yet'),
        responseCount: null,
        comments: [],
      });
    }
    // One more learner leaves the ward and submits: the reader sees exactly what it saw before.
    expect(
      (await submit(submission({ placement: at, answers: answers({ comment: FEEDBACK_COMMENTS[3] }) })))
        .errors,
    ).toBeUndefined();
    expect(await read()).toEqual(before);
  });

  it('shows feedback once the results are released, only where analytics published the organisation for exactly its responses, and freezes it', async () => {
    // 4 responses at FEEDBACK_ORG (previous test); MAIN's result withheld; OTHER_ORG published but with no
    // responses of its own here (a count that does not match is withheld too).
    await releaseResults(YEAR, [
      { suppressed: false, organisationId: FEEDBACK_ORG.id, respondents: 4 },
      { suppressed: true, organisationId: MAIN.id },
      { suppressed: false, organisationId: OTHER_ORG.id, respondents: 3 },
    ]);
    const feedback = await waitFor(
      async () => {
        const view = (await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, provider)).data?.[
          'organisationFeedback'
        ] as FeedbackView | undefined;
        return view && !view.suppressed ? view : undefined;
      },
      { description: 'feedback released' },
    );
    expect(feedback.responseCount).toBe(4);
    expect(feedback.suppressionCode).toBeNull();
    // The comment the redactor was unsure of waits for the quality team.
    expect(feedback.comments).toHaveLength(3);
    const texts = feedback.comments.map((c) => c.text).join(' | ');
    for (const identifier of ['Patel', 'Moorside', '07700', 'Calderbrook'])
      expect(texts).not.toContain(identifier);
    expect(texts).toContain('[NAME]');
    expect(texts).toContain('[PHONE]');
    expect(feedback.comments.every((c) => c.unredactedText === null && c.status === 'RELEASED')).toBe(true);

    const withheld = (await gql(FEEDBACK, { id: MAIN.id, year: YEAR }, otherProvider)).data?.[
      'organisationFeedback'
    ];
    expect(withheld).toEqual({
      suppressed: true,
      suppressionCode: 'WITHHELD',
      suppressionReason: expect.stringContaining('Withheld to protect small groups'),
      responseCount: null,
      comments: [],
    });
    expect(
      (await gql(FEEDBACK, { id: OTHER_ORG.id, year: YEAR }, analyst)).data?.['organisationFeedback'],
    ).toMatchObject({ suppressed: true, suppressionCode: 'WITHHELD', responseCount: null });

    // A late response after the release: its comment never appears and the count does not move.
    const late = 'The late learner says the whole team on the ward was excellent.';
    expect(
      (
        await submit(
          submission({ placement: { organisationId: FEEDBACK_ORG.id }, answers: answers({ comment: late }) }),
        )
      ).errors,
    ).toBeUndefined();
    const after = await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, provider);
    expect(after.data?.['organisationFeedback']).toEqual(feedback);
    const qualityAfter = (await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, londonQuality)).data?.[
      'organisationFeedback'
    ] as FeedbackView;
    expect(JSON.stringify(qualityAfter)).not.toContain('late learner');
    // A redelivered release changes nothing either.
    await releaseResults(YEAR, [{ suppressed: false, organisationId: FEEDBACK_ORG.id, respondents: 5 }]);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(
      (await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, provider)).data?.['organisationFeedback'],
    ).toEqual(feedback);
  });

  it('scopes released feedback, and shows unredacted text only for comments in review, only to their region’s quality team', async () => {
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
    const qualityComments = (quality.data?.['organisationFeedback'] as FeedbackView).comments;
    expect(qualityComments).toHaveLength(4);
    const inReview = qualityComments.find((c) => c.status === 'IN_REVIEW');
    expect(inReview?.unredactedText).toBe(FEEDBACK_COMMENTS[2]);
    // Released comments: the quality team reads them as providers do, without the learner's own words.
    const released = qualityComments.filter((c) => c.status === 'RELEASED');
    expect(released).toHaveLength(3);
    expect(released.every((c) => c.unredactedText === null)).toBe(true);
    // Nationally scoped users never see unredacted text.
    const national = (await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, admin)).data?.[
      'organisationFeedback'
    ] as FeedbackView;
    expect(national.comments.every((c) => c.unredactedText === null)).toBe(true);

    const QUEUE = `{ responseCommentsAwaitingReview { id organisationId region year unredactedText reviewReasons status } }`;
    const queue = await gql(QUEUE, {}, londonQuality);
    expect(queue.data?.['responseCommentsAwaitingReview']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: inReview?.id,
          region: 'LONDON',
          year: YEAR,
          status: 'IN_REVIEW',
          unredactedText: FEEDBACK_COMMENTS[2],
        }),
      ]),
    );
    expect((await gql(QUEUE, {}, northWestQuality)).data?.['responseCommentsAwaitingReview']).toEqual([]);
    expect(errorCode(await gql(QUEUE, {}, provider))).toBe('FORBIDDEN');

    const AMEND = `mutation($id: ID!, $text: String!) { amendResponseComment(id: $id, redactedText: $text) { id status redactedText unredactedText } }`;
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
    expect(errorCode(await gql(AMEND, { id: inReview?.id, text: 'nul \u0000 byte' }, londonQuality))).toBe(
      'BAD_USER_INPUT',
    );
    const amended = await gql(
      AMEND,
      { id: inReview?.id, text: 'My incident report about the rota went unanswered.' },
      londonQuality,
    );
    // Once released, the learner's own words are shown to nobody.
    expect(amended.data?.['amendResponseComment']).toMatchObject({
      status: 'RELEASED',
      unredactedText: null,
    });
    const RELEASE = `mutation($id: ID!) { releaseResponseComment(id: $id) { id } }`;
    expect(errorCode(await gql(RELEASE, { id: inReview?.id }, londonQuality))).toBe('CONFLICT');

    const afterReview = (await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, provider)).data?.[
      'organisationFeedback'
    ] as FeedbackView;
    expect(afterReview.responseCount).toBe(4);
    expect(afterReview.comments.map((c) => c.text)).toContain(
      'My incident report about the rota went unanswered.',
    );
    const qualityAfterReview = (await gql(FEEDBACK, { id: FEEDBACK_ORG.id, year: YEAR }, londonQuality))
      .data?.['organisationFeedback'] as FeedbackView;
    expect(qualityAfterReview.comments.every((c) => c.unredactedText === null)).toBe(true);
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
      { id: FEEDBACK_ORG.id, feedback: { suppressed: false, responseCount: 4 } },
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
    // Stored at once, redacted by the background job (every replica runs it) moments later.
    await waitFor(
      async () =>
        (await count(
          `SELECT count(*)::int AS n FROM response_comment WHERE original_text = $1 AND status <> 'PENDING'`,
          [comment],
        )) === 1,
      { description: 'the comment redacted in the background' },
    );
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

    const before = await storedOnceDrained();
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
    const before = await storedOnceDrained();
    expect(errorCode(await submit(submission()))).toBe('RATE_LIMITED');
    expect(await stored()).toEqual(before);
  });

  it('expires drafts when the cycle closes', async () => {
    const [{ id }] = (
      await database.query<{ id: string }>(
        `INSERT INTO response_draft (id, resume_token_hash, cycle_year, questionnaire_id, content, status, saved_at)
         VALUES ($1, $2, $3, $4, '{"profile":{},"placement":{},"answers":[]}', 'OPEN', now()) RETURNING id`,
        [randomUUID(), createHash('sha256').update(CLOSING_TOKEN).digest('hex'), YEAR, QUESTIONNAIRE_ID],
      )
    ).rows;
    await publishTestEvents(platform.topicPrefix, surveyTopic.name, [
      surveyCycleClosedEvent(YEAR, 'SCHEDULE'),
    ]);
    await waitFor(
      async () =>
        (await count(
          `SELECT count(*)::int AS n FROM response_draft WHERE id = $1 AND status = 'EXPIRED' AND content IS NULL`,
          [id],
        )) === 1,
      { description: 'the draft expired' },
    );
    const resumed = await gql(RESUME, { token: CLOSING_TOKEN });
    expect(errorCode(resumed)).toBe('CONFLICT');
    expect(JSON.stringify(resumed.errors)).toContain('expired');
  });
  it('filters released comments by learner group only where 3 or more of its learners, and of the others, commented', async () => {
    // Learners who commented: NURSING 4, MEDICAL 3, PHARMACY 2, DENTAL 1. PHARMACY and DENTAL are too small to
    // name or choose; together (3) they are the rest that "all minus the offered groups" leaves.
    const groups = [
      ...Array.from({ length: 4 }, () => ({ learnerGroup: 'NURSING', profession: 'STUDENT_NURSE_ADULT' })),
      ...Array.from({ length: 3 }, () => ({ learnerGroup: 'MEDICAL', profession: 'FOUNDATION_DOCTOR' })),
      ...Array.from({ length: 2 }, () => ({ learnerGroup: 'PHARMACY', profession: 'PHARMACY_STUDENT' })),
      { learnerGroup: 'DENTAL', profession: 'DENTAL_STUDENT' },
    ];
    const responses = groups.map((profile, n) => ({
      idempotencyKey: `groups-${n}-${randomUUID()}`,
      questionnaireId: PAST_QUESTIONNAIRE_ID,
      submittedOn: `${PAST_YEAR}-03-10`,
      profile,
      placement: { organisationId: GROUPS_ORG.id },
      answers: answers({ comment: `Learner ${n + 1} found the teaching on the ward well organised.` }),
    }));
    const imported = await gql(
      `mutation($year: Int!, $responses: [ImportedResponseInput!]!) { importResponses(year: $year, responses: $responses) { imported } }`,
      { year: PAST_YEAR, responses },
      admin,
    );
    expect(imported.data?.['importResponses']).toEqual({ imported: 10 });
    await releaseResults(PAST_YEAR, [{ suppressed: false, organisationId: GROUPS_ORG.id, respondents: 10 }]);

    const GROUP_FEEDBACK = `query($id: ID!, $year: Int!, $group: String) {
      organisationFeedback(organisationId: $id, year: $year, learnerGroup: $group) {
        suppressed suppressionCode suppressionReason responseCount learnerGroups learnerGroupsWithheldReason
        learnerGroup comments { text status learnerGroup }
      }
    }`;
    type GroupFeedback = {
      suppressed: boolean;
      suppressionCode: string | null;
      responseCount: number | null;
      learnerGroups: string[];
      learnerGroupsWithheldReason: string | null;
      learnerGroup: string | null;
      comments: Array<{ text: string; status: string; learnerGroup: string | null }>;
    };
    const read = async (group: string | null, token = admin) => {
      const response = await gql(GROUP_FEEDBACK, { id: GROUPS_ORG.id, year: PAST_YEAR, group }, token);
      expect(response.errors).toBeUndefined();
      return response.data?.['organisationFeedback'] as GroupFeedback;
    };
    const groupProvider = await testToken({ role: 'PROVIDER_USER', organisationId: GROUPS_ORG.id });
    const all = await waitFor(
      async () => {
        const view = await read(null, groupProvider);
        return !view.suppressed && view.comments.length === 10 ? view : undefined;
      },
      { description: 'the imported comments released' },
    );
    expect(all.learnerGroups).toEqual(['MEDICAL', 'NURSING']);
    expect(all.learnerGroupsWithheldReason).toMatch(/fewer than 3/);
    expect(all.learnerGroup).toBeNull();
    const named = all.comments.map((c) => c.learnerGroup);
    expect(named.filter((g) => g === 'NURSING')).toHaveLength(4);
    expect(named.filter((g) => g === 'MEDICAL')).toHaveLength(3);
    // The small groups' comments are listed, never named.
    expect(named.filter((g) => g === null)).toHaveLength(3);
    expect(named).not.toContain('PHARMACY');
    expect(named).not.toContain('DENTAL');

    const nursing = await read('NURSING', groupProvider);
    expect(nursing).toMatchObject({ suppressed: false, learnerGroup: 'NURSING', responseCount: 10 });
    expect(nursing.learnerGroups).toEqual(['MEDICAL', 'NURSING']);
    expect(nursing.comments).toHaveLength(4);
    expect(nursing.comments.every((c) => c.learnerGroup === 'NURSING')).toBe(true);
    expect((await read('MEDICAL')).comments).toHaveLength(3);

    // A group too small, and one that is no group at all, are refused alike: nothing of them is shown.
    for (const group of ['DENTAL', 'PHARMACY', 'NOT_A_GROUP']) {
      for (const token of [groupProvider, londonQuality, admin]) {
        expect(await read(group, token)).toEqual({
          suppressed: true,
          suppressionCode: 'LEARNER_GROUP_WITHHELD',
          suppressionReason: expect.stringContaining('Withheld to protect small groups'),
          responseCount: null,
          learnerGroups: [],
          learnerGroupsWithheldReason: null,
          learnerGroup: group,
          comments: [],
        });
      }
    }
    // Scoping comes first: another organisation's user is refused whatever the group.
    expect(
      errorCode(
        await gql(GROUP_FEEDBACK, { id: GROUPS_ORG.id, year: PAST_YEAR, group: 'NURSING' }, provider),
      ),
    ).toBe('FORBIDDEN');

    // The entity path applies the same rule.
    const entities = await graphqlRequest(
      `${platform.services['response'].url}`,
      `query($representations: [_Any!]!, $group: String) {
        _entities(representations: $representations) {
          ... on Organisation { feedback(year: ${PAST_YEAR}, learnerGroup: $group) { suppressionCode comments { learnerGroup } } }
        }
      }`,
      {
        token: groupProvider,
        variables: { representations: [{ __typename: 'Organisation', id: GROUPS_ORG.id }], group: 'DENTAL' },
        headers: { [GATEWAY_SECRET_HEADER]: TEST_GATEWAY_SECRET },
      },
    );
    expect(entities.data?.['_entities']).toEqual([
      { feedback: { suppressionCode: 'LEARNER_GROUP_WITHHELD', comments: [] } },
    ]);
  });
});
