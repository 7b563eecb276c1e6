import type { FastifyInstance } from 'fastify';
import type { OperationDefinitionNode } from 'graphql';
import { GraphClientError, type GraphClient } from '@nets/web/graph-client';
import type { StaffPortalPsaAssessmentFragment, StaffPortalPsaFormQuery } from '../../__generated__/graphql';
import { signedInPortal as signedIn } from '../../auth/__fixtures__/sign-in.fixture';

/** The self-assessment pages and the quality team's review, rendered by the real portal against a small graph. */

const ORG = '0b8f3d2e-1111-4c4c-8888-222233334444';
const OTHER = '0b8f3d2e-1111-4c4c-8888-555566667777';
const PROVIDER = { sub: 'pu', role: 'PROVIDER_USER', org: ORG, name: 'Pat Provider' };
const QUALITY_TEAM = { sub: 'qt', role: 'QUALITY_TEAM', region: 'LONDON', name: 'Quinn Quality' };
const EDUCATION = { sub: 'eu', role: 'EDUCATION_PROVIDER_USER', org: OTHER, name: 'Eli Education' };

const QUESTIONS: StaffPortalPsaFormQuery['selfAssessmentQuestionSet'] = {
  year: 2026,
  domains: [
    {
      number: 1,
      title: 'Learning environment and culture',
      standards: [
        { standardCode: '1.1', title: 'Safe learning', prompt: 'Standard 1.1' },
        { standardCode: '1.2', title: 'Speaking up', prompt: 'Standard 1.2' },
      ],
    },
  ],
  indicators: [
    { indicator: 'EDI_LEAD', question: 'Is there an EDI lead?' },
    { indicator: 'SLEC_AWARE', question: 'Are you aware of SLEC?' },
  ],
};

const blank = (): StaffPortalPsaAssessmentFragment => ({
  id: 'a1',
  year: 2026,
  status: 'DRAFT',
  locked: false,
  dueAt: '2027-02-05T00:00:00.000Z',
  late: false,
  submittedAt: null,
  submissionCount: 0,
  standards: QUESTIONS.domains[0].standards.map((s) => ({
    standardCode: s.standardCode,
    domainNumber: 1,
    title: s.title,
    rating: null,
    evidence: null,
    action: null,
  })),
  indicators: QUESTIONS.indicators.map((i) => ({ ...i, answer: null })),
  signOff: null,
  reviews: [],
  reviewComments: null,
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: 0,
});

type Vars = Record<string, never>;

