import {
  answersFor,
  closeCycle,
  loadOpenSurvey,
  registerTrust,
  submissionFor,
  submitWhenKnown,
  testKafkaClient,
  tokens,
  TopicRecorder,
  waitFor,
  type GatewayClient,
  type Receipt,
  type RecordedMessage,
} from '@nets/shared/testing';
import { loadPublicContract, type PublicContract } from '../support/asyncapi-contract';
import {
  REVIEW_SELF_ASSESSMENT,
  selfAssessmentAnswers,
  submitSelfAssessment,
} from '../support/self-assessment-steps';
import { YEAR, type World } from '../support/world';

/** Learner-level topics (DESIGN.md §4): named services only, never in the public AsyncAPI document. */
const RESTRICTED_TOPICS = ['nets.responses.v1', 'nets.serious-concerns.v1'];
const CONTACT = {
  name: 'Oluwaseun Hartley',
  email: 'o.hartley@learners.example.ac.uk',
  phone: '07700 900321',
};
const CONCERN_TEXT = 'Staff on Rowan ward told us to sign controlled drug checks we never witnessed.';
const FEEDBACK = [
  'Dr Imelda Crane on Juniper ward was a brilliant supervisor, ring her on 07700 900654.',
  'Sister Bronwyn Achterberg at Thornfield Hospital never had time for students.',
  'Teaching from Mr Casimir Oduya was excellent, email casimir.oduya@hospital.example.nhs.uk',
];
const REPLY = 'We have spoken to the trust’s Director of Nursing and will update you within a week.';
/** Keys that would carry learner-level data if a producer leaked it. */
const RESTRICTED_KEYS = ['answers', 'contactDetails', 'followUpCode', 'followUpCodeHash', 'receiptCode'];

function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => keysOf(item, into));
  else if (value && typeof value === 'object')
    for (const [key, child] of Object.entries(value)) {
      into.add(key);
      keysOf(child, into);
    }
  return into;
}

