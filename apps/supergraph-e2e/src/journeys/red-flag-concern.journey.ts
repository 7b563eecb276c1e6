import {
  answersFor,
  closeCycleAndReleaseResults,
  errorCode,
  loadOpenSurvey,
  openCycleWithDefaultQuestionnaire,
  registerTrust,
  submissionFor,
  submitWhenKnown,
  tokens,
  waitFor,
  type GatewayClient,
  type RegisteredOrganisation,
} from '@nets/shared/testing';
import { QUALITY_FLAGS, measureResults, type ResultRow } from '../support/results-steps';
import { NEXT_YEAR, type World } from '../support/world';

const MEASURE = 'overall-experience';
const POOR_LEARNERS = 6;
const GOOD_LEARNERS_EACH = 4;

const CONCERN_FIELDS = `fragment C on Concern {
  id reference version status source category region escalationStep isTriageCandidate description
  organisation { id name }
  risk { likelihood consequence score }
  isfLevel { level name }
  actions { id kind description status completedAt }
  timeline { at actorRole kind what why }
  resolvedAt closedAt
}`;
const CONCERN = `query($id: ID!) { concern(id: $id) { ...C } } ${CONCERN_FIELDS}`;

interface ConcernView {
  id: string;
  version: number;
  status: string;
  source: string;
  region: string;
  escalationStep: number;
  isTriageCandidate: boolean;
  description: string;
  organisation: { id: string; name: string };
  risk: { likelihood: number; consequence: number; score: number } | null;
  isfLevel: { level: number; name: string } | null;
  actions: Array<{
    id: string;
    kind: string;
    description: string;
    status: string;
    completedAt: string | null;
  }>;
  timeline: Array<{ at: string; actorRole: string; kind: string; what: string; why: string | null }>;
  resolvedAt: string | null;
  closedAt: string | null;
}

