import type { FastifyInstance } from 'fastify';
import { OperationTypeNode, type OperationDefinitionNode } from 'graphql';
import { GraphClientError, type GraphClient } from '@nets/web/graph-client';
import type { StaffPortalConcernDetailFragment } from '../../__generated__/graphql';
import { signedInPortal as signedIn } from '../../auth/__fixtures__/sign-in.fixture';
import { concernFixture } from './__fixtures__/concern.fixture';

/** The pages and forms of concerns casework, rendered by the real portal against a graph that keeps one concern. */

const ID = '6f1c2f55-5c1e-4f4e-9d64-1c5a3c0f0a11';
const QUALITY_TEAM = { sub: 'qt', role: 'QUALITY_TEAM', region: 'LONDON', name: 'Quinn Quality' };
const PROVIDER = {
  sub: 'pu',
  role: 'PROVIDER_USER',
  org: '0b8f3d2e-1111-4c4c-8888-222233334444',
  name: 'Pat Provider',
};

const EDUCATION = {
  sub: 'eu',
  role: 'EDUCATION_PROVIDER_USER',
  org: '0b8f3d2e-1111-4c4c-8888-999988887777',
  name: 'Eli Education',
};

const stored = (): StaffPortalConcernDetailFragment => concernFixture({ id: ID });

/** A graph holding one concern: mutations are recorded, and a stale expectedVersion is refused as the graph does. */
function concernGraph() {
  const state = {
    concern: stored(),
    mutations: [] as Array<{ name: string; variables: Record<string, unknown> }>,
  };
  const client: GraphClient = {
    request: async (document, variables) => {
      const operation = document.definitions[0] as OperationDefinitionNode;
      const name = operation.name?.value ?? '';
      const vars = (variables ?? {}) as Record<string, unknown>;
      if (name === 'StaffPortalConcern')
        return {
          concern: vars['id'] === ID ? state.concern : null,
          concernIsfLevels: [{ level: 1, name: 'Routine', description: 'As usual', reviewIntervalDays: 90 }],
        } as never;
      if (name === 'StaffPortalRaiseConcernOrganisations')
        return {
          organisations: {
            edges: [
              { node: { id: state.concern.organisation.id, name: 'Penmouth Hospitals', odsCode: 'R2S' } },
            ],
            pageInfo: { hasNextPage: false, endCursor: null },
          },
        } as never;
      if (name === 'StaffPortalRaiseConcern') {
        state.mutations.push({ name, variables: vars });
        return { raiseConcern: { id: ID, reference: 'C-2026-000043' } } as never;
      }
      if (operation.operation === OperationTypeNode.MUTATION) {
        if (vars['expectedVersion'] !== state.concern.version)
          throw new GraphClientError(
            name,
            [{ code: 'CONFLICT', message: 'The concern changed', details: [] }],
            200,
          );
        state.mutations.push({ name, variables: vars });
        state.concern = { ...state.concern, version: state.concern.version + 1, status: 'TRIAGED' };
        return {} as never;
      }
      if (name === 'StaffPortalConcernDashboard')
        return {
          concernDashboard: {
            region: 'LONDON',
            total: 1,
            byStatus: [{ key: state.concern.status, count: 1 }],
            byIsfLevel: [{ key: 'NONE', count: 1 }],
            byCategory: [{ key: state.concern.category, count: 1 }],
            overdueConcerns: 0,
            overdueActions: 0,
            medianDaysToResolution: null,
          },
        } as never;
      if (name === 'StaffPortalConcernList')
        return {
          concerns: { totalCount: 1, endCursor: null, hasNextPage: false, nodes: [state.concern] },
        } as never;
      if (name === 'StaffPortalConcernIsfLevels') return { concernIsfLevels: [{ level: 1 }] } as never;
      throw new Error(`not faked: ${name}`);
    },
    close: async () => undefined,
  };
  return { client, state };
}

