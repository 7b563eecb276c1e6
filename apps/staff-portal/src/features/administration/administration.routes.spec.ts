import type { FastifyInstance } from 'fastify';
import type { OperationDefinitionNode } from 'graphql';
import { GraphClientError, type GraphClient } from '@nets/web/graph-client';
import { signedInPortal as signedIn } from '../../auth/__fixtures__/sign-in.fixture';

/** The administration pages rendered by the real portal against a graph that records what it is asked. */

const ADMIN = { sub: 'ad', role: 'ADMIN', name: 'Ada Admin' };
const ANALYST = { sub: 'an', role: 'NATIONAL_ANALYST', name: 'Ana Analyst' };

const CYCLE = {
  year: 2027,
  name: 'NETS 2027',
  status: 'DRAFT',
  opensAt: '2027-01-01T00:00:00.000Z',
  closesAt: '2027-03-01T23:59:59.000Z',
  openedAt: null,
  closedAt: null,
  imported: false,
  questionnaire: null,
  questionnaires: [],
  overrides: [],
  resultsRelease: { year: 2027, status: 'NOT_RELEASED', releasedAt: null, respondents: 4, lateResponses: 1 },
};

function fakeGraph(cycle: Record<string, unknown> = CYCLE) {
  const asked: Array<{ name: string; variables: Record<string, unknown> }> = [];
  const client: GraphClient = {
    request: async (document, variables) => {
      const name = (document.definitions[0] as OperationDefinitionNode).name?.value ?? '';
      const vars = (variables ?? {}) as Record<string, unknown>;
      asked.push({ name, variables: vars });
      switch (name) {
        case 'StaffPortalAdminCycle':
          return { surveyCycle: vars['year'] === 2027 ? cycle : null } as never;
        case 'StaffPortalOpenSurveyCycle':
          throw new GraphClientError(
            name,
            [
              {
                code: 'CONFLICT',
                message: 'The 2027 cycle has no published questionnaire to open with.',
                details: [],
              },
            ],
            200,
          );
        case 'StaffPortalImportOrganisations': {
          const bad = String(vars['csv']).includes('ZZZ');
          return {
            importOrganisations: {
              committed: !bad && vars['dryRun'] === false,
              registered: 1,
              updated: 0,
              unchanged: 0,
              rejected: bad ? [{ line: 3, code: 'RXX01', reasons: ['parent ZZZ is not registered'] }] : [],
            },
          } as never;
        }
        default:
          throw new Error(`not faked: ${name}`);
      }
    },
    close: async () => undefined,
  };
  return { client, asked };
}

describe('survey administration pages', () => {
  let app: FastifyInstance | undefined;
  afterEach(async () => app?.close());

  it('are for administrators only: a national analyst gets the "not available" page and no menu entry', async () => {
    const { client, asked } = fakeGraph();
    const portal = await signedIn(client, ANALYST);
    app = portal.app;
    const page = await portal.get('/administration/cycles/2027');
    expect(page.statusCode).toBe(403);
    expect(page.body).not.toContain('href="/administration"');
    expect(asked).toEqual([]);
  });

  it("show a cycle with analytics' count and late responses, and the graph's refusal in its own words", async () => {
    const { client, asked } = fakeGraph();
    const portal = await signedIn(client, ADMIN);
    app = portal.app;
    const page = await portal.get('/administration/cycles/2027');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/administration"');
    expect(page.body).toMatch(/Respondents counted by analytics\s*<\/dt>\s*<dd[^>]*>\s*4\s*</);
    expect(page.body).toMatch(/Late responses\s*<\/dt>\s*<dd[^>]*>\s*1\s*</);
    const refused = await portal.post('/administration/cycles/2027', { command: 'open' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('There is a problem');
    expect(refused.body).toContain('The 2027 cycle has no published questionnaire to open with.');
    expect(asked.find((a) => a.name === 'StaffPortalOpenSurveyCycle')?.variables).toEqual({
      year: 2027,
      override: null,
    });
    expect((await portal.get('/administration/cycles/1999')).statusCode).toBe(404);
  });

  it('offers a closed cycle the release and an override to reopen it, and a released one neither', async () => {
    const closed = { ...CYCLE, status: 'CLOSED', closedAt: '2027-03-01T23:59:59.000Z' };
    const portal = await signedIn(fakeGraph(closed).client, ADMIN);
    app = portal.app;
    const page = await portal.get('/administration/cycles/2027');
    expect(page.body).toContain('Reopen the cycle (administrator override)');
    expect(page.body).toContain('Release the results');
    await app.close();
    const released = {
      ...closed,
      resultsRelease: {
        ...closed.resultsRelease,
        status: 'RELEASED',
        releasedAt: '2027-03-05T10:00:00.000Z',
      },
    };
    const after = await signedIn(fakeGraph(released).client, ADMIN);
    app = after.app;
    const releasedPage = await after.get('/administration/cycles/2027');
    expect(releasedPage.body).toContain('Released 5 March 2027');
    expect(releasedPage.body).toMatch(/Respondents released\s*<\/dt>\s*<dd[^>]*>\s*4\s*</);
    expect(releasedPage.body).not.toContain('Release the results');
    expect(releasedPage.body).not.toContain('Reopen the cycle');
  });

  it('previews an import as a dry run, refuses a bad row with its reason, and applies only on request', async () => {
    const { client, asked } = fakeGraph();
    const portal = await signedIn(client, ADMIN);
    app = portal.app;
    const header = 'code,name,kind,roles,region,parent_code';
    const good = 'RXX,Riverside NHS Trust,NHS_TRUST,PLACEMENT_PROVIDER,LONDON,';
    const refused = await portal.post('/administration/organisations/import', {
      step: 'preview',
      csv: [header, good, 'RXX01,Ward,,,,ZZZ'].join('\r\n'),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Line 3 (RXX01): parent ZZZ is not registered');
    expect(refused.body).not.toContain('Apply the import');
    expect(asked.map((a) => a.variables['dryRun'])).toEqual([true]);

    const preview = await portal.post('/administration/organisations/import', {
      step: 'preview',
      csv: [header, good].join('\n'),
    });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('Apply the import');
    const applied = await portal.post('/administration/organisations/import', {
      step: 'apply',
      csv: [header, good].join('\n'),
    });
    expect(applied.body).toContain('Organisations imported');
    expect(asked.map((a) => a.variables['dryRun'])).toEqual([true, true, false]);
  });
});
