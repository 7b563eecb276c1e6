import {
  type GatewayClient,
  type RegisteredOrganisation,
  registerTrust,
  tokens,
  waitFor,
} from '@nets/shared/testing';
import {
  REVIEW_SELF_ASSESSMENT,
  SAVE_SELF_ASSESSMENT,
  SIGN_OFF,
  SUBMIT_SELF_ASSESSMENT,
  selfAssessmentAnswers,
  submitSelfAssessment,
  type QuestionSet,
} from '../support/self-assessment-steps';
import { YEAR, type World } from '../support/world';

const NOT_MET = '1.7';
const RETURN_COMMENTS = 'Please date the staff survey you cite as evidence for 1.7.';

const MINE = `query($id: ID!, $year: Int!) {
  organisation(id: $id) { selfAssessment(year: $year) { status locked reviewComments submissionCount
    standards { standardCode rating evidence } } }
}`;

export function selfAssessmentJourney(world: () => World): void {
  describe('Journey 4: a self-assessment with a standard not met is returned, resubmitted and accepted', () => {
    let gateway: GatewayClient;
    let trusts: RegisteredOrganisation[];
    let subject: RegisteredOrganisation;
    let provider: string;
    let qualityTeam: string;
    let questionSet: QuestionSet;

    const answersOf = (notMet: string | null, evidence?: string) =>
      selfAssessmentAnswers(questionSet, YEAR, notMet, evidence);
    const review = (decision: string, comments?: string) =>
      gateway.call<{ reviewSelfAssessment: { status: string; locked: boolean } }>(
        REVIEW_SELF_ASSESSMENT,
        { input: { organisationId: subject.id, year: YEAR, decision, comments } },
        qualityTeam,
      );

    beforeAll(async () => {
      ({ gateway, questionSet } = world());
      const admin = await tokens.admin();
      trusts = [
        await registerTrust(gateway.as(admin), 'RKA', 'Kestrel Vale NHS Trust', 'MIDLANDS'),
        await registerTrust(gateway.as(admin), 'RKB', 'Brindle Moor NHS Trust', 'MIDLANDS'),
        await registerTrust(gateway.as(admin), 'RKC', 'Ashcombe NHS Trust', 'SOUTH_WEST'),
      ];
      subject = trusts[0];
      provider = await tokens.provider(subject.id);
      qualityTeam = await tokens.qualityTeam('MIDLANDS');
    });

    it('takes the provider’s signed-off submission with one standard not met', async () => {
      expect(await submitSelfAssessment(gateway, provider, subject.id, YEAR, answersOf(NOT_MET))).toEqual({
        status: 'SUBMITTED',
        submissionCount: 1,
      });
    });

    it('is returned by the regional quality team with comments the provider reads', async () => {
      expect((await review('START_REVIEW')).reviewSelfAssessment.status).toBe('UNDER_REVIEW');
      expect((await review('RETURN', RETURN_COMMENTS)).reviewSelfAssessment).toMatchObject({
        status: 'RETURNED',
        locked: false,
      });
      const mine = await gateway.call<{ organisation: { selfAssessment: Record<string, unknown> } }>(
        MINE,
        { id: subject.id, year: YEAR },
        provider,
      );
      expect(mine.organisation.selfAssessment).toMatchObject({
        status: 'RETURNED',
        reviewComments: RETURN_COMMENTS,
      });
    });

    it('is resubmitted with better evidence and accepted, then locked', async () => {
      await gateway.call(
        SAVE_SELF_ASSESSMENT,
        {
          input: {
            organisationId: subject.id,
            year: YEAR,
            standards: answersOf(
              NOT_MET,
              'Staff survey of 12 May 2025: 41% fear speaking up',
            ).standards.filter((standard) => standard.standardCode === NOT_MET),
          },
        },
        provider,
      );
      const resubmitted = await gateway.call<{ submitSelfAssessment: unknown }>(
        SUBMIT_SELF_ASSESSMENT,
        { org: subject.id, year: YEAR, signOff: SIGN_OFF },
        provider,
      );
      expect(resubmitted.submitSelfAssessment).toEqual({ status: 'SUBMITTED', submissionCount: 2 });
      await review('START_REVIEW');
      expect((await review('ACCEPT')).reviewSelfAssessment).toMatchObject({
        status: 'ACCEPTED',
        locked: true,
      });
      const mine = await gateway.call<{
        organisation: {
          selfAssessment: { status: string; locked: boolean; standards: Array<Record<string, unknown>> };
        };
      }>(MINE, { id: subject.id, year: YEAR }, provider);
      expect(mine.organisation.selfAssessment).toMatchObject({ status: 'ACCEPTED', locked: true });
      expect(
        mine.organisation.selfAssessment.standards.find((s) => s.standardCode === NOT_MET),
      ).toMatchObject({
        rating: 'NOT_MET',
        evidence: 'Staff survey of 12 May 2025: 41% fear speaking up',
      });
    });

    it('opened one triage candidate concern for the standard not met, for the quality team, not twice', async () => {
      const candidates = await waitFor(
        async () => {
          const { concerns } = await gateway.call<{
            concerns: {
              nodes: Array<{
                source: string;
                status: string;
                isTriageCandidate: boolean;
                standardsAtRisk: string[];
              }>;
            };
          }>(
            `query($org: ID!) { concerns(filter: { organisationId: $org }) {
            nodes { source status isTriageCandidate standardsAtRisk region organisation { id name } } } }`,
            { org: subject.id },
            qualityTeam,
          );
          const found = concerns.nodes.filter((node) => node.source === 'PROVIDER_SELF_ASSESSMENT');
          return found.length > 0 ? found : undefined;
        },
        {
          timeoutMs: 45_000,
          intervalMs: 300,
          description: 'the self-assessment concern to reach the quality team',
        },
      );
      // The resubmission came later than the first submission: give a duplicate the time to show up.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const { concerns } = await gateway.call<{ concerns: { nodes: Array<{ source: string }> } }>(
        `query($org: ID!) { concerns(filter: { organisationId: $org }) { nodes { source } } }`,
        { org: subject.id },
        qualityTeam,
      );
      expect(concerns.nodes.filter((node) => node.source === 'PROVIDER_SELF_ASSESSMENT')).toHaveLength(1);
      expect(candidates[0]).toMatchObject({
        status: 'RAISED',
        isTriageCandidate: true,
        standardsAtRisk: [NOT_MET],
        region: 'MIDLANDS',
        organisation: { id: subject.id, name: subject.name },
      });
    });

    it('is counted in the national summary once enough providers have submitted', async () => {
      for (const trust of trusts.slice(1)) {
        await submitSelfAssessment(gateway, await tokens.provider(trust.id), trust.id, YEAR, answersOf(null));
      }
      const { selfAssessmentSummary } = await gateway.call<{
        selfAssessmentSummary: {
          region: string | null;
          assessmentsCounted: number;
          standards: Array<{ standardCode: string; met: number; partlyMet: number; notMet: number }>;
        };
      }>(
        `query($year: Int!) { selfAssessmentSummary(year: $year) {
        region assessmentsCounted standards { standardCode met partlyMet notMet } } }`,
        { year: YEAR },
        await tokens.analyst(),
      );
      expect(selfAssessmentSummary.region).toBeNull();
      expect(selfAssessmentSummary.assessmentsCounted).toBe(3);
      expect(selfAssessmentSummary.standards.find((s) => s.standardCode === NOT_MET)).toEqual({
        standardCode: NOT_MET,
        met: 2,
        partlyMet: 0,
        notMet: 1,
      });
      expect(selfAssessmentSummary.standards.filter((s) => s.notMet > 0)).toHaveLength(1);
    });
  });
}