export function redFlagConcernJourney(world: () => World): void {
  describe('Journey 2: a RED flag becomes a concern that the quality team and the provider see through to closure', () => {
    let gateway: GatewayClient;
    let poor: RegisteredOrganisation;
    let good: RegisteredOrganisation[];
    let admin: string;
    let qualityTeam: string;
    let provider: string;
    let concern: ConcernView;

    /**
     * One step of the concern's life by `token`, on the version last read: `field` uses `$id`, `$v` (the
     * expected version) and `$input` (of `inputType`). Returns the concern after it.
     */
    const act = async (token: string, field: string, input: unknown, inputType = 'String!') => {
      const { result } = await gateway.call<{ result: ConcernView }>(
        `mutation($id: ID!, $v: Int!, $input: ${inputType}) { result: ${field} { ...C } } ${CONCERN_FIELDS}`,
        { id: concern.id, v: concern.version, input },
        token,
      );
      concern = result;
      return result;
    };

    beforeAll(async () => {
      gateway = world().gateway;
      admin = await tokens.admin();
      poor = await registerTrust(gateway.as(admin), 'RMP', 'Marshfield Priory NHS Trust', 'SOUTH_EAST');
      good = [
        await registerTrust(gateway.as(admin), 'RMG', 'Goldcrest Valley NHS Trust', 'SOUTH_EAST'),
        await registerTrust(gateway.as(admin), 'RMH', 'Hazelmere Community NHS Trust', 'LONDON'),
        await registerTrust(gateway.as(admin), 'RMJ', 'Juniper Coast NHS Trust', 'SOUTH_WEST'),
      ];
      qualityTeam = await tokens.qualityTeam('SOUTH_EAST');
      provider = await tokens.provider(poor.id);
    });

    it('takes the responses of the next cycle, which an administrator opens after journey 1’s release', async () => {
      // Journey 1 released YEAR with exactly its own learners, and released results never change.
      await openCycleWithDefaultQuestionnaire(gateway.as(admin), NEXT_YEAR);
      const survey = await loadOpenSurvey(gateway.as());
      expect(survey.year).toBe(NEXT_YEAR);
      for (const trust of good)
        for (let i = 0; i < GOOD_LEARNERS_EACH; i += 1)
          await submitWhenKnown(
            gateway,
            submissionFor(survey, trust, answersFor(survey, { Q_OVERALL_EXPERIENCE: ['GOOD'] })),
          );
      for (let i = 0; i < POOR_LEARNERS; i += 1)
        await submitWhenKnown(
          gateway,
          submissionFor(survey, poor, answersFor(survey, { Q_OVERALL_EXPERIENCE: ['POOR'] })),
        );
    });

    it('is closed by an administrator, who releases the results once all its responses are counted', async () => {
      const respondents = POOR_LEARNERS + good.length * GOOD_LEARNERS_EACH;
      expect(await closeCycleAndReleaseResults(gateway.as(admin), NEXT_YEAR, respondents)).toMatchObject({
        year: NEXT_YEAR,
        status: 'RELEASED',
        respondents,
      });
    });

    it('turns the measure RED at the provider whose learners rate it poor', async () => {
      // Nationally 12 of 18 learners rate it good (12 of 12 at three trusts, 0 of 6 here): 66.67%. 0 of 6 is
      // the lowest value of the benchmark group, so in the bottom quartile, and its 95% Wilson interval,
      // 0 to 3.8415 / (6 + 3.8415) = 0.3903, lies wholly below 0.6667: RED. Three learners would do
      // (upper 0.5615); six keep the margin.
      const [row] = await measureResults(gateway, qualityTeam, {
        year: NEXT_YEAR,
        measures: [MEASURE],
        filter: { organisationIds: [poor.id] },
        groupBy: ['ORGANISATION'],
      });
      expect(row).toMatchObject({ respondents: 6, positive: 0, percentPositive: 0, flag: 'RED' });
      expect(row.interval?.upper).toBeCloseTo(0.3903, 4);
      expect(row.benchmark.national).toBeCloseTo(66.6667, 3);
      const { qualityFlags } = await gateway.call<{ qualityFlags: Array<{ result: ResultRow }> }>(
        QUALITY_FLAGS,
        { year: NEXT_YEAR, filter: { organisationIds: [poor.id] } },
        qualityTeam,
      );
      expect(qualityFlags.map(({ result }) => [result.measureKey, result.group.table, result.flag])).toEqual(
        expect.arrayContaining([
          [MEASURE, 'ORGANISATION', 'RED'],
          [MEASURE, 'ORGANISATION_BY_LEARNER_GROUP', 'RED'],
        ]),
      );
      expect(qualityFlags).toHaveLength(2);
    });

    it('opens one triage candidate concern for the region’s quality team', async () => {
      const found = await waitFor(
        async () => {
          const { concerns } = await gateway.call<{
            concerns: { nodes: Array<{ id: string; source: string }> };
          }>(
            `query($org: ID!) { concerns(filter: { organisationId: $org }) { nodes { id source } } }`,
            { org: poor.id },
            qualityTeam,
          );
          return concerns.nodes.length > 0 ? concerns.nodes : undefined;
        },
        {
          timeoutMs: 60_000,
          intervalMs: 300,
          description: 'the RED flag’s concern to reach the quality team',
        },
      );
      expect(found.map((node) => node.source)).toEqual(['ANALYTICS_RED_FLAG']);
      concern = (await gateway.call<{ concern: ConcernView }>(CONCERN, { id: found[0].id }, qualityTeam))
        .concern;
      expect(concern).toMatchObject({
        status: 'RAISED',
        source: 'ANALYTICS_RED_FLAG',
        region: 'SOUTH_EAST',
        isTriageCandidate: true,
        escalationStep: 1,
        organisation: { id: poor.id, name: poor.name },
      });
      expect(concern.description).toContain(MEASURE);
      // The organisation's own flag, the ORGANISATION_BY_LEARNER_GROUP one and any republication opened no other.
      const elsewhere = await tokens.qualityTeam('LONDON');
      expect(errorCode(await gateway.request(CONCERN, { id: concern.id }, elsewhere))).toBe('NOT_FOUND');
    });

    it('is triaged, graded, escalated and given an action by the quality team', async () => {
      expect(
        await act(
          qualityTeam,
          `triageConcern(id: $id, expectedVersion: $v, input: $input)`,
          {
            reason: 'Six of six learners rated the placement poor: credible risk to education',
            category: 'EDUCATION_DELIVERY',
            risk: { likelihood: 4, consequence: 3, controls: 'Practice educator on site two days a week' },
          },
          'TriageConcernInput!',
        ),
      ).toMatchObject({
        status: 'TRIAGED',
        isTriageCandidate: false,
        risk: { likelihood: 4, consequence: 3, score: 12 },
      });
      expect(
        await act(
          qualityTeam,
          `setConcernIsfLevel(id: $id, expectedVersion: $v, level: 2, rationale: $input)`,
          'Enhanced monitoring until the next survey shows improvement',
        ),
      ).toMatchObject({ status: 'TRIAGED', isfLevel: { level: 2, name: 'Level 2: enhanced monitoring' } });
      expect(
        await act(
          qualityTeam,
          `escalateConcern(id: $id, expectedVersion: $v, toStep: 2, reason: $input)`,
          'The education provider must review the placement',
        ),
      ).toMatchObject({ status: 'ESCALATED', escalationStep: 2 });
      const withAction = await act(
        qualityTeam,
        `addConcernAction(id: $id, expectedVersion: $v, input: $input)`,
        {
          kind: 'SENIOR_LEADER_ENGAGEMENT_VISIT',
          description: 'Visit the placement with the Director of Nursing',
          workingDays: 15,
        },
        'AddConcernActionInput!',
      );
      expect(withAction.actions).toEqual([
        expect.objectContaining({
          kind: 'SENIOR_LEADER_ENGAGEMENT_VISIT',
          status: 'OPEN',
          completedAt: null,
        }),
      ]);
    });

    it('takes the provider’s progress update and proposed resolution, but not its confirmation', async () => {
      const stale = concern.version - 1;
      const updated = await act(
        provider,
        `postConcernUpdate(id: $id, expectedVersion: $v, input: $input)`,
        {
          text: 'Visit held; supervision rota rebuilt with two practice educators',
          actionId: concern.actions[0].id,
          completesAction: true,
        },
        'PostConcernUpdateInput!',
      );
      expect(updated.actions[0].status).toBe('COMPLETED');
      expect(updated.actions[0].completedAt).toBeTruthy();
      const staleAttempt = await gateway.request(
        `mutation($id: ID!, $v: Int!) { proposeConcernResolution(id: $id, expectedVersion: $v, evidence: "x") { id } }`,
        { id: concern.id, v: stale },
        provider,
      );
      expect(errorCode(staleAttempt)).toBe('CONFLICT');
      expect(
        await act(
          provider,
          `proposeConcernResolution(id: $id, expectedVersion: $v, evidence: $input)`,
          'Learner pulse survey in March: 9 of 10 rate supervision good',
        ),
      ).toMatchObject({ status: 'RESOLUTION_PROPOSED' });
      const selfConfirmed = await gateway.request(
        `mutation($id: ID!, $v: Int!) { confirmConcernResolution(id: $id, expectedVersion: $v, reason: "done") { id } }`,
        { id: concern.id, v: concern.version },
        provider,
      );
      expect(errorCode(selfConfirmed)).toBe('FORBIDDEN');
    });

    it('is confirmed resolved and closed by the quality team', async () => {
      const resolved = await act(
        qualityTeam,
        `confirmConcernResolution(id: $id, expectedVersion: $v, accepted: true, reason: $input)`,
        'Evidence accepted at the quality review meeting',
      );
      expect(resolved).toMatchObject({ status: 'RESOLVED', closedAt: null });
      expect(resolved.resolvedAt).toBeTruthy();
      const closed = await act(
        qualityTeam,
        `closeConcern(id: $id, expectedVersion: $v, reason: $input)`,
        'Closed after confirmation',
      );
      expect(closed.status).toBe('CLOSED');
      expect(closed.closedAt).toBeTruthy();
    });

    it('shows the whole timeline, in order, to the quality team and to the provider', async () => {
      const expected = [
        ['ANALYTICS', 'RAISED'],
        ['QUALITY_TEAM', 'TRIAGE'],
        ['QUALITY_TEAM', 'SET_ISF_LEVEL'],
        ['QUALITY_TEAM', 'ESCALATE'],
        ['QUALITY_TEAM', 'ADD_ACTION'],
        ['PROVIDER_USER', 'POST_UPDATE'],
        ['PROVIDER_USER', 'PROPOSE_RESOLUTION'],
        ['QUALITY_TEAM', 'CONFIRM_RESOLUTION'],
        ['QUALITY_TEAM', 'CLOSE'],
      ];
      for (const reader of [qualityTeam, provider]) {
        const { concern: seen } = await gateway.call<{ concern: ConcernView }>(
          CONCERN,
          { id: concern.id },
          reader,
        );
        expect(seen.status).toBe('CLOSED');
        expect(seen.timeline.map((entry) => [entry.actorRole, entry.kind])).toEqual(expected);
        const times = seen.timeline.map((entry) => Date.parse(entry.at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        expect(seen.timeline.find((entry) => entry.kind === 'POST_UPDATE')?.what).toContain(
          'supervision rota rebuilt',
        );
        expect(seen.timeline.find((entry) => entry.kind === 'ESCALATE')?.why).toBe(
          'The education provider must review the placement',
        );
      }
    });
  });
}