/** A graph holding one organisation's 2026 assessment (none until the first save). */
function psaGraph() {
  const state = {
    assessment: null as StaffPortalPsaAssessmentFragment | null,
    calls: [] as Array<{ name: string; variables: Record<string, unknown> }>,
  };
  const organisation = { id: ORG, name: 'Penmouth Hospitals', odsCode: 'R2S', region: 'LONDON' };
  /** The graph's optimistic lock on submit and review: a stale version is refused (omitted: not checked). */
  const lock = (expected: unknown) => {
    if (expected !== undefined && expected !== null && expected !== state.assessment?.version)
      throw new GraphClientError(
        'lock',
        [{ code: 'CONFLICT', message: 'Someone else changed this self-assessment', details: [] }],
        200,
      );
  };
  const client: GraphClient = {
    request: async (document, variables) => {
      const name = (document.definitions[0] as OperationDefinitionNode).name?.value ?? '';
      const vars = (variables ?? {}) as Vars & Record<string, unknown>;
      state.calls.push({ name, variables: vars });
      const input = vars['input'] as Record<string, unknown> | undefined;
      switch (name) {
        case 'StaffPortalPsaCycles':
          return {
            selfAssessmentCycles: [
              { year: 2026, opensAt: '2026-11-01T00:00:00.000Z', dueAt: '2027-02-05T00:00:00.000Z' },
            ],
          } as never;
        case 'StaffPortalPsaForm':
        case 'StaffPortalPsaReview':
          if (vars['year'] !== 2026)
            return {
              selfAssessmentCycle: null,
              selfAssessmentQuestionSet: QUESTIONS,
              organisation: null,
            } as never;
          return {
            selfAssessmentCycle: {
              year: 2026,
              opensAt: '2026-11-01T00:00:00.000Z',
              dueAt: '2027-02-05T00:00:00.000Z',
            },
            selfAssessmentQuestionSet: QUESTIONS,
            organisation: { ...organisation, selfAssessment: state.assessment },
          } as never;
        case 'StaffPortalPsaSave': {
          // The graph's optimistic lock: a save over a version other than the current one is refused.
          if (input?.['expectedVersion'] !== (state.assessment?.version ?? 0))
            throw new GraphClientError(
              name,
              [{ code: 'CONFLICT', message: 'Someone else saved this self-assessment', details: [] }],
              200,
            );
          const now = state.assessment ?? blank();
          const standards = (input?.['standards'] ?? []) as Array<Record<string, unknown>>;
          const indicators = (input?.['indicators'] ?? []) as Array<Record<string, unknown>>;
          state.assessment = {
            ...now,
            version: now.version + 1,
            updatedAt: '2026-12-07T09:00:00.000Z',
            standards: now.standards.map((s) => {
              const given = standards.find((g) => g['standardCode'] === s.standardCode);
              return given ? ({ ...s, ...given } as typeof s) : s;
            }),
            indicators: now.indicators.map((i) => {
              const given = indicators.find((g) => g['indicator'] === i.indicator);
              return given ? { ...i, answer: given['answer'] as boolean | null } : i;
            }),
          };
          return { saveSelfAssessment: { id: 'a1', status: state.assessment.status } } as never;
        }
        case 'StaffPortalPsaSubmit':
          if (!state.assessment)
            throw new GraphClientError(name, [{ code: 'CONFLICT', message: 'Save first', details: [] }], 200);
          lock(vars['expectedVersion']);
          state.assessment = {
            ...state.assessment,
            version: state.assessment.version + 1,
            status: 'SUBMITTED',
            submittedAt: '2026-12-07T10:00:00.000Z',
            submissionCount: state.assessment.submissionCount + 1,
            signOff: {
              ...(vars['signOff'] as { name: string; jobTitle: string }),
              signedAt: '2026-12-07T10:00:00.000Z',
            },
          };
          return { submitSelfAssessment: { id: 'a1', status: 'SUBMITTED' } } as never;
        case 'StaffPortalPsaReturns':
          return {
            selfAssessmentReturns: [
              {
                organisation,
                status: state.assessment?.status ?? 'NOT_STARTED',
                submitted: state.assessment?.status === 'SUBMITTED',
                late: false,
                assessment: state.assessment,
              },
              {
                organisation: { id: OTHER, name: 'Quiet Trust', odsCode: 'RQ1', region: 'LONDON' },
                status: 'NOT_STARTED',
                submitted: false,
                late: true,
                assessment: null,
              },
            ],
          } as never;
        case 'StaffPortalPsaDecide': {
          if (!state.assessment) throw new Error('nothing to review');
          lock(input?.['expectedVersion']);
          const decision = input?.['decision'];
          const status =
            decision === 'START_REVIEW' ? 'UNDER_REVIEW' : decision === 'ACCEPT' ? 'ACCEPTED' : 'RETURNED';
          state.assessment = {
            ...state.assessment,
            version: state.assessment.version + 1,
            status,
            reviews: [
              ...state.assessment.reviews,
              {
                decision: decision as 'ACCEPT',
                comments: (input?.['comments'] as string) ?? null,
                at: '2026-12-07T11:00:00.000Z',
              },
            ],
            reviewComments:
              decision === 'RETURN' ? (input?.['comments'] as string) : state.assessment.reviewComments,
          };
          return { reviewSelfAssessment: { id: 'a1', status } } as never;
        }
      }
      throw new Error(`not faked: ${name}`);
    },
    close: async () => undefined,
  };
  return { client, state };
}

