import {
  answersFor,
  closeCycleAndReleaseResults,
  GatewayClient,
  loadOpenSurvey,
  openCycleWithDefaultQuestionnaire,
  registerTrust,
  submissionFor,
  submitWhenKnown,
  testKafkaClient,
  tokens,
  TopicRecorder,
  type OpenSurvey,
  type RecordedMessage,
  type RegisteredOrganisation,
} from '@nets/shared/testing';
import { attackFast, placeKey, type Knowledge, type Place } from '@nets/tools/attacks';
import { startPlatform, type E2ePlatform } from '../support/platform';
import { waitForRespondentsCounted } from '../support/results-steps';
import { YEAR } from '../support/world';
import { knowledgeOf, readAsRole, type Hierarchy, type LiveRole, type RoleReading } from './role-reader';

const MEASURES = ['overall-experience', 'knows-ftsu-guardian'];
const PROTECTION_WIDTH = 3;
const LEARNERS = 24;
const NOT_APPLICABLE = new Set(['NA', 'N_A', 'NOT_APPLICABLE', 'DONT_KNOW']);
const PROFESSIONS = [
  { learnerGroup: 'NURSING', profession: 'STUDENT_NURSE_ADULT', programme: 'BSc Nursing' },
  { learnerGroup: 'NURSING', profession: 'STUDENT_NURSE_CHILD', programme: 'BSc Nursing' },
  { learnerGroup: 'MEDICAL', profession: 'MEDICAL_STUDENT', programme: 'MBChB' },
  { learnerGroup: 'MEDICAL', profession: 'FOUNDATION_DOCTOR', programme: 'Foundation Programme' },
];

interface Learner {
  organisation: RegisteredOrganisation;
  siteId?: string;
  profile: (typeof PROFESSIONS)[number];
  positive: Record<string, boolean>;
}

/** A thin population from a fixed seed: three trusts in two regions, two learner groups of two professions. */
function thinPopulation(organisations: RegisteredOrganisation[]): Learner[] {
  let state = 14;
  const next = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  return Array.from({ length: LEARNERS }, () => {
    const o = next();
    const organisation = organisations[o < 0.45 ? 0 : o < 0.75 ? 1 : 2];
    return {
      organisation,
      siteId: next() < 0.7 ? organisation.sites[0].id : undefined,
      profile: PROFESSIONS[Math.floor(next() * PROFESSIONS.length)],
      positive: { 'overall-experience': next() < 0.7, 'knows-ftsu-guardian': next() < 0.5 },
    };
  });
}

/** Every non-empty cell withheld but the national one: no pattern can protect a cell better than this. */
function everythingWithheld(knowledge: Knowledge): Knowledge {
  return {
    ...knowledge,
    counts: [],
    seen: knowledge.seen.map((s) =>
      Object.values(s.place).every((v) => v === undefined) ? s : { kind: 'WITHHELD', place: s.place },
    ),
  };
}

/**
 * The independent LP/ILP attacker (tools/attacks) against the running platform: learners respond through
 * the gateway, the cycle is closed and released, and a national analyst, a regional quality team and a
 * provider read everything they may (every canonical table, the summary, flags, netsResults, feedback
 * counts, and for the analyst the public topic). From those answers only, the attacker solves for every
 * withheld cell's respondents and answers.
 */
