import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { DEV_AUTH_SECRET } from '@nets/shared/auth';
import {
  createEvent,
  type EventTypeOf,
  type PayloadOf,
  type TopicDefinition,
} from '@nets/shared/contract-events';
import { serviceConfigSchema, startService } from '@nets/shared/service-runtime';
import {
  TEST_GATEWAY_SECRET,
  TEST_KAFKA_BROKERS,
  graphqlRequest,
  publishTestEvents,
  startTestPlatform,
  testLogger,
  testToken,
  waitFor,
  type TestPlatform,
} from '@nets/shared/testing';
import { createHash } from 'node:crypto';
import { resultsTopic } from '@nets/analytics/contract-events';
import { publishRegisteredOrganisations } from '@nets/platform/testing';
import { assessmentsTopic } from '@nets/provider-assessment/contract-events';
import { seriousConcernsTopic } from '@nets/response/contract-events';
import { concernsService } from '../concerns-service';

const ORG_A = randomUUID();
const ORG_B = randomUUID();
const LONDON_TEAM = 'quality.london@nets-test.example';
const NORTH_WEST_TEAM = 'quality.north-west@nets-test.example';
const ORG_A_MAILBOX = 'education.lead@riverside-test.example';
const ORG_B_MAILBOX = 'education.lead@northern-test.example';
const PROVIDER_A_OWN = 'me@riverside-test.example';

interface ReceivedEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
}

/**
 * A real SMTP server on a free port: what it accepts is parsed (mailparser) and kept; `refuseNext` makes it
 * answer the next messages with a temporary failure (451), as a busy server does.
 */