const complete = {
  's1-1-rating': 'MET',
  's1-1-evidence': 'Audit',
  's1-2-rating': 'NOT_MET',
  's1-2-evidence': 'Survey',
  's1-2-action': 'Champions',
  's1-2-owner': 'Director of Education',
  's1-2-due-day': '31',
  's1-2-due-month': '3',
  's1-2-due-year': '2027',
  expectedVersion: '0',
};

describe('the Provider Self-Assessment pages', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => app?.close());

  it('takes a provider from the task list through a domain, the indicators and the sign-off', async () => {
    const { client, state } = psaGraph();
    const portal = await signedIn(client, PROVIDER);
    app = portal.app;
    const start = await portal.get('/self-assessment');
    expect(start.statusCode).toBe(303);
    expect(start.headers.location).toBe('/self-assessment/2026');
    const tasks = await portal.get('/self-assessment/2026');
    expect(tasks.statusCode).toBe(200);
    expect(tasks.body).toContain('href="/self-assessment/2026/domain/1"');
    expect(tasks.body).toContain('Not started');

    // An action begun without its owner is named; nothing is saved.
    const bad = await portal.post('/self-assessment/2026/domain/1', { ...complete, 's1-2-owner': '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Standard 1.2: enter who owns the action');
    expect(bad.body).toContain('href="#s1-2-owner"');
    expect(state.assessment).toBeNull();

    const saved = await portal.post('/self-assessment/2026/domain/1', complete);
    expect(saved.statusCode).toBe(303);
    expect(state.calls.find((c) => c.name === 'StaffPortalPsaSave')?.variables).toEqual({
      input: {
        organisationId: ORG,
        year: 2026,
        expectedVersion: 0,
        standards: [
          { standardCode: '1.1', rating: 'MET', evidence: 'Audit', action: null },
          {
            standardCode: '1.2',
            rating: 'NOT_MET',
            evidence: 'Survey',
            action: { description: 'Champions', owner: 'Director of Education', dueDate: '2027-03-31' },
          },
        ],
      },
    });
    const domain = await portal.get('/self-assessment/2026/domain/1');
    expect(domain.body).toContain('value="Director of Education"');
    expect(domain.body).toContain('Provider Self-Assessment 2026, Penmouth Hospitals');
    expect(domain.body).not.toContain('function macro');

    const early = await portal.get('/self-assessment/2026/submit');
    expect(early.body).toContain('Still to answer');
    expect(early.body).toContain('href="/self-assessment/2026/indicators"');

    expect(
      (
        await portal.post('/self-assessment/2026/indicators', {
          'i-edi-lead': 'yes',
          'i-slec-aware': 'no',
          expectedVersion: '1',
        })
      ).statusCode,
    ).toBe(303);
    expect(state.assessment?.indicators.map((i) => i.answer)).toEqual([true, false]);

    const noSignOff = await portal.post('/self-assessment/2026/submit', { expectedVersion: '2' });
    expect(noSignOff.statusCode).toBe(400);
    expect(noSignOff.body).toContain('Enter the full name of the senior leader signing off');
    expect(noSignOff.body).toContain(
      'Confirm that the senior leader has reviewed and agreed the self-assessment',
    );
    const signOff = {
      signOffName: 'Dr Ada Okafor',
      signOffJobTitle: 'Chief Nursing Officer',
      declaration: 'confirmed',
    };
    const page = await portal.get('/self-assessment/2026/submit');
    expect(page.body).toContain('name="expectedVersion" value="2"');
    // A colleague saves meanwhile: the sign-off of what the page showed is refused, what was typed is kept.
    expect(
      (
        await portal.post('/self-assessment/2026/indicators', {
          'i-edi-lead': 'yes',
          'i-slec-aware': 'yes',
          expectedVersion: '2',
        })
      ).statusCode,
    ).toBe(303);
    const stale = await portal.post('/self-assessment/2026/submit', { ...signOff, expectedVersion: '2' });
    expect(stale.statusCode).toBe(400);
    expect(stale.body).toContain('Someone else changed this self-assessment');
    expect(stale.body).toContain('href="#what-changed"');
    expect(stale.body).toContain('value="Dr Ada Okafor"');
    expect(stale.body).toContain('name="expectedVersion" value="3"');
    expect(state.assessment?.status).toBe('DRAFT');
    const submitted = await portal.post('/self-assessment/2026/submit', { ...signOff, expectedVersion: '3' });
    expect(submitted.statusCode).toBe(303);
    expect(
      state.calls.find((c) => c.name === 'StaffPortalPsaSubmit' && c.variables['expectedVersion'] === 3),
    ).toBeDefined();
    expect(state.assessment?.status).toBe('SUBMITTED');
    const after = await portal.get('/self-assessment/2026?done=submitted');
    expect(after.body).toContain('Your self-assessment is submitted.');
    expect(after.body).toContain('Dr Ada Okafor, Chief Nursing Officer');
    const locked = await portal.get('/self-assessment/2026/domain/1');
    expect(locked.body).not.toContain('Save and return to the sections');
  });

  it('shows a save over a draft someone else saved since as a conflict, merges what was not changed, and saves on retry', async () => {
    const { client, state } = psaGraph();
    const portal = await signedIn(client, PROVIDER);
    app = portal.app;
    const hidden = (body: string, name: string) =>
      new RegExp(`name="${name}" value="([^"]*)"`).exec(body)?.[1] ?? '';
    expect((await portal.post('/self-assessment/2026/domain/1', complete)).statusCode).toBe(303);
    const page = await portal.get('/self-assessment/2026/domain/1');
    expect(hidden(page.body, 'expectedVersion')).toBe('1');
    const seen = { 's1-1-seen': hidden(page.body, 's1-1-seen'), 's1-2-seen': hidden(page.body, 's1-2-seen') };
    expect(seen['s1-1-seen']).not.toBe('');
    // A colleague saves a new 1.1 evidence meanwhile (version 2).
    const colleague = { ...complete, 's1-1-evidence': 'Colleague’s audit', expectedVersion: '1' };
    expect((await portal.post('/self-assessment/2026/domain/1', colleague)).statusCode).toBe(303);

    // This user changed only 1.2 on the page they had open.
    const mine = { ...complete, ...seen, 's1-2-evidence': 'My survey', expectedVersion: '1' };
    const conflict = await portal.post('/self-assessment/2026/domain/1', mine);
    expect(conflict.statusCode).toBe(400);
    expect(conflict.body).toContain('Someone else saved this self-assessment');
    expect(conflict.body).toContain('href="#what-changed"');
    expect(conflict.body).toContain('Standard 1.2: saved as not met, evidence “Survey”');
    expect(conflict.body).not.toContain('Standard 1.1: saved as');
    // 1.1, untouched here, now shows the colleague's answer; 1.2 keeps this user's change, unsaved.
    expect(conflict.body).toContain('Colleague’s audit');
    expect(conflict.body).toContain('My survey');
    expect(hidden(conflict.body, 'expectedVersion')).toBe('2');
    expect(state.assessment?.standards[1]?.evidence).toBe('Survey');

    const retried = await portal.post('/self-assessment/2026/domain/1', {
      ...mine,
      's1-1-evidence': 'Colleague’s audit',
      's1-1-seen': hidden(conflict.body, 's1-1-seen'),
      's1-2-seen': hidden(conflict.body, 's1-2-seen'),
      expectedVersion: '2',
    });
    expect(retried.statusCode).toBe(303);
    expect(state.assessment?.version).toBe(3);
    expect(state.assessment?.standards.map((a) => a.evidence)).toEqual(['Colleague’s audit', 'My survey']);

    // A post that does not say what it was built on is shown again, not saved.
    const { expectedVersion: _dropped, ...unversioned } = mine;
    expect((await portal.post('/self-assessment/2026/domain/1', unversioned)).statusCode).toBe(200);
    expect(state.assessment?.version).toBe(3);
  });

  it('lets the quality team see who has not submitted, start the review and return it; the provider sees the comments', async () => {
    const { client, state } = psaGraph();
    state.assessment = {
      ...blank(),
      status: 'SUBMITTED',
      submittedAt: '2026-12-07T10:00:00.000Z',
      submissionCount: 1,
    };
    const quality = await signedIn(client, QUALITY_TEAM);
    app = quality.app;
    const returns = await quality.get('/self-assessment-reviews');
    expect(returns.statusCode).toBe(200);
    expect(returns.body).toContain('Provider Self-Assessment returns: London');
    expect(returns.body).toContain('1 not submitted');
    expect(returns.body).toContain(`href="/self-assessment-reviews/2026/${ORG}"`);
    const owing = await quality.get('/self-assessment-reviews?show=not-submitted');
    expect(owing.body).toContain('Quiet Trust');
    expect(owing.body).not.toContain('Penmouth Hospitals</a>');
    expect((await quality.get('/self-assessment-reviews?show=nope')).statusCode).toBe(400);

    const page = await quality.get(`/self-assessment-reviews/2026/${ORG}`);
    expect(page.body).toContain('Start the review');
    expect(page.body).toContain('name="expectedVersion" value="0"');
    const seen = { expectedVersion: '0', seenTimeline: '0' };
    expect(
      (await quality.post(`/self-assessment-reviews/2026/${ORG}`, { decision: 'START_REVIEW', ...seen }))
        .statusCode,
    ).toBe(303);
    const noComments = await quality.post(`/self-assessment-reviews/2026/${ORG}`, {
      decision: 'RETURN',
      expectedVersion: '1',
      seenTimeline: '1',
    });
    expect(noComments.statusCode).toBe(400);
    expect(noComments.body).toContain('Say what the provider must change before it submits again');
    const returned = await quality.post(`/self-assessment-reviews/2026/${ORG}`, {
      decision: 'RETURN',
      comments: 'Give the audit dates.',
      expectedVersion: '1',
      seenTimeline: '1',
    });
    expect(returned.statusCode).toBe(303);
    expect(state.assessment?.status).toBe('RETURNED');
    // A second reviewer's page, built before the return, would accept it: refused, shown, nothing sent.
    const second = await quality.post(`/self-assessment-reviews/2026/${ORG}`, {
      decision: 'ACCEPT',
      comments: 'All good',
      expectedVersion: '1',
      seenTimeline: '1',
    });
    expect(second.statusCode).toBe(400);
    expect(second.body).toContain('Someone else changed this self-assessment');
    expect(second.body).toContain('Returned for changes (“Give the audit dates.”)');
    expect(second.body).toContain('Your decision can no longer be taken: it was not sent');
    expect(second.body).toContain('Your decision was not sent: accept it, with your comments “All good”');
    expect(state.assessment?.status).toBe('RETURNED');
    expect(state.assessment?.reviews).toHaveLength(2);
    // A post that does not say what it was built on is shown again, not sent.
    expect(
      (await quality.post(`/self-assessment-reviews/2026/${ORG}`, { decision: 'ACCEPT' })).statusCode,
    ).toBe(200);
    await quality.app.close();

    const provider = await signedIn(client, PROVIDER);
    app = provider.app;
    const tasks = await provider.get('/self-assessment/2026');
    expect(tasks.body).toContain('Returned for changes');
    expect(tasks.body).toContain('Give the audit dates.');
  });

  it('keeps each side to its own pages', async () => {
    const { client } = psaGraph();
    const education = await signedIn(client, EDUCATION);
    app = education.app;
    expect((await education.get('/self-assessment')).statusCode).toBe(403);
    expect((await education.get('/self-assessment-reviews')).statusCode).toBe(403);
    await education.app.close();
    const provider = await signedIn(client, PROVIDER);
    app = provider.app;
    expect((await provider.get('/self-assessment-reviews')).statusCode).toBe(403);
    expect((await provider.get('/self-assessment/2031')).statusCode).toBe(404);
    expect((await provider.get('/self-assessment/2026/domain/9')).statusCode).toBe(404);
  });
});