describe('concerns casework pages', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => app?.close());

  it('shows the quality team its dashboard, each count linking to the list filtered to it', async () => {
    const { client } = concernGraph();
    const portal = await signedIn(client, QUALITY_TEAM);
    app = portal.app;
    const dashboard = await portal.get('/concerns');
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain('Concerns: London');
    expect(dashboard.body).toContain('href="/concerns/list?status=RAISED"');
    // None overdue and none resolved: said in words, with no link to an empty list.
    expect(dashboard.body).not.toContain('href="/concerns/list?overdue=yes"');
    expect(dashboard.body).toContain('No concern resolved yet');
    const list = await portal.get('/concerns/list?status=RAISED');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/concerns/${ID}"`);
    expect((await portal.get('/concerns/list?status=NOPE')).statusCode).toBe(400);
  });

  it("shows the quality team a concern's details, timeline and the commands its state allows", async () => {
    const { client } = concernGraph();
    const portal = await signedIn(client, QUALITY_TEAM);
    app = portal.app;
    const page = await portal.get(`/concerns/${ID}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Concern C-2026-000042');
    expect(page.body).toContain('Opened from a red flag');
    expect(page.body).toContain(`href="/concerns/${ID}/triage"`);
    expect(page.body).not.toContain(`href="/concerns/${ID}/post-update"`);
  });

  it('refuses a command the graph does not offer the user, even by its address', async () => {
    const { client, state } = concernGraph();
    // The graph offers a provider nothing on a raised concern someone else raised.
    state.concern = { ...state.concern, availableCommands: [] };
    const portal = await signedIn(client, PROVIDER);
    app = portal.app;
    expect((await portal.get(`/concerns/${ID}`)).body).not.toContain(`/concerns/${ID}/triage`);
    const refused = await portal.post(`/concerns/${ID}/triage`, { expectedVersion: '3', seenTimeline: '1' });
    expect(refused.statusCode).toBe(409);
    expect(state.mutations).toEqual([]);
  });

  it('lets an education provider raise a concern: mistakes named in the error summary, then sent to the graph', async () => {
    const { client, state } = concernGraph();
    const portal = await signedIn(client, EDUCATION);
    app = portal.app;
    const list = await portal.get('/concerns/list');
    expect(list.body).toContain('href="/concerns/raise"');
    const form = await portal.get('/concerns/raise');
    expect(form.statusCode).toBe(200);
    // A search field, not a select of every provider: the search lists the matches to choose from.
    expect(form.body).toContain('Search by name or ODS code');
    expect(form.body).not.toContain('Penmouth Hospitals (R2S)');
    expect(form.body).not.toContain('Who raised the concern?');
    const searched = await portal.post('/concerns/raise', {
      intent: 'search',
      organisationSearch: 'penmouth',
      description: 'Kept while searching',
    });
    expect(searched.statusCode).toBe(200);
    expect(searched.body).toContain('Penmouth Hospitals (R2S)');
    expect(searched.body).toContain('name="organisationId"');
    expect(searched.body).toContain('Kept while searching');
    expect(searched.body).not.toContain('There is a problem');
    const none = await portal.post('/concerns/raise', { intent: 'search', organisationSearch: 'Ashfield' });
    expect(none.body).toContain('No placement provider matches “Ashfield”');
    expect(state.mutations).toEqual([]);
    const wrong = await portal.post('/concerns/raise', { standards: '1.1, nine' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#organisationSearch"');
    for (const message of [
      'Search for the placement provider the concern is about and choose it',
      'Choose the category of the concern',
      'Describe the concern',
      'Enter Quality Framework standards as codes such as 1.1, separated by commas',
    ])
      expect(wrong.body).toContain(message);
    expect(state.mutations).toEqual([]);
    const raised = await portal.post('/concerns/raise', {
      organisationId: state.concern.organisation.id,
      category: 'EDUCATION_DELIVERY',
      description: 'Teaching cancelled for six weeks',
      standards: '5.1, 5.1 2.3',
      programme: 'BSc Adult Nursing',
    });
    expect(raised.statusCode).toBe(303);
    expect(raised.headers.location).toBe(`/concerns/${ID}?done=raised`);
    expect(state.mutations).toEqual([
      {
        name: 'StaffPortalRaiseConcern',
        variables: {
          input: {
            organisationId: state.concern.organisation.id,
            category: 'EDUCATION_DELIVERY',
            description: 'Teaching cancelled for six weeks',
            standardsAtRisk: ['5.1', '2.3'],
            programme: 'BSc Adult Nursing',
          },
        },
      },
    ]);
    expect((await portal.get(`/concerns/${ID}?done=raised`)).body).toContain('is raised.');
    // The only match of the search typed is the organisation meant, without choosing it from the list.
    const bySearch = await portal.post('/concerns/raise', {
      organisationSearch: 'R2S',
      category: 'SUPERVISION',
      description: 'No supervisor on nights',
    });
    expect(bySearch.statusCode).toBe(303);
    expect(state.mutations[1]?.variables).toMatchObject({
      input: { organisationId: state.concern.organisation.id },
    });
  });

  it('asks the quality team who raised it, and refuses the form to a placement provider', async () => {
    const { client } = concernGraph();
    const quality = await signedIn(client, QUALITY_TEAM);
    app = quality.app;
    expect((await quality.get('/concerns/raise')).body).toContain('Who raised the concern?');
    const noSource = await quality.post('/concerns/raise', { category: 'SUPERVISION' });
    expect(noSource.body).toContain('Say whether your team or a regulator raised the concern');
    await quality.app.close();
    const provider = await signedIn(client, PROVIDER);
    app = provider.app;
    expect((await provider.get('/concerns/raise')).statusCode).toBe(403);
  });

  it('triages with the risk matrix: mistakes are listed and linked, a correct form is sent with the version seen', async () => {
    const { client, state } = concernGraph();
    const portal = await signedIn(client, QUALITY_TEAM);
    app = portal.app;
    const form = await portal.get(`/concerns/${ID}/triage`);
    expect(form.body).toContain('name="expectedVersion" value="3"');
    expect(form.body).toContain('value="5-5"');
    const wrong = await portal.post(`/concerns/${ID}/triage`, {
      expectedVersion: '3',
      seenTimeline: '1',
      category: 'SUPERVISION',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('href="#risk"');
    expect(wrong.body).toContain('href="#reason"');
    expect(state.mutations).toEqual([]);
    const sent = await portal.post(`/concerns/${ID}/triage`, {
      expectedVersion: '3',
      seenTimeline: '1',
      category: 'SUPERVISION',
      risk: '4-3',
      reason: 'Two cycles of red flags',
    });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/concerns/${ID}?done=triage`);
    expect(state.mutations).toEqual([
      {
        name: 'StaffPortalTriageConcern',
        variables: {
          id: ID,
          expectedVersion: 3,
          input: {
            category: 'SUPERVISION',
            standardsAtRisk: [],
            risk: { likelihood: 4, consequence: 3, controls: null },
            summary: null,
            reason: 'Two cycles of red flags',
          },
        },
      },
    ]);
  });

  it('shows a conflicting edit, keeps what was typed and sends it only when the user submits again', async () => {
    const { client, state } = concernGraph();
    const portal = await signedIn(client, QUALITY_TEAM);
    app = portal.app;
    state.concern = {
      ...state.concern,
      version: 4,
      timeline: [
        ...state.concern.timeline,
        {
          ...state.concern.timeline[0],
          id: '2',
          actor: 'Sam Second',
          actorRole: 'QUALITY_TEAM',
          kind: 'SHARE_WITH_REGULATORS',
          what: 'Shared with CQC',
        },
      ],
    };
    const typed = {
      expectedVersion: '3',
      seenTimeline: '1',
      category: 'SUPERVISION',
      risk: '2-2',
      reason: 'Mine',
    };
    const conflict = await portal.post(`/concerns/${ID}/triage`, typed);
    expect(conflict.statusCode).toBe(400);
    expect(conflict.body).toContain('Someone else changed this concern');
    expect(conflict.body).toContain('Sam Second (quality team): Shared with CQC');
    expect(conflict.body).toContain('name="expectedVersion" value="4"');
    expect(conflict.body).toContain('Mine</textarea>');
    expect(state.mutations).toEqual([]);
    const retried = await portal.post(`/concerns/${ID}/triage`, {
      ...typed,
      expectedVersion: '4',
      seenTimeline: '2',
    });
    expect(retried.statusCode).toBe(303);
    expect(state.mutations.map((m) => m.variables['expectedVersion'])).toEqual([4]);
  });
});
