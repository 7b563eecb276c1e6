import {
  answersFor,
  closeCycleAndReleaseResults,
  errorCode,
  GatewayClient,
  loadOpenSurvey,
  openCycleWithDefaultQuestionnaire,
  registerTrust,
  registerUniversity,
  submissionFor,
  submitWhenKnown,
  testToken,
  tokens,
  type OpenSurvey,
  type RegisteredOrganisation,
} from '@nets/shared/testing';
import { MEASURE_RESULTS, type ResultRow } from '../support/results-steps';
import { startPlatform, type E2ePlatform } from '../support/platform';

const YEAR = 2025;
const OVERALL = 'overall-experience';
const NURSE = { learnerGroup: 'NURSING', profession: 'STUDENT_NURSE_ADULT', programme: 'BSc Nursing' };

/** A result row as the education provider views read it: the group names the education provider too. */
interface EducationRow extends Omit<ResultRow, 'group'> {
  group: { table: string; organisationId: string | null; educationProviderId: string | null };
}

const EDUCATION_RESULTS = MEASURE_RESULTS.replace(
  'group { table organisationId learnerGroup siteId }',
  'group { table organisationId educationProviderId }',
);

/** What a withheld cell looks like to every reader: its group and reason, never a number of any kind. */
const withheld = {
  suppressed: true,
  suppressionReason: 'COMPLEMENTARY',
  respondents: null,
  positive: null,
  percentPositive: null,
  interval: null,
};

/**
 * Issue 21: results by education provider through the gateway. Learners of the University of Calham
 * (London) are placed at two trusts, in London and the Midlands; two learners of a North West university
 * and some learners who named no education provider are placed there too. The university's users see their
 * own learners' results across both placements, exactly; the other university sees nothing of them; each
 * region's quality team sees its own region's universities.
 */
