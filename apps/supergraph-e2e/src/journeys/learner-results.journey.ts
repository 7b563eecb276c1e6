import {
  answersFor,
  closeCycleAndReleaseResults,
  errorCode,
  loadOpenSurvey,
  registerTrust,
  RELEASE_RESULTS,
  submissionFor,
  submitWhenKnown,
  tokens,
  waitFor,
  type AnswerOverrides,
  type GatewayClient,
  type OpenSurvey,
  type Receipt,
  type RegisteredOrganisation,
} from '@nets/shared/testing';
import {
  MEASURE_RESULTS,
  NETS_RESULTS,
  QUALITY_FLAGS,
  measureResults,
  waitForRespondentsCounted,
  type ResultRow,
} from '../support/results-steps';
import { YEAR, type World } from '../support/world';

const OVERALL = 'overall-experience';
const FTSU = 'knows-ftsu-guardian';
const NURSE = { learnerGroup: 'NURSING', profession: 'STUDENT_NURSE_ADULT', programme: 'BSc Nursing' };
const MEDIC = { learnerGroup: 'MEDICAL', profession: 'MEDICAL_STUDENT', programme: 'MBChB' };
const PHARMACIST = { learnerGroup: 'PHARMACY', profession: 'PHARMACY_STUDENT', programme: 'MPharm' };
const FEEDBACK = {
  named: 'Dr Marguerite Okonkwo on Heron ward was a superb supervisor, ring her on 07700 900777.',
  plain: 'Handovers were rushed and nobody explained the rota to students.',
};
const OTHER_FEEDBACK = 'The Bramblecote team always found time to teach us.';
/** The cohort's 13 responses: the 4 invalid ones and the retry count for nothing. */
const RESPONDENTS = 13;

const FEEDBACK_QUERY = `query($id: ID!, $year: Int!) {
  organisationFeedback(organisationId: $id, year: $year) {
    organisationId suppressed suppressionCode suppressionReason responseCount
    comments { questionCode text unredactedText status }
  }
}`;

interface FeedbackView {
  organisationId: string;
  suppressed: boolean;
  suppressionCode: string | null;
  suppressionReason: string | null;
  responseCount: number | null;
  comments: Array<{ questionCode: string; text: string; unredactedText: string | null; status: string }>;
}

const byLearnerGroup = (rows: ResultRow[], learnerGroup: string) =>
  rows.find((row) => row.group.learnerGroup === learnerGroup);

/** What a withheld cell looks like to a reader: its group and reason, never a number of any kind. */
const withheld = (learnerGroup: string) => ({
  group: { learnerGroup },
  suppressed: true,
  suppressionReason: 'COMPLEMENTARY',
  respondents: null,
  positive: null,
  percentPositive: null,
  interval: null,
  flag: 'SUPPRESSED',
});

