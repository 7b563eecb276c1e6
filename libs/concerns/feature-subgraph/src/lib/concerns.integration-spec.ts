import { createHash, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  createEvent,
  parseEvent,
  type EventTypeOf,
  type PayloadOf,
  type TopicDefinition,
} from '@nets/shared/contract-events';
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
  type TestPlatform,
} from '@nets/shared/testing';
import { analyticsFlagsTopic, type FlagChanged } from '@nets/analytics/contract-events';
import {
  assessmentsTopic,
  organisationsTopic,
  type OrganisationSnapshot,
} from '@nets/provider-assessment/contract-events';
import { seriousConcernsTopic, type SeriousConcernRaised } from '@nets/response/contract-events';
import { concernsTopic } from '@nets/concerns/contract-events';
import { concernsService } from './concerns-service';

const ORG_A = randomUUID();
const ORG_B = randomUUID();
const ORG_C = randomUUID();
const HEI = randomUUID();
const SITE_A = randomUUID();
const FOLLOW_UP_CODE = 'FUP-7Q4K-2M9X';
const LEARNER_EMAIL = 'learner.private@example.ac.uk';
const LEARNER_PHONE = '07700 900123';
const LEARNER_TEXT = 'On ward 7 the registrar Dr Jones gave drugs without any checks; patients are at risk.';

function organisation(
  id: string,
  name: string,
  region: OrganisationSnapshot['region'],
  extra: Partial<OrganisationSnapshot> = {},
) {
  return {
    id,
    odsCode: `R${id.slice(0, 4).toUpperCase()}`,
    name,
    kind: 'NHS_TRUST' as OrganisationSnapshot['kind'],
    roles: ['PLACEMENT_PROVIDER'] as OrganisationSnapshot['roles'],
    region,
    ...(id === HEI ? { kind: 'UNIVERSITY' as const, roles: ['EDUCATION_PROVIDER' as const] } : {}),
    sites: id === ORG_A ? [{ id: SITE_A, code: 'A1', name: 'Main site' }] : [],
    status: 'ACTIVE' as const,
    successorId: null,
    ...extra,
  };
}

const CONCERN_FIELDS = `id reference version status source category region escalationStep description isTriageCandidate
  isfReviewProposed standardsAtRisk overdue organisation { id }
  learnerDetails { text contactName contactEmail contactPhone }
  isfLevel { level name configVersion } risk { score band }
  actions { id kind dueAt status overdue }
  timeline { kind actor actorRole what why detail }
  regulatorShares { regulators summary sharedByRole }`;

interface ConcernShape {
  id: string;
  reference: string;
  version: number;
  status: string;
  source: string;
  category: string;
  region: string | null;
  escalationStep: number;
  description: string;
  isTriageCandidate: boolean;
  isfReviewProposed: boolean;
  overdue: boolean;
  learnerDetails: null | { text: string; contactEmail: string | null; contactPhone: string | null };
  isfLevel: null | { level: number; configVersion: number };
  risk: null | { score: number; band: string };
  actions: Array<{ id: string; kind: string; dueAt: string | null; status: string; overdue: boolean }>;
  timeline: Array<{
    kind: string;
    actor: string;
    actorRole: string;
    what: string;
    why: string | null;
    detail: string | null;
  }>;
  regulatorShares: Array<{ regulators: string[] }>;
}