describe('education provider results through the gateway', () => {
  let platform: E2ePlatform;
  let gateway: GatewayClient;
  let survey: OpenSurvey;
  let london: RegisteredOrganisation;
  let midlands: RegisteredOrganisation;
  let calham: RegisteredOrganisation;
  let northern: RegisteredOrganisation;
  let calhamUser: string;
  let northernUser: string;

  const asked = async (token: string, groupBy: string[], filter?: Record<string, unknown>) => {
    const response = await gateway.request<{ measureResults: EducationRow[] }>(
      EDUCATION_RESULTS,
      { year: YEAR, measures: [OVERALL], groupBy, filter },
      token,
    );
    return response;
  };
  const rows = async (token: string, groupBy: string[], filter?: Record<string, unknown>) => {
    const response = await asked(token, groupBy, filter);
    expect(response.errors).toBeUndefined();
    return response.data?.measureResults ?? [];
  };
  const educationUser = (organisationId: string, subject: string) =>
    testToken({ role: 'EDUCATION_PROVIDER_USER', organisationId, subject });

  beforeAll(async () => {
    platform = await startPlatform('education provider results');
    gateway = new GatewayClient(platform.gatewayUrl);
    const admin = await tokens.admin();
    await openCycleWithDefaultQuestionnaire(gateway.as(admin), YEAR);
    london = await registerTrust(gateway.as(admin), 'RLE', 'Eastbury Hospitals NHS Trust', 'LONDON');
    midlands = await registerTrust(gateway.as(admin), 'RLF', 'Fernhill NHS Trust', 'MIDLANDS');
    calham = await registerUniversity(gateway.as(admin), '10007001', 'University of Calham', 'LONDON');
    northern = await registerUniversity(gateway.as(admin), '10007799', 'Northgate University', 'NORTH_WEST');
    calhamUser = await educationUser(calham.id, 'e2e-calham');
    northernUser = await educationUser(northern.id, 'e2e-northgate');
  }, 420_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('takes the learners’ responses, each naming its education provider or none, and releases them', async () => {
    survey = await loadOpenSurvey(gateway.as());
    // Calham: 4 of 5 good at the London trust, 3 of 4 at the Midlands trust. Northgate: 1 of 2 in London.
    // No education provider named: 2 of 3 at each trust.
    const cohort: ReadonlyArray<readonly [RegisteredOrganisation, RegisteredOrganisation | null, string]> = [
      ...['GOOD', 'GOOD', 'EXCELLENT', 'GOOD', 'POOR'].map((a) => [london, calham, a] as const),
      ...['GOOD', 'GOOD', 'EXCELLENT', 'POOR'].map((a) => [midlands, calham, a] as const),
      ...['GOOD', 'POOR'].map((a) => [london, northern, a] as const),
      ...['GOOD', 'GOOD', 'POOR'].map((a) => [london, null, a] as const),
      ...['GOOD', 'EXCELLENT', 'POOR'].map((a) => [midlands, null, a] as const),
    ];
    for (const [at, university, answer] of cohort) {
      const input = submissionFor(survey, at, answersFor(survey, { Q_OVERALL_EXPERIENCE: [answer] }), {
        profile: NURSE,
        ...(university
          ? { education: { organisationId: university.id, programme: 'BSC_NURSING_ADULT' } }
          : {}),
      });
      await submitWhenKnown(gateway, input);
    }
    const released = await closeCycleAndReleaseResults(gateway.as(await tokens.admin()), YEAR, cohort.length);
    expect(released).toMatchObject({ status: 'RELEASED', respondents: 17 });
  });

  it('shows a university its own learners across both placements, exactly', async () => {
    const own = await rows(calhamUser, ['EDUCATION_PROVIDER']);
    // 7 of 9 (77.78%); national 12 of 17.
    expect(own).toEqual([
      expect.objectContaining({
        group: { table: 'EDUCATION_PROVIDER', organisationId: null, educationProviderId: calham.id },
        suppressed: false,
        respondents: 9,
        positive: 7,
      }),
    ]);
    expect(own[0].percentPositive).toBeCloseTo(77.7778, 3);
    expect(own[0].benchmark.national).toBeCloseTo(70.5882, 3);

    const placements = await rows(calhamUser, ['ORGANISATION', 'EDUCATION_PROVIDER']);
    const at = (organisation: RegisteredOrganisation) =>
      placements.find((row) => row.group.organisationId === organisation.id);
    expect(placements).toHaveLength(2);
    expect(at(london)).toMatchObject({
      group: { table: 'EDUCATION_PROVIDER_BY_ORGANISATION', educationProviderId: calham.id },
      suppressed: false,
      respondents: 5,
      positive: 4,
      percentPositive: 80,
    });
    expect(at(midlands)).toMatchObject({
      suppressed: false,
      respondents: 4,
      positive: 3,
      percentPositive: 75,
    });
  });

  it('withholds a university of 2 learners, and shows the other university nothing of the first', async () => {
    const own = await rows(northernUser, ['EDUCATION_PROVIDER']);
    expect(own).toEqual([
      expect.objectContaining({
        group: { table: 'EDUCATION_PROVIDER', organisationId: null, educationProviderId: northern.id },
        ...withheld,
      }),
    ]);
    const placements = await rows(northernUser, ['ORGANISATION', 'EDUCATION_PROVIDER']);
    expect(placements).toEqual([
      expect.objectContaining({
        group: {
          table: 'EDUCATION_PROVIDER_BY_ORGANISATION',
          organisationId: london.id,
          educationProviderId: northern.id,
        },
        ...withheld,
      }),
    ]);
    for (const groupBy of [['EDUCATION_PROVIDER'], ['ORGANISATION', 'EDUCATION_PROVIDER']]) {
      expect(errorCode(await asked(northernUser, groupBy, { educationProviderIds: [calham.id] }))).toBe(
        'FORBIDDEN',
      );
    }
    // Nor the placement organisations' own results: a university reads its learners, not the trusts.
    expect(errorCode(await asked(calhamUser, ['ORGANISATION'], { organisationIds: [london.id] }))).toBe(
      'FORBIDDEN',
    );
  });

  it("shows each region's quality team its own region's universities", async () => {
    const londonTeam = await tokens.qualityTeam('LONDON');
    const ofLondon = await rows(londonTeam, ['EDUCATION_PROVIDER']);
    expect(ofLondon.map((row) => [row.group.educationProviderId, row.respondents, row.positive])).toEqual([
      [calham.id, 9, 7],
    ]);
    const londonPlacements = await rows(londonTeam, ['ORGANISATION', 'EDUCATION_PROVIDER']);
    expect(
      londonPlacements.map((row) => [row.group.organisationId, row.respondents, row.positive]).sort(),
    ).toEqual(
      [
        [london.id, 5, 4],
        [midlands.id, 4, 3],
      ].sort(),
    );
    expect(
      errorCode(await asked(londonTeam, ['EDUCATION_PROVIDER'], { educationProviderIds: [northern.id] })),
    ).toBe('FORBIDDEN');
    const ofNorthWest = await rows(await tokens.qualityTeam('NORTH_WEST'), ['EDUCATION_PROVIDER']);
    expect(ofNorthWest).toEqual([
      expect.objectContaining({
        group: expect.objectContaining({ educationProviderId: northern.id }),
        ...withheld,
      }),
    ]);
    expect(await rows(await tokens.qualityTeam('MIDLANDS'), ['EDUCATION_PROVIDER'])).toEqual([]);
  });

  it('shows a trust its own learners by education provider, with the same suppression', async () => {
    const trust = await tokens.provider(london.id);
    const byUniversity = await rows(trust, ['ORGANISATION', 'EDUCATION_PROVIDER']);
    const of = (university: RegisteredOrganisation) =>
      byUniversity.find((row) => row.group.educationProviderId === university.id);
    expect(byUniversity).toHaveLength(2);
    expect(of(calham)).toMatchObject({ suppressed: false, respondents: 5, positive: 4 });
    expect(of(northern)).toMatchObject(withheld);
    expect(errorCode(await asked(trust, ['EDUCATION_PROVIDER']))).toBe('FORBIDDEN');
  });
});