export function publicTopicsJourney(world: () => World): void {
  describe('Journey 5: an outside consumer reads every public topic and finds only what the contract promises', () => {
    let prefix: string;
    let contract: PublicContract;
    let recorder: TopicRecorder;
    const receipts: Receipt[] = [];
    let topicsOnBroker: string[] = [];
    const logical = (message: RecordedMessage) => message.topic.slice(prefix.length);
    const documented = () => recorder.messages.filter((m) => contract.topics.includes(logical(m)));
    /** Everything a data consumer could read: every topic but the restricted ones and dead letters. */
    const readable = () =>
      recorder.messages.filter((m) => !RESTRICTED_TOPICS.includes(logical(m)) && !m.topic.endsWith('.dlq'));
    const typesOn = (topic: string) =>
      recorder.messages.filter((m) => logical(m) === topic).map((m) => (m.value as { type: string }).type);

    /** A short life of the platform touching every service, so that every producer has written. */
    async function runScenario(gateway: GatewayClient): Promise<void> {
      const admin = await tokens.admin();
      const qualityTeam = await tokens.qualityTeam('LONDON');
      const trust = await registerTrust(gateway.as(admin), 'RJW', 'Wychbourne Hospitals NHS Trust', 'LONDON');
      const other = await registerTrust(gateway.as(admin), 'RJV', 'Vellacott NHS Trust', 'NORTH_WEST');
      await gateway.call(
        `mutation($id: ID!) { updateOrganisation(id: $id, input: { name: "Vellacott and District NHS Trust" }) { id } }`,
        { id: other.id },
        admin,
      );
      // The registry's other changes: a trust merged into another, and one closed.
      const mergedAway = await registerTrust(
        gateway.as(admin),
        'RJM',
        'Marlowe Community NHS Trust',
        'NORTH_WEST',
      );
      const closing = await registerTrust(
        gateway.as(admin),
        'RJC',
        'Cranleigh Mental Health NHS Trust',
        'LONDON',
      );
      await gateway.call(
        `mutation($from: ID!, $into: ID!) { mergeOrganisations(fromId: $from, intoId: $into) { __typename } }`,
        { from: mergedAway.id, into: other.id },
        admin,
      );
      await gateway.call(
        `mutation($id: ID!) { closeOrganisation(id: $id) { id } }`,
        { id: closing.id },
        admin,
      );

      const { questionSet } = world();
      const provider = await tokens.provider(trust.id);
      await submitSelfAssessment(
        gateway,
        provider,
        trust.id,
        YEAR,
        selfAssessmentAnswers(questionSet, YEAR, '1.7'),
      );
      for (const decision of ['START_REVIEW', 'RETURN'])
        await gateway.call(
          REVIEW_SELF_ASSESSMENT,
          {
            input: {
              organisationId: trust.id,
              year: YEAR,
              decision,
              comments: 'Evidence for 1.7 is undated.',
            },
          },
          qualityTeam,
        );

      const survey = await loadOpenSurvey(gateway.as());
      for (const comment of FEEDBACK)
        receipts.push(
          await submitWhenKnown(
            gateway,
            submissionFor(survey, trust, answersFor(survey, { Q_COULD_IMPROVE: comment })),
          ),
        );
      const concernAnswers = answersFor(survey, {
        Q_SERIOUS_CONCERN: ['YES'],
        Q_SERIOUS_CONCERN_DETAILS: CONCERN_TEXT,
      });
      receipts.push(
        await submitWhenKnown(
          gateway,
          submissionFor(survey, trust, concernAnswers, { seriousConcernContact: CONTACT }),
        ),
      );

      const concern = await waitFor(
        async () => {
          const { concerns } = await gateway.call<{
            concerns: { nodes: Array<{ id: string; version: number; source: string }> };
          }>(
            `query($org: ID!) { concerns(filter: { organisationId: $org }) { nodes { id version source } } }`,
            { org: trust.id },
            qualityTeam,
          );
          return concerns.nodes.find((node) => node.source === 'LEARNER_SERIOUS_CONCERN');
        },
        { timeoutMs: 45_000, intervalMs: 300, description: 'the serious concern to reach the quality team' },
      );
      let version = concern.version;
      for (const mutation of [
        `replyToLearner(id: $id, expectedVersion: $v, text: ${JSON.stringify(REPLY)})`,
        'triageConcern(id: $id, expectedVersion: $v, input: { reason: "Credible risk", category: PATIENT_SAFETY })',
        'escalateConcern(id: $id, expectedVersion: $v, toStep: 2, reason: "Needs the education provider")',
        'shareConcernWithRegulators(id: $id, expectedVersion: $v, regulators: [NMC], summary: "Medicines governance on one ward")',
      ]) {
        const result = await gateway.call<{ result: { version: number } }>(
          `mutation($id: ID!, $v: Int!) { result: ${mutation} { version } }`,
          { id: concern.id, v: version },
          qualityTeam,
        );
        version = result.result.version;
      }
      // A concern the quality team raised against the wrong trust, and withdrew.
      const { raiseConcern: mistaken } = await gateway.call<{
        raiseConcern: { id: string; version: number };
      }>(
        `mutation($o: ID!) { raiseConcern(input: { organisationId: $o, source: QUALITY_TEAM, category: SUPERVISION,
          description: "Students report no named supervisor on two wards." }) { id version } }`,
        { o: trust.id },
        qualityTeam,
      );
      await gateway.call(
        `mutation($id: ID!, $v: Int!) { withdrawConcern(id: $id, expectedVersion: $v, reason: "Raised against the wrong trust") { id } }`,
        { id: mistaken.id, v: mistaken.version },
        qualityTeam,
      );
      await closeCycle(gateway.as(admin), survey.year);
    }

    beforeAll(async () => {
      contract = loadPublicContract();
      prefix = world().platform.topicPrefix;
      await runScenario(world().gateway);
      // Read only now, from the beginning, as a consumer arriving after the fact would: every topic the
      // platform created, so that the search for restricted data also covers any topic missing from the document.
      const lister = testKafkaClient('e2e-topic-lister').admin();
      await lister.connect();
      try {
        topicsOnBroker = (await lister.listTopics())
          .filter((topic) => topic.startsWith(prefix))
          .map((topic) => topic.slice(prefix.length));
      } finally {
        await lister.disconnect();
      }
      recorder = await new TopicRecorder(
        testKafkaClient('e2e-outside-consumer'),
        topicsOnBroker.map((topic) => `${prefix}${topic}`),
      ).start();
      await waitFor(
        async () =>
          typesOn('nets.concerns.v1').includes('nets.concern.escalated.v1') &&
          typesOn('nets.concerns.v1').includes('nets.concern.shared-with-regulator.v1') &&
          typesOn('nets.concerns.v1').includes('nets.concern.withdrawn.v1') &&
          typesOn('nets.organisations.v1').includes('nets.organisation.merged.v1') &&
          typesOn('nets.organisations.v1').includes('nets.organisation.closed.v1') &&
          typesOn('nets.assessments.v1').includes('nets.assessment.returned.v1') &&
          typesOn('nets.survey.v1').includes('nets.survey.cycle-closed.v1') &&
          typesOn('nets.organisations.v1').includes('nets.organisation.updated.v1') &&
          typesOn('nets.serious-concerns.v1').length > 0 &&
          // Journeys 1 and 2, earlier on the same platform: the results and flags analytics published when
          // their cycles were released, a closed concern.
          typesOn('nets.concerns.v1').includes('nets.concern.closed.v1') &&
          typesOn('nets.analytics-flags.v1').length > 0 &&
          typesOn('nets.results.v1').length > 0,
        { timeoutMs: 45_000, intervalMs: 200, description: 'the scenario’s events on every topic' },
      );
      // Let stragglers (events the scenario's last steps caused) arrive.
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }, 420_000);

    afterAll(async () => {
      await recorder?.stop();
    });

    it('documents no learner-level topic publicly', () => {
      expect(contract.topics.filter((topic) => RESTRICTED_TOPICS.includes(topic))).toEqual([]);
      expect(contract.topics).toEqual(
        expect.arrayContaining([
          'nets.survey.v1',
          'nets.organisations.v1',
          'nets.assessments.v1',
          'nets.concerns.v1',
        ]),
      );
    });

    it('finds every message on every public topic valid against its documented schema, headers included', () => {
      const invalid = documented()
        .map((m) => ({
          topic: logical(m),
          offset: m.offset,
          problems: contract.check(logical(m), m.value, m.headers),
        }))
        .filter((m) => m.problems.length > 0);
      expect(invalid).toEqual([]);
      // Every documented type, as the journeys on this platform drive them: none is documented and never sent.
      const seen = new Set(documented().map((m) => (m.value as { type: string }).type));
      expect(contract.types.filter((type) => !seen.has(type))).toEqual([]);
      expect(contract.types).toHaveLength(22);
    });

    it('finds no learner answers, free text, contact details, codes or replies on any public topic', () => {
      const secrets = [
        ...Object.values(CONTACT),
        CONCERN_TEXT,
        'Rowan ward',
        ...FEEDBACK,
        'Imelda Crane',
        'Achterberg',
        'Casimir',
        '07700 900654',
        REPLY,
        ...receipts.flatMap((receipt) => [receipt.receiptCode, receipt.seriousConcernFollowUpCode ?? 'none']),
      ];
      const wire = readable().map((m) => JSON.stringify({ key: m.key, headers: m.headers, value: m.value }));
      expect(secrets.filter((secret) => wire.some((text) => text.includes(secret)))).toEqual([]);
      const keys = keysOf(readable().map((m) => m.value));
      expect(RESTRICTED_KEYS.filter((key) => keys.has(key))).toEqual([]);
      // The same search does find them where they belong: the restricted topics carried them.
      const restricted = JSON.stringify(
        recorder.messages.filter((m) => RESTRICTED_TOPICS.includes(logical(m))),
      );
      expect(restricted).toContain(CONTACT.email);
      expect(restricted).toContain(CONCERN_TEXT);
    });

    it('carries what a learner set off at day precision only, envelope time included, and no site or learner group', () => {
      const MIDNIGHT = /T00:00:00(\.000)?Z$/;
      type Raised = { type: string; time: string; data: { source?: string; occurredAt: string } };
      const learnerRecords = readable()
        .filter((m) => logical(m) === 'nets.concerns.v1')
        .filter((m) => {
          const value = m.value as Raised;
          return value.type === 'nets.concern.raised.v1' && value.data.source === 'LEARNER_SERIOUS_CONCERN';
        });
      const learnerRaised = learnerRecords.map((m) => m.value as Raised);
      expect(learnerRaised.length).toBeGreaterThan(0);
      expect(
        learnerRaised.filter((v) => !MIDNIGHT.test(v.time) || !MIDNIGHT.test(v.data.occurredAt)),
      ).toEqual([]);
      // The Kafka record's own timestamp is the day too, not the moment the relay sent it.
      const DAY_MS = 86_400_000;
      expect(learnerRecords.filter((m) => Number(m.timestamp) % DAY_MS !== 0)).toEqual([]);
      const placementKeys = ['siteId', 'learnerGroup', 'learnerGroups'];
      expect(placementKeys.filter((key) => keysOf(learnerRaised).has(key))).toEqual([]);
    });

    it('parked nothing on a dead-letter topic', () => {
      expect(recorder.messages.filter((m) => m.topic.endsWith('.dlq')).map((m) => m.topic)).toEqual([]);
    });

    it('documents every topic under the platform’s prefix that is not restricted', () => {
      const undocumented = topicsOnBroker.filter(
        (topic) =>
          !topic.endsWith('.dlq') && !contract.topics.includes(topic) && !RESTRICTED_TOPICS.includes(topic),
      );
      expect(undocumented).toEqual([]);
    });
  });
}
