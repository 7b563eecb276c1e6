import {
  answersFor,
  errorCode,
  loadOpenSurvey,
  registerTrust,
  submissionFor,
  submitWhenKnown,
  tokens,
  waitFor,
  type GatewayClient,
  type RegisteredOrganisation,
} from '@nets/shared/testing';
import { LATER_YEAR, type World } from '../support/world';

const CONTACT = { name: 'Priya Ravel', email: 'priya.ravel@student.example.ac.uk', phone: '07700 900456' };
const CONCERN_TEXT =
  'On Larch ward the night registrar left two of us alone with a deteriorating patient and no senior cover.';
const REPLY = 'Thank you for telling us. The regional quality team is contacting the trust this week.';

const CONCERN = `query($id: ID!) {
  concern(id: $id) {
    id reference version status source category region isTriageCandidate description
    organisation { id name }
    learnerDetails { text contactName contactEmail contactPhone }
    timeline { kind actorRole what detail }
  }
}`;
const FOLLOW_UP = `query($code: String!) {
  concernFollowUp(followUpCode: $code) { reference status replies { text } }
}`;

interface ConcernView {
  id: string;
  reference: string;
  version: number;
  status: string;
  source: string;
  category: string;
  region: string;
  isTriageCandidate: boolean;
  description: string;
  organisation: { id: string; name: string };
  learnerDetails: null | { text: string; contactName: string; contactEmail: string; contactPhone: string };
  timeline: Array<{ kind: string; actorRole: string; what: string; detail: string | null }>;
}