export function learnerResultsJourney(world: () => World): void {
  describe('Journey 1: learners respond, the results are released and a provider reads its own results, feedback and flags', () => {
    let gateway: GatewayClient;
    let survey: OpenSurvey;
    let trust: RegisteredOrganisation;
    let other: RegisteredOrganisation;
    let provider: string;
    let firstInput: Record<string, unknown>;
    let firstReceipt: Receipt;

    /**
     * At the trust, 8 learners: 5 nurses (one rates the placement poor), 2 medical students and 1 pharmacy
     * student, none knows the Freedom to Speak Up Guardian (the form's default answer is NO). At the other
     * trust, 5 nurses who rate it good and all know the Guardian.
     */
    const cohort = (): Array<{ at: RegisteredOrganisation; profile: object; overrides: AnswerOverrides }> => [
      {
        at: trust,
        profile: NURSE,
        overrides: { Q_OVERALL_EXPERIENCE: ['GOOD'], Q_COULD_IMPROVE: FEEDBACK.named },
      },
      { at: trust, profile: NURSE, overrides: { Q_OVERALL_EXPERIENCE: ['EXCELLENT'] } },
      {
        at: trust,
        profile: NURSE,
        overrides: { Q_OVERALL_EXPERIENCE: ['GOOD'], Q_COULD_IMPROVE: FEEDBACK.plain },
      },
      { at: trust, profile: NURSE, overrides: { Q_OVERALL_EXPERIENCE: ['GOOD'] } },
      { at: trust, profile: NURSE, overrides: { Q_OVERALL_EXPERIENCE: ['POOR'] } },
      { at: trust, profile: MEDIC, overrides: { Q_OVERALL_EXPERIENCE: ['GOOD'] } },
      { at: trust, profile: MEDIC, overrides: { Q_OVERALL_EXPERIENCE: ['EXCELLENT'] } },
      { at: trust, profile: PHARMACIST, overrides: { Q_OVERALL_EXPERIENCE: ['GOOD'] } },
      ...Array.from({ length: 5 }, (_, index) => ({
        at: other,
        profile: NURSE,
        overrides: {
          Q_OVERALL_EXPERIENCE: ['GOOD'],
          Q_FTSU_GUARDIAN: ['YES'],
          ...(index === 0 ? { Q_WORKED_WELL: OTHER_FEEDBACK } : {}),
        },
      })),
    ];

    beforeAll(async () => {
      gateway = world().gateway;
      const admin = await tokens.admin();
      trust = await registerTrust(gateway.as(admin), 'RLA', 'Larkhill Vale NHS Trust', 'EAST_OF_ENGLAND');
      other = await registerTrust(
        gateway.as(admin),
        'RLB',
        'Bramblecote NHS Trust',
        'NORTH_EAST_AND_YORKSHIRE',
      );
      provider = await tokens.provider(trust.id);
    });

    it('finds the questionnaire the administrator published open for the 2025 cycle', async () => {
      survey = await loadOpenSurvey(gateway.as());
      expect(survey.year).toBe(YEAR);
      expect(survey.questionnaire.version).toBe(1);
      const codes = survey.questionnaire.sections.flatMap((s) => s.questions.map((q) => q.code));
      expect(codes).toEqual(
        expect.arrayContaining(['Q_OVERALL_EXPERIENCE', 'Q_FTSU_GUARDIAN', 'Q_COULD_IMPROVE']),
      );
    });

    it('takes every learner’s response and gives each a receipt', async () => {
      const receipts: Receipt[] = [];
      for (const [index, learner] of cohort().entries()) {
        const input = submissionFor(survey, learner.at, answersFor(survey, learner.overrides), {
          profile: learner.profile,
        });
        if (index === 0) firstInput = input;
        receipts.push(await submitWhenKnown(gateway, input));
      }
      firstReceipt = receipts[0];
      expect(new Set(receipts.map((receipt) => receipt.receiptCode)).size).toBe(RESPONDENTS);
    });

    it('refuses invalid responses with a clear error and stores none of them', async () => {
      const valid = answersFor(survey, { Q_OVERALL_EXPERIENCE: ['GOOD'] });
      const invalid = {
        'an option the question does not have': submissionFor(
          survey,
          trust,
          valid.map((a) =>
            a.questionCode === 'Q_OVERALL_EXPERIENCE' ? { ...a, optionCodes: ['SUPERB'] } : a,
          ),
        ),
        'a required question left out': submissionFor(
          survey,
          trust,
          valid.filter((a) => a.questionCode !== 'Q_OVERALL_EXPERIENCE'),
        ),
        'a site of another organisation': submissionFor(survey, trust, valid, {
          placement: { organisationId: trust.id, siteId: other.sites[0].id },
        }),
        'an unknown profession': submissionFor(survey, trust, valid, {
          profile: { learnerGroup: 'NURSING', profession: 'ASTRONAUT' },
        }),
      };
      for (const [what, input] of Object.entries(invalid)) {
        const response = await gateway.request(
          `mutation($input: SubmitResponseInput!) { submitResponse(input: $input) { receiptCode } }`,
          { input },
        );
        expect({ what, code: errorCode(response), data: response.data }).toEqual({
          what,
          code: 'BAD_USER_INPUT',
          data: null,
        });
        expect(response.errors?.[0]?.message).toBeTruthy();
      }
    });

    it('answers a retry with the same idempotency key with the first receipt', async () => {
      const again = await submitWhenKnown(gateway, firstInput);
      expect(again).toEqual(firstReceipt);
    });

    it('counts the responses while the cycle is open, but shows the provider no results yet', async () => {
      // The one live figure is the national number of responses, which says nothing of any answer.
      expect(await waitForRespondentsCounted(gateway, provider, YEAR, RESPONDENTS)).toEqual({
        year: YEAR,
        status: 'NOT_RELEASED',
        releasedAt: null,
        respondents: RESPONDENTS,
        lateResponses: 0,
      });
      // Every response is counted, yet no path shows a row: readings of an open cycle taken before and after
      // one learner answers would differ by that learner's answer.
      const own = await measureResults(gateway, provider, {
        year: YEAR,
        measures: [OVERALL],
        filter: { organisationIds: [trust.id] },
        groupBy: ['ORGANISATION'],
      });
      const { organisation } = await gateway.call<{ organisation: { netsResults: ResultRow[] } }>(
        NETS_RESULTS,
        { id: trust.id, year: YEAR, measures: [OVERALL] },
        provider,
      );
      const { qualityFlags } = await gateway.call<{ qualityFlags: unknown[] }>(
        QUALITY_FLAGS,
        { year: YEAR, measures: [FTSU] },
        provider,
      );
      expect({ own, netsResults: organisation.netsResults, qualityFlags }).toEqual({
        own: [],
        netsResults: [],
        qualityFlags: [],
      });
    });

    it('is closed by an administrator, who releases the results once all 13 responses are counted', async () => {
      const admin = await tokens.admin();
      const released = await closeCycleAndReleaseResults(gateway.as(admin), YEAR, RESPONDENTS);
      expect(released).toMatchObject({
        year: YEAR,
        status: 'RELEASED',
        respondents: RESPONDENTS,
        lateResponses: 0,
      });
      expect(released.releasedAt).toBeTruthy();
      // The provider sees the same cycle closed by the survey service and released by analytics.
      const { surveyCycle } = await gateway.call<{ surveyCycle: unknown }>(
        `query($year: Int!) { surveyCycle(year: $year) { status resultsRelease { status respondents } } }`,
        { year: YEAR },
        provider,
      );
      expect(surveyCycle).toEqual({
        status: 'CLOSED',
        resultsRelease: { status: 'RELEASED', respondents: RESPONDENTS },
      });
      // Released results are final: a second release is refused.
      const again = await gateway.request(RELEASE_RESULTS, { year: YEAR, expected: RESPONDENTS }, admin);
      expect(errorCode(again)).toBe('CONFLICT');
    });

    it('shows the provider its own results, exact where a group has at least 3 learners', async () => {
      const [overall] = await measureResults(gateway, provider, {
        year: YEAR,
        measures: [OVERALL],
        filter: { organisationIds: [trust.id] },
        groupBy: ['ORGANISATION'],
      });
      // 7 of 8 good or excellent; national 12 of 13 (92.31%). Wilson 95% for 7/8: 0.5291 to 0.9776, which
      // overlaps the benchmark; with two organisations Q1 = 0.875 + 0.25 × 0.125 = 0.9063, so the trust is
      // in the bottom quartile: PINK.
      expect(overall).toMatchObject({
        measureKey: OVERALL,
        group: { table: 'ORGANISATION', organisationId: trust.id },
        suppressed: false,
        respondents: 8,
        positive: 7,
        percentPositive: 87.5,
        flag: 'PINK',
      });
      expect(overall.interval?.lower).toBeCloseTo(0.5291, 4);
      expect(overall.interval?.upper).toBeCloseTo(0.9776, 4);
      expect(overall.benchmark.national).toBeCloseTo(92.3077, 3);

      const { organisation } = await gateway.call<{ organisation: { netsResults: ResultRow[] } }>(
        NETS_RESULTS,
        { id: trust.id, year: YEAR, measures: [OVERALL] },
        provider,
      );
      expect(organisation.netsResults).toEqual([overall]);
    });

    it('withholds the learner groups of fewer than 3 learners, with their reason and no number', async () => {
      const rows = await measureResults(gateway, provider, {
        year: YEAR,
        measures: [OVERALL],
        filter: { organisationIds: [trust.id] },
        groupBy: ['ORGANISATION', 'LEARNER_GROUP'],
      });
      expect(rows).toHaveLength(3);
      // Two medical students and one pharmacy student are withheld, and so are the nurses: one reason for
      // all, and the nurses are the only learners of the trust who could be the pharmacy student's partners
      // (its count must stay open over at least 3 values, 1..4).
      expect(byLearnerGroup(rows, 'NURSING')).toMatchObject(withheld('NURSING'));
      expect(byLearnerGroup(rows, 'MEDICAL')).toMatchObject(withheld('MEDICAL'));
      expect(byLearnerGroup(rows, 'PHARMACY')).toMatchObject(withheld('PHARMACY'));
      // The national learner-group benchmarks hold the same groups back.
      const national = await measureResults(gateway, provider, {
        year: YEAR,
        measures: [OVERALL],
        groupBy: ['LEARNER_GROUP'],
      });
      // Nationally too: nursing (10) is the only group the pharmacy student's count can be moved against.
      expect(byLearnerGroup(national, 'NURSING')).toMatchObject({ suppressed: true, respondents: null });
      expect(byLearnerGroup(national, 'MEDICAL')).toMatchObject({ suppressed: true, respondents: null });
      expect(byLearnerGroup(national, 'PHARMACY')).toMatchObject({ suppressed: true, respondents: null });
    });

    it('shows the provider its RED flag where its learners fall significantly below the benchmark', async () => {
      // Freedom to Speak Up Guardian: 0 of 8 here, 5 of 5 at the other trust; national 5 of 13 (38.46%).
      // Wilson upper for 0/8 is 0.3244 < 0.3846 and 0 is the bottom quartile: RED. Its nurses are withheld
      // (they protect the pharmacy student), so they carry no flag.
      const { qualityFlags } = await gateway.call<{
        qualityFlags: Array<{ persistent: boolean; result: ResultRow }>;
      }>(QUALITY_FLAGS, { year: YEAR, measures: [FTSU] }, provider);
      expect(
        qualityFlags.map(({ persistent, result }) => ({
          persistent,
          table: result.group.table,
          organisationId: result.group.organisationId,
          learnerGroup: result.group.learnerGroup,
          respondents: result.respondents,
          positive: result.positive,
          flag: result.flag,
        })),
      ).toEqual(
        expect.arrayContaining([
          {
            persistent: false,
            table: 'ORGANISATION',
            organisationId: trust.id,
            learnerGroup: null,
            respondents: 8,
            positive: 0,
            flag: 'RED',
          },
        ]),
      );
      expect(qualityFlags).toHaveLength(1);
      // The other trust is GREEN on the same measure, but that is not this provider's to see. Its nurses get
      // no flag: their benchmark, nursing nationally, is withheld.
      const admin = await tokens.analyst();
      const national = await gateway.call<{ qualityFlags: Array<{ result: ResultRow }> }>(
        QUALITY_FLAGS,
        { year: YEAR, measures: [FTSU], filter: { organisationIds: [other.id] } },
        admin,
      );
      expect(national.qualityFlags.map(({ result }) => result.flag)).toEqual(['GREEN']);
    });

    it('shows the provider its feedback with names, places and numbers removed', async () => {
      // The response service learns of the release from nets.results.v1 (one message per measure and table, on
      // several partitions): the feedback shows once it has read the organisation's published cells.
      const organisationFeedback = await waitFor(
        async () => {
          const { organisationFeedback: view } = await gateway.call<{ organisationFeedback: FeedbackView }>(
            FEEDBACK_QUERY,
            { id: trust.id, year: YEAR },
            provider,
          );
          return view.suppressed ? undefined : view;
        },
        { timeoutMs: 30000, description: 'the feedback shown once the response service read the release' },
      );
      expect(organisationFeedback).toMatchObject({ suppressed: false, responseCount: 8 });
      const texts = organisationFeedback.comments.map((comment) => comment.text);
      expect(texts).toContain(FEEDBACK.plain);
      const named = texts.find((text) => text.includes('superb supervisor'));
      expect(named).toContain('[NAME]');
      expect(named).toContain('[PHONE]');
      expect(named).toContain('[PLACE]');
      expect(texts).toHaveLength(2);
      for (const identifier of ['Marguerite', 'Okonkwo', 'Heron', '07700 900777', '900777'])
        expect(JSON.stringify(organisationFeedback)).not.toContain(identifier);
      expect(
        organisationFeedback.comments.every((c) => c.status === 'RELEASED' && c.unredactedText === null),
      ).toBe(true);
    });

    it('refuses the provider another provider’s results and feedback on every path', async () => {
      const attempts = {
        results: await gateway.request(
          MEASURE_RESULTS,
          {
            year: YEAR,
            measures: [OVERALL],
            filter: { organisationIds: [other.id] },
            groupBy: ['ORGANISATION'],
          },
          provider,
        ),
        netsResults: await gateway.request(
          NETS_RESULTS,
          { id: other.id, year: YEAR, measures: [OVERALL] },
          provider,
        ),
        feedback: await gateway.request(FEEDBACK_QUERY, { id: other.id, year: YEAR }, provider),
        organisationFeedback: await gateway.request(
          `query($id: ID!, $year: Int!) { organisation(id: $id) { feedback(year: $year) { responseCount comments { text } } } }`,
          { id: other.id, year: YEAR },
          provider,
        ),
      };
      for (const [path, response] of Object.entries(attempts)) {
        expect({ path, code: errorCode(response) }).toEqual({ path, code: 'FORBIDDEN' });
        const raw = JSON.stringify(response.data ?? null);
        const leaked =
          raw.includes('found time to teach') || /"(respondents|positive|responseCount)":\d/.test(raw);
        expect({ path, leaked }).toEqual({ path, leaked: false });
      }
      // What was refused exists: the other trust's own user reads it.
      const theirs = await gateway.call<{ organisationFeedback: FeedbackView }>(
        FEEDBACK_QUERY,
        { id: other.id, year: YEAR },
        await tokens.provider(other.id),
      );
      expect(theirs.organisationFeedback.responseCount).toBe(5);
      expect(theirs.organisationFeedback.comments.map((c) => c.text).join(' ')).toContain(
        'found time to teach',
      );
      // Unfiltered, the organisation table holds its own row only.
      const mine = await measureResults(gateway, provider, {
        year: YEAR,
        measures: [OVERALL],
        groupBy: ['ORGANISATION'],
      });
      expect(mine.map((row) => row.group.organisationId)).toEqual([trust.id]);
    });
  });
}