describe('an independent ILP attacker reads the released results through the gateway and the topic', () => {
  let platform: E2ePlatform;
  let gateway: GatewayClient;
  let recorder: TopicRecorder;
  let organisations: RegisteredOrganisation[];
  let learners: Learner[];
  let survey: OpenSurvey;
  let hierarchy: Hierarchy;
  let topic: RecordedMessage[] = [];

  beforeAll(async () => {
    platform = await startPlatform('live attack');
    gateway = new GatewayClient(platform.gatewayUrl);
    recorder = await new TopicRecorder(testKafkaClient(), [`${platform.topicPrefix}nets.results.v1`]).start();
  }, 420_000);

  afterAll(async () => {
    await recorder?.stop();
    await platform?.stop();
  });

  it('loads a thin population through the public API, then closes and releases the cycle', async () => {
    const admin = await tokens.admin();
    await openCycleWithDefaultQuestionnaire(gateway.as(admin), YEAR);
    organisations = [
      await registerTrust(gateway.as(admin), 'RVA', 'Vale Abbey Hospitals NHS Trust', 'LONDON'),
      await registerTrust(gateway.as(admin), 'RVB', 'Vale Brook Hospitals NHS Trust', 'LONDON'),
      await registerTrust(gateway.as(admin), 'RVC', 'Vale Cross Hospitals NHS Trust', 'NORTH_WEST'),
    ];
    hierarchy = {
      regionOf: new Map(organisations.map((o) => [o.id, o.region])),
      organisationOfSite: new Map(organisations.flatMap((o) => o.sites.map((s) => [s.id, o.id] as const))),
      learnerGroupOf: new Map(PROFESSIONS.map((p) => [p.profession, p.learnerGroup])),
    };
    survey = await loadOpenSurvey(gateway.as());
    learners = thinPopulation(organisations);
    for (const learner of learners) {
      const answers = answersFor(survey, {
        Q_OVERALL_EXPERIENCE: [learner.positive['overall-experience'] ? 'GOOD' : 'POOR'],
        Q_FTSU_GUARDIAN: [learner.positive['knows-ftsu-guardian'] ? 'YES' : 'NO'],
      });
      await submitWhenKnown(
        gateway,
        submissionFor(survey, learner.organisation, answers, {
          profile: learner.profile,
          placement: {
            organisationId: learner.organisation.id,
            siteId: learner.siteId,
            specialty: 'Acute medicine',
          },
        }),
      );
    }
    await waitForRespondentsCounted(gateway, admin, YEAR, LEARNERS);
    const release = await closeCycleAndReleaseResults(gateway.as(admin), YEAR, LEARNERS);
    expect(release).toMatchObject({ status: 'RELEASED', respondents: LEARNERS });
    topic = await recorder.waitForMessages(
      (m) => {
        const data = (m.value as { data?: { year?: number; measureKey?: string } }).data;
        return data?.year === YEAR && MEASURES.includes(data.measureKey ?? '');
      },
      9 * MEASURES.length,
      60_000,
    );
  }, 240_000);

  const countsAreRespondents = (measureKey: string): boolean => {
    const code = measureKey === 'overall-experience' ? 'Q_OVERALL_EXPERIENCE' : 'Q_FTSU_GUARDIAN';
    const question = survey.questionnaire.sections.flatMap((s) => s.questions).find((q) => q.code === code);
    return (
      !!question?.required && !question.condition && !question.options.some((o) => NOT_APPLICABLE.has(o.code))
    );
  };

  async function read(
    role: LiveRole,
    measureKey: string,
  ): Promise<{ reading: RoleReading; knowledge: Knowledge }> {
    const token =
      role.kind === 'NATIONAL_ANALYST'
        ? await tokens.analyst()
        : role.kind === 'QUALITY_TEAM'
          ? await tokens.qualityTeam(role.region)
          : await tokens.provider(role.organisationId);
    const reading = await readAsRole(gateway, token, YEAR, measureKey, {
      organisationIds: organisations.map((o) => o.id),
      countsAreRespondents: countsAreRespondents(measureKey),
      // The public topic carries what a national analyst may see.
      topic: role.kind === 'NATIONAL_ANALYST' ? topic : undefined,
    });
    return { reading, knowledge: knowledgeOf(reading, role, hierarchy) };
  }

  const roles = (): LiveRole[] => [
    { kind: 'NATIONAL_ANALYST' },
    { kind: 'QUALITY_TEAM', region: 'LONDON' },
    { kind: 'PROVIDER', organisationId: organisations[0].id },
  ];

  it('finds no withheld cell narrower than the protection level and no determined answer, for three roles', async () => {
    const summary: string[] = [];
    let attacked = 0;
    for (const role of roles()) {
      for (const measureKey of MEASURES) {
        const { reading, knowledge } = await read(role, measureKey);
        expect({ role: role.kind, measureKey, conflicts: reading.conflicts }).toEqual({
          role: role.kind,
          measureKey,
          conflicts: [],
        });
        expect(reading.tablesRead.has('NATIONAL')).toBe(true);
        if (role.kind === 'NATIONAL_ANALYST') {
          expect([...reading.paths]).toEqual(expect.arrayContaining(['nets.results.v1', 'nationalSummary']));
        }
        const options = { protectionWidth: PROTECTION_WIDTH, integer: true };
        const report = await attackFast(knowledge, hierarchy, options);
        const suspects = new Set([...report.widthBreaks, ...report.determinedAnswers]);
        const best =
          suspects.size > 0
            ? await attackFast(everythingWithheld(knowledge), hierarchy, { ...options, only: suspects })
            : undefined;
        const inherent = new Set([...(best?.widthBreaks ?? []), ...(best?.determinedAnswers ?? [])]);
        attacked += report.verdicts.length;
        summary.push(
          `${role.kind} ${measureKey}: ${report.verdicts.length} withheld cells, ${[...reading.paths].join(', ')}; ` +
            `inherent ${inherent.size}`,
        );
        expect({
          role: role.kind,
          measureKey,
          width: report.widthBreaks.filter((k) => !inherent.has(k)),
          answers: report.determinedAnswers.filter((k) => !inherent.has(k)),
        }).toEqual({ role: role.kind, measureKey, width: [], answers: [] });
      }
    }
    process.stdout.write(`${summary.join('\n')}\n`);
    expect(attacked).toBeGreaterThan(20);
  }, 240_000);

  it('finds a planted leak: one withheld cell’s true respondent count put into the analyst’s input', async () => {
    const { knowledge } = await read({ kind: 'NATIONAL_ANALYST' }, 'overall-experience');
    const target = knowledge.seen.find((s) => s.kind === 'WITHHELD' && s.place.organisationId !== undefined);
    if (!target) throw new Error('no withheld organisation cell to leak');
    const place: Place = target.place;
    const truth = learners.filter(
      (l) =>
        l.organisation.id === place.organisationId &&
        (place.learnerGroup === undefined || l.profile.learnerGroup === place.learnerGroup),
    ).length;
    const key = placeKey(place);
    const leaky: Knowledge = { ...knowledge, counts: [...(knowledge.counts ?? []), { place, n: truth }] };
    const report = await attackFast(leaky, hierarchy, {
      protectionWidth: PROTECTION_WIDTH,
      integer: true,
      only: new Set([key]),
    });
    expect(report.widthBreaks).toEqual([key]);
    expect(report.verdicts[0].respondents).toEqual([truth, truth]);
  }, 120_000);
});