export function seriousConcernJourney(world: () => World): void {
  describe('Journey 3: a learner flags a serious concern and follows it with the follow-up code', () => {
    let gateway: GatewayClient;
    let trust: RegisteredOrganisation;
    let qualityTeam: string;
    let followUpCode: string;
    let concernId: string;

    beforeAll(async () => {
      gateway = world().gateway;
      const admin = await tokens.admin();
      qualityTeam = await tokens.qualityTeam('LONDON');
      trust = await registerTrust(gateway.as(admin), 'RQX', 'Hollowmere Hospitals NHS Trust', 'LONDON');
      await registerTrust(gateway.as(admin), 'RWZ', 'Fellgate Acute NHS Trust', 'NORTH_WEST');
    });

    it('takes the anonymous response with its serious concern and gives the learner a follow-up code', async () => {
      const survey = await loadOpenSurvey(gateway.as());
      expect(survey.year).toBe(LATER_YEAR);
      const answers = answersFor(survey, {
        Q_SERIOUS_CONCERN: ['YES'],
        Q_SERIOUS_CONCERN_DETAILS: CONCERN_TEXT,
      });
      const receipt = await submitWhenKnown(
        gateway,
        submissionFor(survey, trust, answers, { seriousConcernContact: CONTACT }),
      );
      expect(receipt.receiptCode).toBeTruthy();
      expect(receipt.seriousConcernFollowUpCode).toBeTruthy();
      expect(receipt.seriousConcernFollowUpCode).not.toBe(receipt.receiptCode);
      followUpCode = receipt.seriousConcernFollowUpCode ?? '';
    });

    it('shows the concern to the quality team of the region, with the learner’s account and contact details', async () => {
      const found = await waitFor(
        async () => {
          const { concerns } = await gateway.call<{
            concerns: { nodes: Array<{ id: string; source: string }> };
          }>(
            `query($org: ID!) { concerns(filter: { organisationId: $org }) { nodes { id source } } }`,
            { org: trust.id },
            qualityTeam,
          );
          return concerns.nodes.find((node) => node.source === 'LEARNER_SERIOUS_CONCERN');
        },
        { timeoutMs: 45_000, intervalMs: 300, description: 'the serious concern to reach the quality team' },
      );
      concernId = found.id;
      const { concern } = await gateway.call<{ concern: ConcernView }>(
        CONCERN,
        { id: concernId },
        qualityTeam,
      );
      expect(concern).toMatchObject({
        status: 'RAISED',
        source: 'LEARNER_SERIOUS_CONCERN',
        region: 'LONDON',
        isTriageCandidate: true,
        organisation: { id: trust.id, name: trust.name },
        learnerDetails: {
          text: CONCERN_TEXT,
          contactName: CONTACT.name,
          contactEmail: CONTACT.email,
          contactPhone: CONTACT.phone,
        },
      });
      expect(concern.description).not.toContain('Larch ward');
    });

    it('shows the provider the concern about it without the learner’s words or contact details, on every path', async () => {
      const provider = await tokens.provider(trust.id);
      const paths = {
        concern: await gateway.request(CONCERN, { id: concernId }, provider),
        list: await gateway.request(
          `{ concerns { nodes { id status learnerDetails { text contactName contactEmail contactPhone } } } }`,
          {},
          provider,
        ),
        organisation: await gateway.request(
          `query($id: ID!) { organisation(id: $id) { name concerns { id description
          learnerDetails { text contactName contactEmail contactPhone } } } }`,
          { id: trust.id },
          provider,
        ),
      };
      for (const [path, response] of Object.entries(paths)) {
        expect({ path, errors: response.errors }).toEqual({ path, errors: undefined });
        const raw = JSON.stringify(response);
        const leaked = [CONTACT.name, CONTACT.email, CONTACT.phone, CONCERN_TEXT, 'Larch'].filter((secret) =>
          raw.includes(secret),
        );
        expect({ path, leaked }).toEqual({ path, leaked: [] });
      }
      expect(paths.concern.data).toMatchObject({ concern: { id: concernId, learnerDetails: null } });
      expect(JSON.stringify(paths.organisation.data)).toContain(concernId);
    });

    it('hides the concern from another region’s quality team and from anonymous callers', async () => {
      const otherRegion = await tokens.qualityTeam('NORTH_WEST');
      expect(errorCode(await gateway.request(CONCERN, { id: concernId }, otherRegion))).toBe('NOT_FOUND');
      expect(errorCode(await gateway.request(CONCERN, { id: concernId }))).toBe('FORBIDDEN');
    });

    it('lets the learner follow its status with the code, and read the quality team’s reply', async () => {
      const first = await gateway.call<{ concernFollowUp: { status: string; replies: unknown[] } }>(
        FOLLOW_UP,
        {
          code: followUpCode,
        },
      );
      expect(first.concernFollowUp).toMatchObject({ status: 'RAISED', replies: [] });
      expect(errorCode(await gateway.request(FOLLOW_UP, { code: 'FUP-NOT-THE-CODE' }))).toBe('NOT_FOUND');

      const { concern } = await gateway.call<{ concern: ConcernView }>(
        CONCERN,
        { id: concernId },
        qualityTeam,
      );
      const replied = await gateway.call<{ replyToLearner: { version: number } }>(
        `mutation($id: ID!, $v: Int!, $text: String!) { replyToLearner(id: $id, expectedVersion: $v, text: $text) { version } }`,
        { id: concernId, v: concern.version, text: REPLY },
        qualityTeam,
      );
      await gateway.call(
        `mutation($id: ID!, $v: Int!) { triageConcern(id: $id, expectedVersion: $v,
        input: { reason: "Credible risk to learners and patients", category: LEARNER_SAFETY }) { status } }`,
        { id: concernId, v: replied.replyToLearner.version },
        qualityTeam,
      );
      const followed = await gateway.call<{
        concernFollowUp: { reference: string; status: string; replies: Array<{ text: string }> };
      }>(FOLLOW_UP, { code: followUpCode });
      expect(followed.concernFollowUp).toEqual({
        reference: concern.reference,
        status: 'TRIAGED',
        replies: [{ text: REPLY }],
      });

      const providerView = await gateway.call<{ concern: ConcernView }>(
        CONCERN,
        { id: concernId },
        await tokens.provider(trust.id),
      );
      const reply = providerView.concern.timeline.find((entry) => entry.kind === 'REPLY_TO_LEARNER');
      expect(reply).toMatchObject({ detail: null });
      expect(JSON.stringify(providerView)).not.toContain(REPLY);
    });
  });
}