describe('concerns subgraph through the gateway, on PostgreSQL and Kafka', () => {
  let platform: TestPlatform;
  let recorder: TopicRecorder;
  let database: Client;
  const tokens: Record<string, string> = {};

  const gql = <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown> = {},
    token?: string,
  ) => graphqlRequest<T>(platform.gatewayUrl, query, { variables, token });

  const subgraph = (query: string, variables: Record<string, unknown>, token?: string) =>
    graphqlRequest(platform.services['concerns'].url, query, {
      variables,
      token,
      headers: { 'x-nets-gateway-secret': TEST_GATEWAY_SECRET },
    });

  const publish = <T extends TopicDefinition, K extends EventTypeOf<T>>(
    topic: T,
    type: K,
    key: string,
    data: PayloadOf<T, K>,
    id?: string,
  ) =>
    publishTestEvents(platform.topicPrefix, topic.name, [
      { key, event: createEvent(topic, type, data, { source: '/test', id }) },
    ]);

  async function getConcern(id: string, token = tokens['qtLondon']): Promise<ConcernShape> {
    const result = await gql<{ concern: ConcernShape }>(
      `query($id: ID!) { concern(id: $id) { ${CONCERN_FIELDS} } }`,
      { id },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.concern;
  }

  async function row(sql: string, params: unknown[] = []): Promise<Record<string, unknown> | undefined> {
    const result = await database.query(sql, params);
    return result.rows[0] as Record<string, unknown> | undefined;
  }

  async function snapshot(id: string): Promise<Record<string, unknown>> {
    const concern = await row('SELECT status, version FROM concern WHERE id = $1', [id]);
    const timeline = await row(
      'SELECT count(*)::int AS n FROM concern_timeline_entry WHERE concern_id = $1',
      [id],
    );
    const actions = await row('SELECT count(*)::int AS n FROM concern_action WHERE concern_id = $1', [id]);
    const outbox = await row('SELECT count(*)::int AS n FROM outbox_message');
    return { ...concern, timeline: timeline?.['n'], actions: actions?.['n'], outbox: outbox?.['n'] };
  }

  async function act(mutation: string, variables: Record<string, unknown>, token: string) {
    return gql<Record<string, ConcernShape>>(
      `mutation($id: ID!, $v: Int!) { result: ${mutation} { id version status } }`,
      variables,
      token,
    );
  }

  async function mustAct(
    mutation: string,
    id: string,
    token: string,
    extra: Record<string, unknown> = {},
  ): Promise<number> {
    const current = await row('SELECT version FROM concern WHERE id = $1', [id]);
    const result = await gql<{ result: { version: number } }>(
      `mutation($id: ID!, $v: Int!${Object.keys(extra)
        .map((k) => `, $${k}: ${extraTypes[k]}`)
        .join('')}) { result: ${mutation} { version } }`,
      { id, v: current?.['version'], ...extra },
      token,
    );
    expect(result.errors).toBeUndefined();
    return result.data!.result.version;
  }

  const extraTypes: Record<string, string> = {
    triage: 'TriageConcernInput!',
    action: 'AddConcernActionInput!',
    update: 'PostConcernUpdateInput!',
  };

  async function raiseAsQualityTeam(organisationId = ORG_A): Promise<ConcernShape> {
    const result = await gql<{ raiseConcern: ConcernShape }>(
      `mutation($input: RaiseConcernInput!) { raiseConcern(input: $input) { ${CONCERN_FIELDS} } }`,
      {
        input: {
          organisationId,
          category: 'SUPERVISION',
          description: 'Learners on nights without a named supervisor.',
          standardsAtRisk: ['4.1'],
          risk: { likelihood: 3, consequence: 4, controls: 'Daytime supervisor on call' },
        },
      },
      tokens['qtLondon'],
    );
    expect(result.errors).toBeUndefined();
    return result.data!.raiseConcern;
  }

  const seriousConcern = (concernId: string): SeriousConcernRaised => ({
    concernId,
    followUpCodeHash: createHash('sha256').update(FOLLOW_UP_CODE).digest('hex'),
    cycleYear: 2025,
    raisedOn: '2025-10-02',
    placement: { organisationId: ORG_A, siteId: SITE_A },
    learnerGroup: 'NURSING',
    profession: 'ADULT_NURSING',
    text: LEARNER_TEXT,
    contactDetails: { name: 'Sam Learner', email: LEARNER_EMAIL, phone: LEARNER_PHONE },
  });

  beforeAll(async () => {
    platform = await startTestPlatform([concernsService]);
    recorder = await new TopicRecorder(testKafkaClient(), [
      `${platform.topicPrefix}${concernsTopic.name}`,
    ]).start();
    database = new Client({ connectionString: platform.databases['concerns'].url });
    await database.connect();
    Object.assign(tokens, {
      qtLondon: await testToken({ role: 'QUALITY_TEAM', region: 'LONDON', subject: 'qt-london-1' }),
      qtLondon2: await testToken({ role: 'QUALITY_TEAM', region: 'LONDON', subject: 'qt-london-2' }),
      qtNorthWest: await testToken({ role: 'QUALITY_TEAM', region: 'NORTH_WEST', subject: 'qt-nw' }),
      providerA: await testToken({ role: 'PROVIDER_USER', organisationId: ORG_A, subject: 'provider-a' }),
      providerB: await testToken({ role: 'PROVIDER_USER', organisationId: ORG_B, subject: 'provider-b' }),
      hei: await testToken({ role: 'EDUCATION_PROVIDER_USER', organisationId: HEI, subject: 'hei-1' }),
      analyst: await testToken({ role: 'NATIONAL_ANALYST', subject: 'analyst' }),
      admin: await testToken({ role: 'ADMIN', subject: 'admin' }),
    });
    for (const [id, name, region] of [
      [ORG_A, 'Riverside Hospitals NHS Trust', 'LONDON'],
      [ORG_B, 'Northern Care NHS Trust', 'NORTH_WEST'],
      [ORG_C, 'Eastside Community Trust', 'LONDON'],
      [HEI, 'City University', 'LONDON'],
    ] as const) {
      await publish(organisationsTopic, 'nets.organisation.registered.v1', id, {
        organisation: organisation(id, name, region),
      });
    }
    await waitFor(
      async () => (await row('SELECT count(*)::int AS n FROM organisation_replica'))?.['n'] === 4,
      {
        description: 'the organisation replica',
      },
    );
  });

  afterAll(async () => {
    await recorder?.stop();
    await database?.end();
    await platform?.stop();
  });

  it('keeps entities and migrations in step', async () => {
    expect(await schemaDriftOf(concernsService)).toEqual([]);
  });

  describe('a learner serious concern', () => {
    const concernId = randomUUID();
    const eventId = randomUUID();

    beforeAll(async () => {
      // Redelivery: the same event twice, and the same concern again under a new event id.
      await publish(
        seriousConcernsTopic,
        'nets.response.serious-concern-raised.v1',
        ORG_A,
        seriousConcern(concernId),
        eventId,
      );
      await publish(
        seriousConcernsTopic,
        'nets.response.serious-concern-raised.v1',
        ORG_A,
        seriousConcern(concernId),
        eventId,
      );
      await publish(
        seriousConcernsTopic,
        'nets.response.serious-concern-raised.v1',
        ORG_A,
        seriousConcern(concernId),
      );
      await waitFor(async () => row('SELECT id FROM concern WHERE id = $1', [concernId]), {
        description: 'intake',
      });
      await waitFor(
        async () => ((await row(`SELECT count(*)::int AS n FROM processed_event`))?.['n'] as number) >= 6,
        { description: 'all deliveries processed' },
      );
    });

    it('opens one RAISED learner concern, patient safety, whatever the redelivery', async () => {
      expect(
        await row('SELECT count(*)::int AS n FROM concern WHERE source = $1', ['LEARNER_SERIOUS_CONCERN']),
      ).toEqual({ n: 1 });
      const concern = await getConcern(concernId);
      expect(concern).toMatchObject({
        status: 'RAISED',
        source: 'LEARNER_SERIOUS_CONCERN',
        category: 'PATIENT_SAFETY',
        region: 'LONDON',
        isTriageCandidate: true,
      });
      expect(concern.reference).toMatch(/^C-\d{4}-\d{6}$/);
      expect(concern.learnerDetails).toEqual({
        text: LEARNER_TEXT,
        contactName: 'Sam Learner',
        contactEmail: LEARNER_EMAIL,
        contactPhone: LEARNER_PHONE,
      });
      expect(concern.description).not.toContain('Jones');
    });

    it('never shows a provider user the learner details, by any query path', async () => {
      const paths: Array<[string, GraphQLResponse<unknown>]> = [
        [
          'concern',
          await gql(
            `query($id: ID!) { concern(id: $id) { ${CONCERN_FIELDS} } }`,
            { id: concernId },
            tokens['providerA'],
          ),
        ],
        ['concerns', await gql(`{ concerns { nodes { ${CONCERN_FIELDS} } } }`, {}, tokens['providerA'])],
        [
          'Organisation.concerns',
          await gql(
            `query($id: ID!) { concern(id: $id) { organisation { id concerns { ${CONCERN_FIELDS} } } } }`,
            { id: concernId },
            tokens['providerA'],
          ),
        ],
        [
          '_entities Concern',
          await subgraph(
            `query($r: [_Any!]!) { _entities(representations: $r) { ... on Concern { ${CONCERN_FIELDS} } } }`,
            { r: [{ __typename: 'Concern', id: concernId }] },
            tokens['providerA'],
          ),
        ],
        [
          '_entities Organisation',
          await subgraph(
            `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { concerns { ${CONCERN_FIELDS} } } } }`,
            { r: [{ __typename: 'Organisation', id: ORG_A }] },
            tokens['providerA'],
          ),
        ],
        [
          'follow-up',
          await gql(
            `query($c: String!) { concernFollowUp(followUpCode: $c) { reference status replies { text } } }`,
            { c: FOLLOW_UP_CODE },
            tokens['providerA'],
          ),
        ],
      ];
      for (const [path, response] of paths) {
        const text = JSON.stringify(response);
        expect({ path, errors: response.errors }).toEqual({ path, errors: undefined });
        expect({
          path,
          leaked: [LEARNER_EMAIL, LEARNER_PHONE, 'Dr Jones', 'Sam Learner'].filter((s) => text.includes(s)),
        }).toEqual({
          path,
          leaked: [],
        });
      }
      const listed = paths[1][1] as GraphQLResponse<{ concerns: { nodes: ConcernShape[] } }>;
      expect(listed.data?.concerns.nodes.map((c) => c.id)).toContain(concernId);
      expect(listed.data?.concerns.nodes.every((c) => c.learnerDetails === null)).toBe(true);
    });

    it('hides the concern from other regions and providers, and details from analysts', async () => {
      for (const token of [tokens['qtNorthWest'], tokens['providerB']]) {
        const result = await gql(
          `query($id: ID!) { concern(id: $id) { id learnerDetails { contactEmail } } }`,
          { id: concernId },
          token,
        );
        expect(errorCode(result)).toBe('NOT_FOUND');
        const entities = await subgraph(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Concern { id learnerDetails { contactEmail } } } }`,
          { r: [{ __typename: 'Concern', id: concernId }] },
          token,
        );
        expect(JSON.stringify(entities)).not.toContain(LEARNER_EMAIL);
      }
      const analyst = await gql(`{ concerns { nodes { id } } }`, {}, tokens['analyst']);
      expect(errorCode(analyst)).toBe('FORBIDDEN');
      const anonymous = await gql(`query($id: ID!) { concern(id: $id) { id } }`, { id: concernId });
      expect(errorCode(anonymous)).toBe('FORBIDDEN');
    });

    it('is followed by the learner with their code, with replies from the quality team only they and the team see', async () => {
      const wrong = await gql(`query { concernFollowUp(followUpCode: "not-the-code") { status } }`);
      expect(errorCode(wrong)).toBe('NOT_FOUND');
      const version = (await getConcern(concernId)).version;
      const replied = await act(
        'replyToLearner(id: $id, expectedVersion: $v, text: "Thank you, we are looking into this.")',
        { id: concernId, v: version },
        tokens['qtLondon'],
      );
      expect(replied.errors).toBeUndefined();
      const followUp = await gql<{
        concernFollowUp: { status: string; reference: string; replies: Array<{ text: string }> };
      }>(`query($c: String!) { concernFollowUp(followUpCode: $c) { reference status replies { text } } }`, {
        c: FOLLOW_UP_CODE,
      });
      expect(followUp.data?.concernFollowUp).toMatchObject({
        status: 'RAISED',
        replies: [{ text: 'Thank you, we are looking into this.' }],
      });
      const providerView = await getConcern(concernId, tokens['providerA']);
      const reply = providerView.timeline.find((entry) => entry.kind === 'REPLY_TO_LEARNER');
      expect(reply).toMatchObject({ what: 'Replied to the learner', detail: null });
      expect((await getConcern(concernId)).timeline.find((e) => e.kind === 'REPLY_TO_LEARNER')?.detail).toBe(
        'Thank you, we are looking into this.',
      );
    });

    it('goes through triage, grading, escalation, actions, updates, resolution and closure with a complete timeline', async () => {
      await mustAct(
        'triageConcern(id: $id, expectedVersion: $v, input: $triage)',
        concernId,
        tokens['qtLondon'],
        {
          triage: {
            reason: 'Credible medication safety risk',
            summary: 'Medication checks not followed on a ward; learners witnessed unsafe practice.',
            risk: { likelihood: 4, consequence: 4 },
          },
        },
      );
      await mustAct(
        'setConcernIsfLevel(id: $id, expectedVersion: $v, level: 3, rationale: "Patient safety risk")',
        concernId,
        tokens['qtLondon'],
      );
      await mustAct(
        'escalateConcern(id: $id, expectedVersion: $v, toStep: 2, reason: "Local action not enough")',
        concernId,
        tokens['qtLondon'],
      );
      await mustAct(
        'addConcernAction(id: $id, expectedVersion: $v, input: $action)',
        concernId,
        tokens['qtLondon'],
        {
          action: {
            kind: 'IMMEDIATE_MANDATORY_REQUIREMENT',
            description: 'Reinstate double checks on ward 7',
          },
        },
      );
      await mustAct(
        'agreeConcernActionPlan(id: $id, expectedVersion: $v, reason: "Plan agreed at meeting")',
        concernId,
        tokens['qtLondon'],
      );
      await mustAct('startConcernMonitoring(id: $id, expectedVersion: $v)', concernId, tokens['qtLondon']);
      const withAction = await getConcern(concernId, tokens['providerA']);
      const action = withAction.actions[0];
      const due = new Date(action.dueAt ?? '');
      expect(due.getUTCDay()).not.toBe(0);
      expect(due.getUTCDay()).not.toBe(6);
      const days = (due.getTime() - Date.now()) / 86400000;
      expect(days).toBeGreaterThan(4.9);
      expect(days).toBeLessThan(9.1);
      await mustAct(
        'postConcernUpdate(id: $id, expectedVersion: $v, input: $update)',
        concernId,
        tokens['providerA'],
        {
          update: {
            text: 'Double checks reinstated and audited daily.',
            actionId: action.id,
            completesAction: true,
          },
        },
      );
      await mustAct(
        'shareConcernWithRegulators(id: $id, expectedVersion: $v, regulators: [CQC, NMC], summary: "Medication safety on ward 7")',
        concernId,
        tokens['qtLondon'],
      );
      await mustAct(
        'proposeConcernResolution(id: $id, expectedVersion: $v, evidence: "Four weeks of audits at 100%")',
        concernId,
        tokens['providerA'],
      );
      await mustAct(
        'confirmConcernResolution(id: $id, expectedVersion: $v, reason: "Audits verified")',
        concernId,
        tokens['qtLondon'],
      );
      await mustAct('closeConcern(id: $id, expectedVersion: $v)', concernId, tokens['qtLondon']);

      const closed = await getConcern(concernId);
      expect(closed).toMatchObject({
        status: 'CLOSED',
        escalationStep: 2,
        isfLevel: { level: 3, configVersion: 1 },
        risk: { score: 16, band: 'EXTREME' },
        regulatorShares: [{ regulators: ['CQC', 'NMC'] }],
      });
      expect(closed.actions[0]).toMatchObject({ status: 'COMPLETED', overdue: false });
      expect(closed.timeline.map((e) => e.kind)).toEqual([
        'RAISED',
        'REPLY_TO_LEARNER',
        'TRIAGE',
        'SET_ISF_LEVEL',
        'ESCALATE',
        'ADD_ACTION',
        'AGREE_ACTION_PLAN',
        'START_MONITORING',
        'POST_UPDATE',
        'SHARE_WITH_REGULATORS',
        'PROPOSE_RESOLUTION',
        'CONFIRM_RESOLUTION',
        'CLOSE',
      ]);
      expect(closed.timeline.every((e) => e.actor && e.actorRole)).toBe(true);
      expect(closed.timeline.find((e) => e.kind === 'POST_UPDATE')).toMatchObject({
        actor: 'provider-a',
        actorRole: 'PROVIDER_USER',
      });
      expect(closed.timeline.find((e) => e.kind === 'ESCALATE')).toMatchObject({
        why: 'Local action not enough',
      });

      const events = await recorder.waitForMessages((m) => m.key === concernId, 9);
      const types = events.map((m) => parseEvent(concernsTopic, m.value).type);
      expect(types).toEqual([
        'nets.concern.raised.v1',
        'nets.concern.triaged.v1',
        'nets.concern.level-changed.v1',
        'nets.concern.escalated.v1',
        'nets.concern.update-posted.v1',
        'nets.concern.shared-with-regulator.v1',
        'nets.concern.resolution-proposed.v1',
        'nets.concern.resolved.v1',
        'nets.concern.closed.v1',
      ]);
      const wire = JSON.stringify(events.map((m) => m.value));
      for (const secret of [
        LEARNER_EMAIL,
        LEARNER_PHONE,
        'Dr Jones',
        'Sam Learner',
        'Thank you, we are looking',
      ]) {
        expect(wire).not.toContain(secret);
      }
      const followUp = await gql<{ concernFollowUp: { status: string } }>(
        `query($c: String!) { concernFollowUp(followUpCode: $c) { status } }`,
        { c: FOLLOW_UP_CODE },
      );
      expect(followUp.data?.concernFollowUp.status).toBe('CLOSED');

      // CLOSED is final: every transition, by the quality team or the provider, is refused and changes nothing.
      const before = await snapshot(concernId);
      const transitions: Array<[string, string]> = [
        ['triageConcern(id: $id, expectedVersion: $v, input: { reason: "r" })', 'qtLondon'],
        ['setConcernIsfLevel(id: $id, expectedVersion: $v, level: 1, rationale: "r")', 'qtLondon'],
        ['escalateConcern(id: $id, expectedVersion: $v, toStep: 3, reason: "r")', 'qtLondon'],
        ['agreeConcernActionPlan(id: $id, expectedVersion: $v)', 'qtLondon'],
        ['startConcernMonitoring(id: $id, expectedVersion: $v)', 'qtLondon'],
        ['confirmConcernResolution(id: $id, expectedVersion: $v, reason: "r")', 'qtLondon'],
        ['closeConcern(id: $id, expectedVersion: $v)', 'qtLondon'],
        ['withdrawConcern(id: $id, expectedVersion: $v, reason: "r")', 'qtLondon'],
        [
          'shareConcernWithRegulators(id: $id, expectedVersion: $v, regulators: [GMC], summary: "s")',
          'qtLondon',
        ],
        ['postConcernUpdate(id: $id, expectedVersion: $v, input: { text: "t" })', 'providerA'],
        ['proposeConcernResolution(id: $id, expectedVersion: $v, evidence: "e")', 'providerA'],
      ];
      for (const [mutation, role] of transitions) {
        const result = await act(mutation, { id: concernId, v: before['version'] }, tokens[role]);
        expect({ mutation, code: errorCode(result) }).toEqual({ mutation, code: 'CONFLICT' });
      }
      expect(await snapshot(concernId)).toEqual(before);
    });

    it('keeps timeline entries immutable in the database itself', async () => {
      await expect(
        database.query(`UPDATE concern_timeline_entry SET what = 'x' WHERE concern_id = $1`, [concernId]),
      ).rejects.toThrow(/immutable/);
      await expect(
        database.query(`DELETE FROM concern_timeline_entry WHERE concern_id = $1`, [concernId]),
      ).rejects.toThrow(/immutable/);
    });
  });

  describe('forbidden roles and transitions change nothing', () => {
    let concernId: string;

    beforeAll(async () => {
      concernId = (await raiseAsQualityTeam()).id;
    });

    const MUTATIONS: Record<string, string> = {
      triage: 'triageConcern(id: $id, expectedVersion: $v, input: { reason: "r" })',
      level: 'setConcernIsfLevel(id: $id, expectedVersion: $v, level: 2, rationale: "r")',
      escalate: 'escalateConcern(id: $id, expectedVersion: $v, toStep: 3, reason: "r")',
      action:
        'addConcernAction(id: $id, expectedVersion: $v, input: { kind: URGENT_RISK_REVIEW, description: "d" })',
      agree: 'agreeConcernActionPlan(id: $id, expectedVersion: $v)',
      monitor: 'startConcernMonitoring(id: $id, expectedVersion: $v)',
      update: 'postConcernUpdate(id: $id, expectedVersion: $v, input: { text: "t" })',
      propose: 'proposeConcernResolution(id: $id, expectedVersion: $v, evidence: "e")',
      confirm: 'confirmConcernResolution(id: $id, expectedVersion: $v, reason: "r")',
      reject: 'confirmConcernResolution(id: $id, expectedVersion: $v, accepted: false, reason: "r")',
      close: 'closeConcern(id: $id, expectedVersion: $v)',
      withdraw: 'withdrawConcern(id: $id, expectedVersion: $v, reason: "r")',
      share: 'shareConcernWithRegulators(id: $id, expectedVersion: $v, regulators: [GMC], summary: "s")',
      reply: 'replyToLearner(id: $id, expectedVersion: $v, text: "t")',
    };
    const QT_ONLY = [
      'triage',
      'level',
      'escalate',
      'action',
      'agree',
      'monitor',
      'confirm',
      'reject',
      'close',
      'share',
      'reply',
    ];
    const PROVIDER_ONLY = ['update', 'propose'];

    it('refuses every role the lifecycle does not name, and every out-of-scope caller', async () => {
      const before = await snapshot(concernId);
      const refusals: Array<[string, string[], string]> = [
        ...QT_ONLY.map((m): [string, string[], string] => [
          m,
          ['providerA', 'hei', 'analyst', 'admin'],
          'FORBIDDEN',
        ]),
        ...PROVIDER_ONLY.map((m): [string, string[], string] => [
          m,
          ['qtLondon', 'analyst', 'admin'],
          'FORBIDDEN',
        ]),
        ...Object.keys(MUTATIONS).map((m): [string, string[], string] => [
          m,
          ['anonymous'],
          'UNAUTHENTICATED',
        ]),
        ...[...QT_ONLY, 'withdraw'].map((m): [string, string[], string] => [m, ['qtNorthWest'], 'FORBIDDEN']),
        ...PROVIDER_ONLY.map((m): [string, string[], string] => [m, ['providerB', 'hei'], 'FORBIDDEN']),
        // Only the quality team or whoever raised it may withdraw: the quality team raised this one.
        ['withdraw', ['providerA', 'providerB', 'hei', 'analyst', 'admin'], 'FORBIDDEN'],
      ];
      for (const [mutation, roles, code] of refusals) {
        for (const role of roles) {
          const result = await act(
            MUTATIONS[mutation],
            { id: concernId, v: before['version'] },
            tokens[role] ?? '',
          );
          expect({ mutation, role, code: errorCode(result) }).toEqual({ mutation, role, code });
        }
      }
      expect(await snapshot(concernId)).toEqual(before);
    });

    it('refuses every transition the current status does not allow', async () => {
      const before = await snapshot(concernId);
      // From RAISED only triage and withdraw (and sharing, replying where allowed) may happen.
      for (const mutation of [
        'level',
        'escalate',
        'action',
        'agree',
        'monitor',
        'confirm',
        'reject',
        'close',
      ]) {
        const result = await act(
          MUTATIONS[mutation],
          { id: concernId, v: before['version'] },
          tokens['qtLondon'],
        );
        expect({ mutation, code: errorCode(result) }).toEqual({ mutation, code: 'CONFLICT' });
      }
      for (const mutation of ['update', 'propose']) {
        const result = await act(
          MUTATIONS[mutation],
          { id: concernId, v: before['version'] },
          tokens['providerA'],
        );
        expect({ mutation, code: errorCode(result) }).toEqual({ mutation, code: 'CONFLICT' });
      }
      const reply = await act(
        MUTATIONS['reply'],
        { id: concernId, v: before['version'] },
        tokens['qtLondon'],
      );
      expect(errorCode(reply)).toBe('CONFLICT');
      expect(await snapshot(concernId)).toEqual(before);
    });

    it('refuses bad input and a stale version', async () => {
      const before = await snapshot(concernId);
      const bad = await act(
        'triageConcern(id: $id, expectedVersion: $v, input: { reason: " ", risk: { likelihood: 6, consequence: 1 } })',
        { id: concernId, v: before['version'] },
        tokens['qtLondon'],
      );
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      const stale = await act(
        MUTATIONS['triage'],
        { id: concernId, v: Number(before['version']) + 5 },
        tokens['qtLondon'],
      );
      expect(errorCode(stale)).toBe('CONFLICT');
      const missing = await act(MUTATIONS['triage'], { id: randomUUID(), v: 1 }, tokens['qtLondon']);
      expect(errorCode(missing)).toBe('NOT_FOUND');
      expect(await snapshot(concernId)).toEqual(before);
    });

    it('lets one of two simultaneous actions win; the other gets CONFLICT and nothing half-applied', async () => {
      const before = await snapshot(concernId);
      const [first, second] = await Promise.all([
        act(
          'triageConcern(id: $id, expectedVersion: $v, input: { reason: "first", category: BULLYING_AND_HARASSMENT })',
          { id: concernId, v: before['version'] },
          tokens['qtLondon'],
        ),
        act(
          'withdrawConcern(id: $id, expectedVersion: $v, reason: "second")',
          { id: concernId, v: before['version'] },
          tokens['qtLondon2'],
        ),
      ]);
      const codes = [errorCode(first), errorCode(second)];
      expect(codes.filter((code) => code === undefined)).toHaveLength(1);
      expect(codes.filter((code) => code === 'CONFLICT')).toHaveLength(1);
      const after = await snapshot(concernId);
      expect(after['version']).toBe(Number(before['version']) + 1);
      expect(after['timeline']).toBe(Number(before['timeline']) + 1);
      const concern = await getConcern(concernId);
      if (codes[0] === undefined)
        expect(concern).toMatchObject({ status: 'TRIAGED', category: 'BULLYING_AND_HARASSMENT' });
      else expect(concern).toMatchObject({ status: 'WITHDRAWN', category: 'SUPERVISION' });
    });
  });

  describe('automatic intake from analytics flags and self-assessments', () => {
    const flag = (persistent: boolean, measureKey = 'bullying-experienced'): FlagChanged => ({
      year: 2025,
      measureKey,
      organisationId: ORG_A,
      learnerGroup: null,
      flag: 'RED',
      previousFlag: persistent ? 'RED' : 'NONE',
      persistent,
      consecutiveRedYears: persistent ? 2 : 1,
      respondents: 40,
      percentPositive: 31.5,
      intervalLower: 20,
      intervalUpper: 40,
      benchmark: 55,
    });

    it('opens one triage candidate per organisation, cycle and measure, and a persistent RED proposes an ISF review once', async () => {
      const eventId = randomUUID();
      await publish(analyticsFlagsTopic, 'nets.analytics.flag-changed.v1', ORG_A, flag(false), eventId);
      await publish(analyticsFlagsTopic, 'nets.analytics.flag-changed.v1', ORG_A, flag(false), eventId);
      await publish(analyticsFlagsTopic, 'nets.analytics.flag-changed.v1', ORG_A, flag(false));
      await publish(analyticsFlagsTopic, 'nets.analytics.flag-changed.v1', ORG_A, {
        ...flag(false),
        flag: 'GREEN',
        measureKey: 'induction',
      });
      const persistentId = randomUUID();
      await publish(analyticsFlagsTopic, 'nets.analytics.flag-changed.v1', ORG_A, flag(true), persistentId);
      await publish(analyticsFlagsTopic, 'nets.analytics.flag-changed.v1', ORG_A, flag(true), persistentId);
      await publish(analyticsFlagsTopic, 'nets.analytics.flag-changed.v1', ORG_A, flag(true));
      const concern = await waitFor(
        async () => row(`SELECT id FROM concern WHERE source LIKE 'ANALYTICS%' AND isf_review_proposed`),
        { description: 'persistent RED' },
      );
      await waitFor(
        async () =>
          (await row(`SELECT count(*)::int AS n FROM processed_event WHERE event_id = $1`, [persistentId]))?.[
            'n'
          ] === 1,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await row(`SELECT count(*)::int AS n FROM concern WHERE source LIKE 'ANALYTICS%'`)).toEqual({
        n: 1,
      });
      const candidate = await getConcern(String(concern['id']));
      expect(candidate).toMatchObject({
        status: 'RAISED',
        source: 'ANALYTICS_RED_FLAG',
        category: 'BULLYING_AND_HARASSMENT',
        isTriageCandidate: true,
        isfReviewProposed: true,
      });
      expect(candidate.timeline.map((e) => e.kind)).toEqual(['RAISED', 'ISF_REVIEW_PROPOSED']);
      const triaged = await act(
        'triageConcern(id: $id, expectedVersion: $v, input: { reason: "Confirmed with the trust" })',
        { id: candidate.id, v: candidate.version },
        tokens['qtLondon'],
      );
      expect(triaged.data?.['result']).toMatchObject({ status: 'TRIAGED' });
    });

    it('scopes a concern that arrives before its organisation once the registry catches up', async () => {
      const lateOrg = randomUUID();
      const concernId = randomUUID();
      await publish(seriousConcernsTopic, 'nets.response.serious-concern-raised.v1', lateOrg, {
        ...seriousConcern(concernId),
        followUpCodeHash: createHash('sha256').update('another-code').digest('hex'),
        placement: { organisationId: lateOrg, siteId: null },
        text: 'I was bullied by a supervisor throughout my placement.',
      });
      await waitFor(async () => row('SELECT region FROM concern WHERE id = $1', [concernId]), {
        description: 'intake',
      });
      expect(await row('SELECT region, category FROM concern WHERE id = $1', [concernId])).toEqual({
        region: null,
        category: 'BULLYING_AND_HARASSMENT',
      });
      expect(
        errorCode(
          await gql(`query($id: ID!) { concern(id: $id) { id } }`, { id: concernId }, tokens['qtLondon']),
        ),
      ).toBe('NOT_FOUND');
      await publish(organisationsTopic, 'nets.organisation.registered.v1', lateOrg, {
        organisation: organisation(lateOrg, 'Late Registered Trust', 'LONDON'),
      });
      await waitFor(
        async () =>
          (await row('SELECT region FROM concern WHERE id = $1', [concernId]))?.['region'] === 'LONDON',
        {
          description: 'region from the registry',
        },
      );
      expect((await getConcern(concernId)).learnerDetails?.text).toContain('bullied');
    });

    it('opens one candidate per self-assessed standard not met, never twice', async () => {
      const submitted = {
        assessmentId: randomUUID(),
        organisationId: ORG_A,
        year: 2025,
        submittedAt: new Date().toISOString(),
        late: false,
        standardsNotMet: ['1.1', '4.2'],
        standardsPartlyMet: ['2.1'],
        resubmission: false,
      };
      const eventId = randomUUID();
      await publish(assessmentsTopic, 'nets.assessment.submitted.v1', ORG_A, submitted, eventId);
      await publish(assessmentsTopic, 'nets.assessment.submitted.v1', ORG_A, submitted, eventId);
      const resubmissionId = randomUUID();
      await publish(
        assessmentsTopic,
        'nets.assessment.submitted.v1',
        ORG_A,
        { ...submitted, resubmission: true },
        resubmissionId,
      );
      await waitFor(
        async () =>
          (
            await row(`SELECT count(*)::int AS n FROM processed_event WHERE event_id = ANY($1)`, [
              [eventId, resubmissionId],
            ])
          )?.['n'] === 2,
        { description: 'self-assessment events processed' },
      );
      const rows = await database.query(
        `SELECT standards_at_risk, category FROM concern WHERE source = 'PROVIDER_SELF_ASSESSMENT' ORDER BY standards_at_risk`,
      );
      expect(rows.rows).toEqual([
        { standards_at_risk: ['1.1'], category: 'LEARNER_SAFETY' },
        { standards_at_risk: ['4.2'], category: 'SUPERVISION' },
      ]);
    });
  });

  describe('raised by providers, scoped by the registry', () => {
    it('lets an education provider raise, see and withdraw its own concern; the placement provider sees it too', async () => {
      const raised = await gql<{ raiseConcern: ConcernShape }>(
        `mutation($input: RaiseConcernInput!) { raiseConcern(input: $input) { id version source status } }`,
        {
          input: {
            organisationId: ORG_A,
            category: 'EDUCATION_DELIVERY',
            description: 'Teaching sessions cancelled for six weeks.',
            programme: 'BSc Nursing',
          },
        },
        tokens['hei'],
      );
      expect(raised.data?.raiseConcern).toMatchObject({ source: 'EDUCATION_PROVIDER', status: 'RAISED' });
      const id = raised.data!.raiseConcern.id;
      expect((await getConcern(id, tokens['hei'])).id).toBe(id);
      expect((await getConcern(id, tokens['providerA'])).id).toBe(id);
      const own = await gql<{ concerns: { nodes: Array<{ id: string }> } }>(
        `{ concerns { nodes { id } } }`,
        {},
        tokens['hei'],
      );
      expect(own.data?.concerns.nodes.map((n) => n.id)).toEqual([id]);
      // What each reader may do now: the raiser may withdraw it, the team triage it, the placement provider nothing yet.
      const commands = async (token: string) =>
        (
          await gql<{ concern: { availableCommands: string[] } }>(
            `query($id: ID!) { concern(id: $id) { availableCommands } }`,
            { id },
            token,
          )
        ).data?.concern.availableCommands;
      await expect(commands(tokens['hei'])).resolves.toEqual(['WITHDRAW']);
      await expect(commands(tokens['providerA'])).resolves.toEqual([]);
      await expect(commands(tokens['qtLondon'])).resolves.toEqual([
        'TRIAGE',
        'WITHDRAW',
        'SHARE_WITH_REGULATORS',
      ]);
      const withdrawn = await act(
        'withdrawConcern(id: $id, expectedVersion: $v, reason: "Resolved locally")',
        { id, v: 1 },
        tokens['hei'],
      );
      expect(withdrawn.data?.['result']).toMatchObject({ status: 'WITHDRAWN' });
    });

    it('refuses a provider raising about another organisation, and unknown organisations', async () => {
      const other = await gql(
        `mutation($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }`,
        { input: { organisationId: ORG_B, category: 'OTHER', description: 'x' } },
        tokens['providerA'],
      );
      expect(errorCode(other)).toBe('FORBIDDEN');
      const unknown = await gql(
        `mutation($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }`,
        { input: { organisationId: randomUUID(), category: 'OTHER', description: 'x' } },
        tokens['qtLondon'],
      );
      expect(errorCode(unknown)).toBe('BAD_USER_INPUT');
    });

    it('hands concerns to the successor after a merge, with its region', async () => {
      const concern = await raiseAsQualityTeam(ORG_C);
      await publish(organisationsTopic, 'nets.organisation.merged.v1', ORG_C, {
        organisation: organisation(ORG_C, 'Eastside Community Trust', 'LONDON', {
          status: 'CLOSED',
          successorId: ORG_B,
        }),
        successor: organisation(ORG_B, 'Northern Care NHS Trust', 'NORTH_WEST'),
      });
      await waitFor(
        async () =>
          (await row('SELECT organisation_id FROM concern WHERE id = $1', [concern.id]))?.[
            'organisation_id'
          ] === ORG_B,
        {
          description: 'merge handled',
        },
      );
      const moved = await getConcern(concern.id, tokens['providerB']);
      expect(moved).toMatchObject({ region: 'NORTH_WEST', organisation: { id: ORG_B } });
      expect(moved.timeline.map((e) => e.kind)).toContain('ORGANISATION_MERGED');
      expect(
        errorCode(
          await gql(`query($id: ID!) { concern(id: $id) { id } }`, { id: concern.id }, tokens['qtLondon']),
        ),
      ).toBe('NOT_FOUND');
    });
  });

  describe('overdue items, dashboard and ISF configuration', () => {
    it('shows overdue actions to the quality team and counts them on the dashboard', async () => {
      const concern = await raiseAsQualityTeam();
      await mustAct(
        'triageConcern(id: $id, expectedVersion: $v, input: $triage)',
        concern.id,
        tokens['qtLondon'],
        { triage: { reason: 'r' } },
      );
      await mustAct(
        'addConcernAction(id: $id, expectedVersion: $v, input: $action)',
        concern.id,
        tokens['qtLondon'],
        {
          action: { kind: 'SENIOR_LEADER_ENGAGEMENT_VISIT', description: 'Visit', workingDays: 2 },
        },
      );
      // Time passes: the action's due date is now behind us.
      await database.query(
        `UPDATE concern_action SET due_at = now() - interval '1 day' WHERE concern_id = $1`,
        [concern.id],
      );
      const overdue = await gql<{ concerns: { nodes: ConcernShape[] } }>(
        `{ concerns(filter: { overdue: true }) { nodes { id overdue actions { overdue } } } }`,
        {},
        tokens['qtLondon'],
      );
      expect(overdue.data?.concerns.nodes.map((n) => n.id)).toEqual([concern.id]);
      expect(overdue.data?.concerns.nodes[0]).toMatchObject({ overdue: true, actions: [{ overdue: true }] });

      const dashboard = await gql<{ concernDashboard: Record<string, unknown> }>(
        `{ concernDashboard { region total overdueConcerns overdueActions medianDaysToResolution byStatus { key count } byRegion { key count } byCategory { key count } byIsfLevel { key count } } }`,
        {},
        tokens['qtLondon'],
      );
      expect(dashboard.errors).toBeUndefined();
      expect(dashboard.data?.concernDashboard).toMatchObject({
        region: 'LONDON',
        overdueConcerns: 1,
        overdueActions: 1,
      });
      expect(dashboard.data?.concernDashboard['medianDaysToResolution']).not.toBeNull();
      expect(dashboard.data?.concernDashboard['byStatus']).toEqual(
        expect.arrayContaining([{ key: 'CLOSED', count: 1 }]),
      );

      const national = await gql<{
        concernDashboard: { region: string | null; byRegion: Array<{ key: string }> };
      }>(`{ concernDashboard { region byRegion { key count } } }`, {}, tokens['analyst']);
      expect(national.data?.concernDashboard.region).toBeNull();
      expect(national.data?.concernDashboard.byRegion.map((r) => r.key)).toEqual(
        expect.arrayContaining(['LONDON', 'NORTH_WEST']),
      );
      expect(
        errorCode(await gql(`{ concernDashboard(region: NORTH_WEST) { total } }`, {}, tokens['qtLondon'])),
      ).toBe('FORBIDDEN');
      expect(errorCode(await gql(`{ concernDashboard { total } }`, {}, tokens['providerA']))).toBe(
        'FORBIDDEN',
      );
    });

    it('pages through concerns newest first with a cursor', async () => {
      const PAGE = `query($after: String) { concerns(first: 2, after: $after) { totalCount hasNextPage endCursor nodes { id raisedAt } } }`;
      type Page = {
        concerns: {
          totalCount: number;
          hasNextPage: boolean;
          endCursor: string | null;
          nodes: Array<{ id: string; raisedAt: string }>;
        };
      };
      const seen: string[] = [];
      let after: string | null = null;
      let total = 0;
      for (let guard = 0; guard < 20; guard += 1) {
        const page: GraphQLResponse<Page> = await gql<Page>(PAGE, { after }, tokens['qtLondon']);
        expect(page.errors).toBeUndefined();
        total = page.data!.concerns.totalCount;
        seen.push(...page.data!.concerns.nodes.map((n) => n.id));
        if (!page.data!.concerns.hasNextPage) break;
        after = page.data!.concerns.endCursor;
      }
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.length).toBe(total);
      expect(total).toBeGreaterThan(2);
    });

    it('lets an administrator publish a new ISF version without a code change', async () => {
      const levels = [
        { level: 1, name: 'Universal', description: 'Routine', reviewIntervalDays: 120 },
        { level: 2, name: 'Targeted', description: 'Targeted support', reviewIntervalDays: 45 },
        { level: 3, name: 'Intensive', description: 'Intensive support', reviewIntervalDays: 14 },
      ];
      const MUTATION = `mutation($l: [ConcernIsfLevelInput!]!) { configureConcernIsfLevels(levels: $l) { level name configVersion } }`;
      expect(errorCode(await gql(MUTATION, { l: levels }, tokens['qtLondon']))).toBe('FORBIDDEN');
      expect(errorCode(await gql(MUTATION, { l: [{ ...levels[0], level: 2 }] }, tokens['admin']))).toBe(
        'BAD_USER_INPUT',
      );
      const saved = await gql<{ configureConcernIsfLevels: Array<{ configVersion: number }> }>(
        MUTATION,
        { l: levels },
        tokens['admin'],
      );
      expect(saved.errors).toBeUndefined();
      const current = await gql<{
        concernIsfLevels: Array<{ level: number; name: string; configVersion: number }>;
      }>(`{ concernIsfLevels { level name configVersion } }`, {}, tokens['qtLondon']);
      expect(current.data?.concernIsfLevels).toEqual([
        { level: 1, name: 'Universal', configVersion: 2 },
        { level: 2, name: 'Targeted', configVersion: 2 },
        { level: 3, name: 'Intensive', configVersion: 2 },
      ]);
    });
  });
  describe('what a learner-originated concern discloses, and hostile input', () => {
    const learnerConcernId = randomUUID();
    const MIDNIGHT = /T00:00:00(\.000)?Z$/;
    const DISCLOSED = `id raisedAt updatedAt siteId learnerGroups timeline { id kind actorRole at }`;
    interface Disclosed {
      id: string;
      raisedAt: string;
      updatedAt: string;
      siteId: string | null;
      learnerGroups: string[];
      timeline: Array<{ id: string; kind: string; actorRole: string; at: string }>;
    }

    beforeAll(async () => {
      await publish(seriousConcernsTopic, 'nets.response.serious-concern-raised.v1', ORG_A, {
        ...seriousConcern(learnerConcernId),
        followUpCodeHash: createHash('sha256').update('FUP-DISCLOSURE-1').digest('hex'),
      });
      await waitFor(async () => row('SELECT id FROM concern WHERE id = $1', [learnerConcernId]), {
        description: 'intake of the second learner concern',
      });
    });

    it('shows the regional quality team the exact time, site and learner group', async () => {
      const stored = await row('SELECT raised_at FROM concern WHERE id = $1', [learnerConcernId]);
      const exact = (stored?.['raised_at'] as Date).toISOString();
      expect(exact).not.toMatch(MIDNIGHT);
      const result = await gql<{ concern: Disclosed }>(
        `query($id: ID!) { concern(id: $id) { ${DISCLOSED} } }`,
        { id: learnerConcernId },
        tokens['qtLondon'],
      );
      expect(result.data?.concern).toMatchObject({
        raisedAt: exact,
        siteId: SITE_A,
        learnerGroups: ['NURSING'],
      });
      expect(result.data?.concern.timeline[0]).toMatchObject({ kind: 'RAISED', at: exact });
    });

    it('shows a provider the day only, and neither site nor learner group, on every path', async () => {
      const paths: Array<[string, GraphQLResponse<unknown>, (data: unknown) => Disclosed[]]> = [
        [
          'concern',
          await gql(
            `query($id: ID!) { concern(id: $id) { ${DISCLOSED} } }`,
            { id: learnerConcernId },
            tokens['providerA'],
          ),
          (data) => [(data as { concern: Disclosed }).concern],
        ],
        [
          'concerns',
          await gql(`{ concerns(first: 100) { endCursor nodes { ${DISCLOSED} } } }`, {}, tokens['providerA']),
          (data) => (data as { concerns: { nodes: Disclosed[] } }).concerns.nodes,
        ],
        [
          'Organisation.concerns',
          await gql(
            `query($id: ID!) { concern(id: $id) { organisation { concerns(first: 100) { ${DISCLOSED} } } } }`,
            { id: learnerConcernId },
            tokens['providerA'],
          ),
          (data) =>
            (data as { concern: { organisation: { concerns: Disclosed[] } } }).concern.organisation.concerns,
        ],
        [
          '_entities Concern',
          await subgraph(
            `query($r: [_Any!]!) { _entities(representations: $r) { ... on Concern { ${DISCLOSED} } } }`,
            { r: [{ __typename: 'Concern', id: learnerConcernId }] },
            tokens['providerA'],
          ),
          (data) => (data as { _entities: Disclosed[] })._entities,
        ],
        [
          '_entities Organisation',
          await subgraph(
            `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { concerns(first: 100) { ${DISCLOSED} } } } }`,
            { r: [{ __typename: 'Organisation', id: ORG_A }] },
            tokens['providerA'],
          ),
          (data) => (data as { _entities: Array<{ concerns: Disclosed[] }> })._entities[0].concerns,
        ],
      ];
      for (const [path, response, pick] of paths) {
        expect({ path, errors: response.errors }).toEqual({ path, errors: undefined });
        const learner = pick(response.data).filter((c) => c.id === learnerConcernId);
        expect({ path, found: learner.length }).toEqual({ path, found: 1 });
        const [seen] = learner;
        expect({ path, raisedAt: seen.raisedAt, updatedAt: seen.updatedAt }).toEqual({
          path,
          raisedAt: expect.stringMatching(MIDNIGHT),
          updatedAt: expect.stringMatching(MIDNIGHT),
        });
        expect({ path, siteId: seen.siteId, learnerGroups: seen.learnerGroups }).toEqual({
          path,
          siteId: null,
          learnerGroups: [],
        });
        const raised = seen.timeline.find((entry) => entry.kind === 'RAISED');
        expect({ path, at: raised?.at, id: raised?.id }).toEqual({
          path,
          at: expect.stringMatching(MIDNIGHT),
          id: `${learnerConcernId}:1`,
        });
      }
      // The page cursor carries the day, never the time.
      const cursor = (paths[1][1].data as { concerns: { endCursor: string } }).concerns.endCursor;
      expect(Buffer.from(cursor, 'base64url').toString('utf8')).not.toMatch(/T\d\d:/);
      // Counts are for the quality team and national roles only.
      for (const token of [tokens['providerA'], tokens['hei']])
        expect(errorCode(await gql(`{ concernDashboard { total } }`, {}, token))).toBe('FORBIDDEN');
    });

    it('publishes what a learner set off with day-level times on the public topic, envelope included', async () => {
      const [raised] = await recorder.waitForMessages(
        (m) => m.key === learnerConcernId && (m.value as { type: string }).type === 'nets.concern.raised.v1',
        1,
      );
      const event = parseEvent(concernsTopic, raised.value);
      expect(event.time).toMatch(MIDNIGHT);
      expect((event.data as { occurredAt: string }).occurredAt).toMatch(MIDNIGHT);
      expect(JSON.stringify(raised.value)).not.toContain(SITE_A);
      // What people do keeps its time: a concern the quality team raises is published to the millisecond.
      const own = await raiseAsQualityTeam();
      const [staff] = await recorder.waitForMessages((m) => m.key === own.id, 1);
      const staffEvent = parseEvent(concernsTopic, staff.value);
      expect((staffEvent.data as { occurredAt: string }).occurredAt).toBe(staffEvent.time);
    });

    const RAISE = `mutation($input: RaiseConcernInput!) { raiseConcern(input: $input) { id programme learnerGroups standardsAtRisk siteId } }`;
    const valid = {
      organisationId: ORG_A,
      category: 'SUPERVISION',
      description: 'No named supervisor on nights.',
    };

    async function counts() {
      return {
        concerns: (await row('SELECT count(*)::int AS n FROM concern'))?.['n'],
        outbox: (await row('SELECT count(*)::int AS n FROM outbox_message'))?.['n'],
      };
    }

    it('refuses nonsense in raiseConcern with BAD_USER_INPUT and stores nothing', async () => {
      const before = await counts();
      const cases: Record<string, Record<string, unknown>> = {
        'unknown standard': { standardsAtRisk: ['9.9'] },
        '1,000 standards': { standardsAtRisk: Array.from({ length: 1000 }, () => '1.1') },
        'unknown learner group': { learnerGroups: ['WIZARDS'] },
        'empty learner group': { learnerGroups: [''] },
        'site of another organisation': { organisationId: HEI, siteId: SITE_A },
        'unknown site': { siteId: randomUUID() },
        '60,000-character description': { description: 'x'.repeat(60000) },
        '60,000-character programme': { programme: 'x'.repeat(60000) },
        '60,000-character risk controls': {
          risk: { likelihood: 2, consequence: 2, controls: 'x'.repeat(60000) },
        },
        'right-to-left override in the description': { description: 'Safe \u202Eefasnu\u202C ward' },
        'NUL in the programme': { programme: 'BSc\u0000Nursing' },
        'line break in the programme': { programme: 'BSc\nNursing' },
        'placement provider as education provider': { educationProviderId: ORG_A },
        'unregistered education provider': { educationProviderId: randomUUID() },
        'non-UUID organisation': { organisationId: 'not-a-uuid' },
        'non-UUID site': { siteId: "1' OR '1'='1" },
        'non-UUID education provider': { educationProviderId: 'hei' },
      };
      for (const [name, change] of Object.entries(cases)) {
        const result = await gql(RAISE, { input: { ...valid, ...change } }, tokens['qtLondon']);
        expect({ name, code: errorCode(result) }).toEqual({ name, code: 'BAD_USER_INPUT' });
      }
      expect(await counts()).toEqual(before);
    });

    it('accepts a valid concern with its education provider, site and learner groups (each once)', async () => {
      const result = await gql<{ raiseConcern: Record<string, unknown> }>(
        RAISE,
        {
          input: {
            ...valid,
            siteId: SITE_A,
            educationProviderId: HEI,
            programme: '  BSc Nursing  ',
            learnerGroups: ['NURSING', 'NURSING', 'MIDWIFERY'],
            standardsAtRisk: ['4.1', '4.1'],
          },
        },
        tokens['qtLondon'],
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.raiseConcern).toMatchObject({
        programme: 'BSc Nursing',
        siteId: SITE_A,
        learnerGroups: ['NURSING', 'MIDWIFERY'],
        standardsAtRisk: ['4.1'],
      });
    });

    it('answers ids that are not UUIDs with NOT_FOUND or BAD_USER_INPUT, never INTERNAL_SERVER_ERROR', async () => {
      const before = await counts();
      const concern = await raiseAsQualityTeam();
      const after = await counts();
      const badIds = ['not-a-uuid', "x' OR 1=1 --", '00000000-0000-0000-0000-00000000000Z', ''];
      for (const id of badIds) {
        expect({
          id,
          code: errorCode(
            await gql(`query($id: ID!) { concern(id: $id) { id } }`, { id }, tokens['qtLondon']),
          ),
        }).toEqual({ id, code: 'NOT_FOUND' });
        for (const mutation of [
          'triageConcern(id: $id, expectedVersion: $v, input: { reason: "r" })',
          'addConcernAction(id: $id, expectedVersion: $v, input: { kind: URGENT_RISK_REVIEW, description: "d" })',
          'postConcernUpdate(id: $id, expectedVersion: $v, input: { text: "t" })',
          'replyToLearner(id: $id, expectedVersion: $v, text: "t")',
          'withdrawConcern(id: $id, expectedVersion: $v, reason: "r")',
        ])
          expect({
            id,
            mutation,
            code: errorCode(await act(mutation, { id, v: 1 }, tokens['qtLondon'])),
          }).toEqual({
            id,
            mutation,
            code: 'NOT_FOUND',
          });
        const entities = await subgraph(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { concerns { id } } } }`,
          { r: [{ __typename: 'Organisation', id }] },
          tokens['qtLondon'],
        );
        expect({ id, entities: entities.data }).toEqual({ id, entities: { _entities: [{ concerns: [] }] } });
        const concernEntity = await subgraph(
          `query($r: [_Any!]!) { _entities(representations: $r) { ... on Concern { id } } }`,
          { r: [{ __typename: 'Concern', id }] },
          tokens['qtLondon'],
        );
        expect({ id, code: errorCode(concernEntity) }).toEqual({ id, code: 'NOT_FOUND' });
      }
      const inputs: Array<[string, GraphQLResponse<unknown>]> = [
        [
          'filter.organisationId',
          await gql(
            `{ concerns(filter: { organisationId: "ORG-A" }) { totalCount } }`,
            {},
            tokens['qtLondon'],
          ),
        ],
        [
          'after (garbage)',
          await gql(`{ concerns(after: "not a cursor") { totalCount } }`, {}, tokens['qtLondon']),
        ],
        [
          'after (impossible day)',
          await gql(
            `query($a: String) { concerns(after: $a) { totalCount } }`,
            {
              a: Buffer.from(JSON.stringify(['2025-02-30', randomUUID()])).toString('base64url'),
            },
            tokens['qtLondon'],
          ),
        ],
        [
          'actionId',
          await act(
            'postConcernUpdate(id: $id, expectedVersion: $v, input: { text: "t", actionId: "a1" })',
            { id: concern.id, v: concern.version },
            tokens['qtLondon'],
          ),
        ],
        [
          'dueAt in year 9999',
          await act(
            'addConcernAction(id: $id, expectedVersion: $v, input: { kind: URGENT_RISK_REVIEW, description: "d", dueAt: "9999-01-01T00:00:00Z" })',
            { id: concern.id, v: concern.version },
            tokens['qtLondon'],
          ),
        ],
        [
          'followUpCode of 60,000 characters',
          await gql(`query($c: String!) { concernFollowUp(followUpCode: $c) { status } }`, {
            c: 'x'.repeat(60000),
          }),
        ],
      ];
      for (const [path, result] of inputs)
        expect({ path, code: errorCode(result) }).toEqual({ path, code: 'BAD_USER_INPUT' });
      expect(await counts()).toEqual(after);
      expect(after.concerns).toBe(Number(before.concerns) + 1);
    });
  });

  // Last, after concerns were raised, escalated, given actions and monitored: notifications are off by default.
  it('records and sends no notification while NOTIFY_SMTP_URL is unset', async () => {
    expect(await row('SELECT count(*)::int AS n FROM notification_trigger')).toEqual({ n: 0 });
    expect(await row('SELECT count(*)::int AS n FROM notification_email')).toEqual({ n: 0 });
  });
});