class TestSmtpServer {
  readonly received: ReceivedEmail[] = [];
  refuseNext = 0;
  refused = 0;
  private readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (this.refuseNext > 0) {
          this.refuseNext -= 1;
          this.refused += 1;
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then((mail) => {
            this.received.push({
              to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              html: typeof mail.html === 'string' ? mail.html : '',
              messageId: mail.messageId ?? '',
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });

  async start(): Promise<number> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return (this.server.server.address() as AddressInfo).port;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  to(address: string, subjectStart = ''): ReceivedEmail[] {
    return this.received.filter((mail) => mail.to.includes(address) && mail.subject.startsWith(subjectStart));
  }
}

describe('notifications: email through a real SMTP server from the outbox', () => {
  const smtp = new TestSmtpServer();
  let platform: TestPlatform;
  let database: Client;
  const tokens: Record<string, string> = {};
  const saved = { ...process.env };

  const gql = <T = Record<string, unknown>>(
    query: string,
    variables: Record<string, unknown>,
    token: string,
  ) => graphqlRequest<T>(platform.gatewayUrl, query, { variables, token });

  async function must<T>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
    const result = await gql<T>(query, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data!;
  }

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

  async function count(sql: string, params: unknown[] = []): Promise<number> {
    const result = await database.query<{ n: number }>(sql, params);
    return result.rows[0].n;
  }

  /** Outbox rows of a fact marked SENT: the SMTP server has them before the sender's transaction commits. */
  const sentRows = (key: string) =>
    count(`SELECT count(*)::int AS n FROM notification_email WHERE trigger_key = $1 AND status = 'SENT'`, [
      key,
    ]);

  async function act(mutation: string, id: string): Promise<void> {
    const { rows } = await database.query<{ version: number }>('SELECT version FROM concern WHERE id = $1', [
      id,
    ]);
    await must(
      `mutation($id: ID!, $v: Int!) { r: ${mutation} { id } }`,
      { id, v: rows[0].version },
      tokens['qtLondon'],
    );
  }

  async function raiseAbout(organisationId: string, token = tokens['qtLondon']): Promise<string> {
    const data = await must<{ raiseConcern: { id: string } }>(
      `mutation($input: RaiseConcernInput!) { raiseConcern(input: $input) { id } }`,
      {
        input: {
          organisationId,
          category: 'SUPERVISION',
          description: 'Learners on nights without a named supervisor.',
          standardsAtRisk: ['4.1'],
        },
      },
      token,
    );
    return data.raiseConcern.id;
  }

  /** A triaged concern with one immediate mandatory requirement, its due time then put in the past. */
  async function overdueActionOn(concernId: string): Promise<string> {
    await act('triageConcern(id: $id, expectedVersion: $v, input: { reason: "Credible risk" })', concernId);
    await act(
      'addConcernAction(id: $id, expectedVersion: $v, input: { kind: IMMEDIATE_MANDATORY_REQUIREMENT, description: "Name a supervisor for every night shift" })',
      concernId,
    );
    const { rows } = await database.query<{ id: string }>(
      `UPDATE concern_action SET due_at = now() - interval '1 hour' WHERE concern_id = $1 RETURNING id`,
      [concernId],
    );
    return rows[0].id;
  }

  beforeAll(async () => {
    const port = await smtp.start();
    process.env['NOTIFY_SMTP_URL'] = `smtp://127.0.0.1:${port}`;
    process.env['NOTIFY_FROM'] = 'NETS notifications <no-reply@nets-test.example>';
    process.env['NOTIFY_RETRY_BASE_MS'] = '200';
    platform = await startTestPlatform([concernsService]);
    database = new Client({ connectionString: platform.databases['concerns'].url });
    await database.connect();
    Object.assign(tokens, {
      qtLondon: await testToken({ role: 'QUALITY_TEAM', region: 'LONDON', subject: 'qt-london-1' }),
      providerA: await testToken({ role: 'PROVIDER_USER', organisationId: ORG_A, subject: 'provider-a' }),
      analyst: await testToken({ role: 'NATIONAL_ANALYST', subject: 'analyst' }),
      admin: await testToken({ role: 'ADMIN', subject: 'admin' }),
    });
    await publishRegisteredOrganisations(
      platform.topicPrefix,
      (
        [
          [ORG_A, 'Riverside Hospitals NHS Trust', 'LONDON'],
          [ORG_B, 'Northern Care NHS Trust', 'NORTH_WEST'],
        ] as const
      ).map(([id, name, region]) => ({
        id,
        odsCode: `R${id.slice(0, 4).toUpperCase()}`,
        name,
        kind: 'NHS_TRUST' as const,
        roles: ['PLACEMENT_PROVIDER' as const],
        region,
        sites: [],
        status: 'ACTIVE' as const,
        successorId: null,
      })),
    );
    await waitFor(async () => (await count('SELECT count(*)::int AS n FROM organisation_replica')) === 2, {
      description: 'the organisation replica',
    });
    const contacts: Array<Record<string, string>> = [
      { region: 'LONDON', email: LONDON_TEAM, name: 'London quality team' },
      { region: 'NORTH_WEST', email: NORTH_WEST_TEAM, name: 'North West quality team' },
      { organisationId: ORG_A, email: ORG_A_MAILBOX, name: 'Riverside education team' },
      { organisationId: ORG_B, email: ORG_B_MAILBOX, name: 'Northern education team' },
    ];
    for (const input of contacts)
      await must(
        `mutation($input: AddNotificationContactInput!) { addNotificationContact(input: $input) { id } }`,
        { input },
        tokens['admin'],
      );
  });

  afterAll(async () => {
    await database?.end();
    await platform?.stop();
    await smtp.stop();
    process.env = saved;
  });

  describe('contacts and preferences through the graph', () => {
    it('lets an administrator list the team mailboxes with the kinds each receives', async () => {
      const data = await must<{
        notificationContacts: Array<{
          email: string;
          region: string | null;
          organisation: { id: string } | null;
          kinds: string[];
        }>;
      }>(
        `query { notificationContacts(region: LONDON) { email region organisation { id } kinds } }`,
        {},
        tokens['admin'],
      );
      expect(data.notificationContacts).toEqual([
        {
          email: LONDON_TEAM,
          region: 'LONDON',
          organisation: null,
          kinds: [
            'ACTION_DUE_SOON',
            'ACTION_OVERDUE',
            'CONCERN_ASSIGNED',
            'CONCERN_ESCALATED',
            'RESULTS_RELEASED',
          ],
        },
      ]);
    });

    it('refuses contacts to anyone but an administrator, and bad input to anyone', async () => {
      const denied = await gql(`query { notificationContacts { email } }`, {}, tokens['qtLondon']);
      expect(denied.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
      for (const input of [
        { region: 'LONDON', email: 'not an address', name: 'x' },
        { region: 'LONDON', organisationId: ORG_A, email: 'a@b.example', name: 'x' },
        { organisationId: randomUUID(), email: 'a@b.example', name: 'x' },
        { region: 'LONDON', email: LONDON_TEAM.toUpperCase(), name: 'again' },
      ]) {
        const refused = await gql(
          `mutation($input: AddNotificationContactInput!) { addNotificationContact(input: $input) { id } }`,
          { input },
          tokens['admin'],
        );
        expect(refused.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      }
      expect(await count('SELECT count(*)::int AS n FROM notification_contact')).toBe(4);
    });

    it("keeps a provider user's own address and opt-outs; national roles receive none", async () => {
      const data = await must<{
        setMyNotificationPreferences: { email: string; optedOut: string[]; receives: string[] };
      }>(
        `mutation { setMyNotificationPreferences(input: { email: "${PROVIDER_A_OWN}", optedOut: [ACTION_DUE_SOON] }) { email optedOut receives } }`,
        {},
        tokens['providerA'],
      );
      expect(data.setMyNotificationPreferences).toEqual({
        email: PROVIDER_A_OWN,
        optedOut: ['ACTION_DUE_SOON'],
        receives: [
          'ACTION_OVERDUE',
          'CONCERN_ESCALATED',
          'PROVIDER_UPDATE_REQUESTED',
          'RESULTS_RELEASED',
          'SELF_ASSESSMENT_RETURNED',
        ],
      });
      const analyst = await gql(
        `mutation { setMyNotificationPreferences(input: { email: "a@nhs-test.example", optedOut: [] }) { email } }`,
        {},
        tokens['analyst'],
      );
      expect(analyst.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    });
  });

  describe('an overdue action', () => {
    let concernId: string;
    let actionId: string;

    beforeAll(async () => {
      concernId = await raiseAbout(ORG_A);
      actionId = await overdueActionOn(concernId);
      await waitFor(async () => (await sentRows(`ACTION_OVERDUE:${actionId}`)) === 3, {
        description: 'the overdue emails sent',
      });
    });

    it('sends one email to the quality team of its region and one to the organisation, and none elsewhere', async () => {
      const [london] = smtp.to(LONDON_TEAM, 'Overdue:');
      expect(smtp.to(LONDON_TEAM, 'Overdue:')).toHaveLength(1);
      expect(smtp.to(ORG_A_MAILBOX, 'Overdue:')).toHaveLength(1);
      expect(smtp.to(PROVIDER_A_OWN, 'Overdue:')).toHaveLength(1);
      expect(smtp.to(NORTH_WEST_TEAM)).toHaveLength(0);
      expect(smtp.to(ORG_B_MAILBOX)).toHaveLength(0);
      const { rows } = await database.query<{ reference: string }>(
        'SELECT reference FROM concern WHERE id = $1',
        [concernId],
      );
      expect(london.subject).toBe(`Overdue: immediate mandatory requirement on concern ${rows[0].reference}`);
      expect(london.text).toContain('Riverside Hospitals NHS Trust');
      expect(london.text).toContain('It is now overdue.');
      expect(london.html).toContain('<strong>Riverside Hospitals NHS Trust</strong>');
      expect(london.messageId).toMatch(/^<[0-9a-f-]{36}@notifications\.nets>$/);
    });

    it('records the fact once and one outbox row per recipient, all sent', async () => {
      expect(
        await count(`SELECT count(*)::int AS n FROM notification_trigger WHERE key = $1`, [
          `ACTION_OVERDUE:${actionId}`,
        ]),
      ).toBe(1);
      const { rows } = await database.query<{ recipient: string; status: string; attempts: number }>(
        `SELECT recipient, status, attempts FROM notification_email WHERE trigger_key = $1 ORDER BY recipient`,
        [`ACTION_OVERDUE:${actionId}`],
      );
      expect(rows).toEqual([
        { recipient: ORG_A_MAILBOX, status: 'SENT', attempts: 1 },
        { recipient: PROVIDER_A_OWN, status: 'SENT', attempts: 1 },
        { recipient: LONDON_TEAM, status: 'SENT', attempts: 1 },
      ]);
    });

    it('sends none again after the service restarts on the same database', async () => {
      const old = platform.services['concerns'];
      await old.stop();
      const config = serviceConfigSchema({ port: 0, database: 'unused' }).parse({
        NETS_ENV: 'test',
        PORT: String(old.port),
        DATABASE_URL: platform.databases['concerns'].url,
        KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','),
        KAFKA_TOPIC_PREFIX: platform.topicPrefix,
        GATEWAY_SECRET: TEST_GATEWAY_SECRET,
        AUTH_DEV_SECRET: DEV_AUTH_SECRET,
        SCHEDULE_INTERVAL_MS: '300',
      });
      platform.services['concerns'] = await startService(concernsService, config, testLogger('concerns'));
      // A second overdue action after the restart: once its email is in, the new instance's reminder job has run.
      const second = await raiseAbout(ORG_A);
      const secondAction = await overdueActionOn(second);
      await waitFor(async () => (await sentRows(`ACTION_OVERDUE:${secondAction}`)) === 3, {
        description: 'the second overdue action emailed by the new instance',
      });
      expect(smtp.to(LONDON_TEAM, 'Overdue:')).toHaveLength(2);
      expect(smtp.to(ORG_A_MAILBOX, 'Overdue:')).toHaveLength(2);
      expect(
        await count(`SELECT count(*)::int AS n FROM notification_email WHERE trigger_key = $1`, [
          `ACTION_OVERDUE:${actionId}`,
        ]),
      ).toBe(3);
    });
  });

  describe('other triggers', () => {
    it("tells the region's quality team of a learner's serious concern without the learner's text or contact details", async () => {
      const concernId = randomUUID();
      await publish(seriousConcernsTopic, 'nets.response.serious-concern-raised.v1', ORG_A, {
        concernId,
        followUpCodeHash: createHash('sha256').update('FUP-7Q4K-2M9X').digest('hex'),
        cycleYear: 2025,
        raisedOn: '2025-10-02',
        placement: { organisationId: ORG_A, siteId: null },
        learnerGroup: 'NURSING',
        profession: 'ADULT_NURSING',
        text: 'On ward 7 the registrar Dr Jones gave drugs without any checks.',
        contactDetails: {
          name: 'Sam Learner',
          email: 'learner.private@example.ac.uk',
          phone: '07700 900123',
        },
      });
      await waitFor(async () => (await sentRows(`CONCERN_ASSIGNED:${concernId}`)) === 1, {
        description: 'the new concern email',
      });
      const { rows } = await database.query<{
        recipient: string;
        text_body: string;
        html_body: string;
        subject: string;
      }>(`SELECT recipient, subject, text_body, html_body FROM notification_email WHERE trigger_key = $1`, [
        `CONCERN_ASSIGNED:${concernId}`,
      ]);
      expect(rows.map((row) => row.recipient)).toEqual([LONDON_TEAM]);
      const everything = JSON.stringify(rows);
      for (const secret of ['Jones', 'ward 7', 'Sam Learner', 'learner.private', '07700', 'FUP-'])
        expect(everything).not.toContain(secret);
    });

    it('tells an escalation to the organisation and its region, and monitoring to the organisation', async () => {
      const concernId = await raiseAbout(ORG_A);
      await act('triageConcern(id: $id, expectedVersion: $v, input: { reason: "Credible risk" })', concernId);
      await act(
        'escalateConcern(id: $id, expectedVersion: $v, toStep: 2, reason: "Local action not enough")',
        concernId,
      );
      await act(
        'addConcernAction(id: $id, expectedVersion: $v, input: { kind: URGENT_RISK_REVIEW, description: "Review nights", workingDays: 20 })',
        concernId,
      );
      await act('agreeConcernActionPlan(id: $id, expectedVersion: $v)', concernId);
      await act('startConcernMonitoring(id: $id, expectedVersion: $v)', concernId);
      await waitFor(async () => (await sentRows(`CONCERN_ESCALATED:${concernId}:2`)) === 3, {
        description: 'the escalation emails',
      });
      const monitoring = await database.query<{ trigger_key: string; recipient: string }>(
        `SELECT trigger_key, recipient FROM notification_email WHERE kind = 'PROVIDER_UPDATE_REQUESTED' AND trigger_key LIKE $1 ORDER BY recipient`,
        [`PROVIDER_UPDATE_REQUESTED:${concernId}:%`],
      );
      expect(monitoring.rows.map((row) => row.recipient)).toEqual([ORG_A_MAILBOX, PROVIDER_A_OWN]);
      const escalated = await database.query<{ recipient: string }>(
        `SELECT recipient FROM notification_email WHERE trigger_key = $1 ORDER BY recipient`,
        [`CONCERN_ESCALATED:${concernId}:2`],
      );
      expect(escalated.rows.map((row) => row.recipient)).toEqual([
        ORG_A_MAILBOX,
        PROVIDER_A_OWN,
        LONDON_TEAM,
      ]);
    });

    it("tells each organisation and region of a closed cycle's released results once, whatever the number of measures", async () => {
      const cell = (extra: Record<string, string>) => ({
        suppressed: true as const,
        reason: 'COMPLEMENTARY' as const,
        ...extra,
      });
      const eventIds: string[] = [];
      for (const measureKey of ['induction', 'supervision-quality']) {
        for (const [table, cells] of [
          ['ORGANISATION', [cell({ organisationId: ORG_A }), cell({ organisationId: ORG_B })]],
          ['REGION', [cell({ region: 'LONDON' })]],
        ] as const) {
          const id = randomUUID();
          eventIds.push(id);
          await publish(
            resultsTopic,
            'nets.analytics.results-published.v1',
            `2031:${measureKey}:${table}`,
            { year: 2031, measureKey, table, cycleStatus: 'CLOSED', minCellSize: 3, cells },
            id,
          );
        }
      }
      await waitFor(
        async () =>
          (await count(`SELECT count(*)::int AS n FROM processed_event WHERE event_id::text = ANY($1)`, [
            eventIds,
          ])) === 4,
        { description: 'every results message processed' },
      );
      await waitFor(
        async () =>
          (await count(
            `SELECT count(*)::int AS n FROM notification_email WHERE kind = 'RESULTS_RELEASED' AND status = 'SENT'`,
          )) === 4,
        { description: 'the released results emails sent' },
      );
      const { rows } = await database.query<{ trigger_key: string; recipient: string }>(
        `SELECT trigger_key, recipient FROM notification_email WHERE kind = 'RESULTS_RELEASED' ORDER BY trigger_key, recipient`,
      );
      expect(rows).toEqual(
        [
          { trigger_key: `RESULTS_RELEASED:2031:ORGANISATION:${ORG_A}`, recipient: ORG_A_MAILBOX },
          { trigger_key: `RESULTS_RELEASED:2031:ORGANISATION:${ORG_A}`, recipient: PROVIDER_A_OWN },
          { trigger_key: `RESULTS_RELEASED:2031:ORGANISATION:${ORG_B}`, recipient: ORG_B_MAILBOX },
          { trigger_key: 'RESULTS_RELEASED:2031:REGION:LONDON', recipient: LONDON_TEAM },
        ].sort((a, b) => (a.trigger_key + a.recipient).localeCompare(b.trigger_key + b.recipient)),
      );
      expect(smtp.to(ORG_B_MAILBOX, 'NETS 2031 results released')[0]?.text).toContain(
        'The NETS 2031 results for Northern Care NHS Trust are released.',
      );
    });
  });

  describe('delivery', () => {
    it('retries a delivery the server refused, and delivers it once', async () => {
      smtp.refuseNext = 1;
      const before = smtp.to(LONDON_TEAM, 'New concern').length;
      const concernId = await raiseAbout(ORG_A);
      await waitFor(async () => (await sentRows(`CONCERN_ASSIGNED:${concernId}`)) === 1, {
        description: 'the new concern email, after the refusal',
      });
      expect(smtp.refused).toBe(1);
      const { rows } = await database.query<{ status: string; attempts: number; last_error: string | null }>(
        `SELECT status, attempts, last_error FROM notification_email WHERE trigger_key = $1`,
        [`CONCERN_ASSIGNED:${concernId}`],
      );
      expect(rows).toEqual([{ status: 'SENT', attempts: 2, last_error: null }]);
      expect(smtp.to(LONDON_TEAM, 'New concern')).toHaveLength(before + 1);
    });

    it('tells a returned self-assessment to its organisation once, however often the event is delivered', async () => {
      const returned = {
        assessmentId: randomUUID(),
        organisationId: ORG_B,
        year: 2025,
        reviewedAt: new Date().toISOString(),
        comments: 'Evidence for standard 2.1 is missing.',
      };
      const eventId = randomUUID();
      await publish(assessmentsTopic, 'nets.assessment.returned.v1', ORG_B, returned, eventId);
      await publish(assessmentsTopic, 'nets.assessment.returned.v1', ORG_B, returned, eventId);
      await publish(assessmentsTopic, 'nets.assessment.returned.v1', ORG_B, returned);
      await waitFor(
        async () =>
          (await sentRows(`SELF_ASSESSMENT_RETURNED:${returned.assessmentId}:${returned.reviewedAt}`)) === 1,
        { description: 'the returned self-assessment email' },
      );
      await waitFor(async () => (await count(`SELECT count(*)::int AS n FROM processed_event`)) >= 4, {
        description: 'every delivery processed',
      });
      expect(smtp.to(ORG_B_MAILBOX, 'Provider Self-Assessment')).toHaveLength(1);
      expect(smtp.to(ORG_B_MAILBOX)[0].text).toContain('Northern Care NHS Trust');
      // The reviewer's comments stay in the portal.
      expect(smtp.to(ORG_B_MAILBOX)[0].text).not.toContain('standard 2.1');
      expect(smtp.to(NORTH_WEST_TEAM)).toHaveLength(0);
    });
  });
});
