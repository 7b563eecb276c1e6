import type { BrowserContextOptions, Page } from 'playwright-core';
import { REGION_NAMES, type Region } from '@nets/shared/auth';
import { tokens } from '@nets/shared/testing';
import { AT_200_PERCENT_ZOOM, markJavaScriptDisabled } from '@nets/web/testing';
import { newStaffBrowser, startPortalWorld, type PortalWorld } from '../support/portal-world';
import { checkPage, pageHeading, readTable, signInAs } from '../support/staff-steps';

/**
 * Role gating in Chromium against the real platform and the demo data: each role's navigation leads only to
 * pages it may use; a page it may not use is the designed "not available" page (403), and the graph refuses
 * that role's data anyway, asked directly with the same user's token. Then the main reporting pages with
 * JavaScript off and at 200% zoom.
 */
jest.setTimeout(900_000);

interface Organisation {
  id: string;
  name: string;
  region: Region;
}

let world: PortalWorld;
/** JavaScript off: the header lists every navigation entry the server rendered (no "More" folding). */
const NO_SCRIPT: BrowserContextOptions = { javaScriptEnabled: false, viewport: { width: 1280, height: 900 } };

beforeAll(async () => {
  world = await startPortalWorld('portal_roles');
  // The first read of a released cycle's views is the slow one: done here, not inside a journey's sign-in.
  const year = await latestReleasedYear();
  await world.gateway.call(`{ nationalSummary(year: ${year}) { respondents } }`, {}, await tokens.analyst());
}, 900_000);

afterAll(async () => world?.stop());

async function organisationByOds(odsCode: string): Promise<Organisation> {
  const { organisationByOdsCode } = await world.gateway.call<{ organisationByOdsCode: Organisation }>(
    'query($ods: String!) { organisationByOdsCode(odsCode: $ods) { id name region } }',
    { ods: odsCode },
  );
  return organisationByOdsCode;
}

/** A placement provider of the demo registry outside `region`. */
async function providerOutside(region: Region): Promise<Organisation> {
  const { organisations } = await world.gateway.call<{
    organisations: { edges: Array<{ node: Organisation }> };
  }>(
    `{ organisations(filter: { role: PLACEMENT_PROVIDER }, first: 75) { edges { node { id name region } } } }`,
    {},
  );
  const other = organisations.edges.map((edge) => edge.node).find((node) => node.region !== region);
  if (!other) throw new Error(`No demo provider outside ${region}`);
  return other;
}

const latestReleasedYear = async (): Promise<number> => {
  const { surveyCycles } = await world.gateway.as(await tokens.analyst()).call<{
    surveyCycles: Array<{ year: number; resultsRelease: { status: string } }>;
  }>('{ surveyCycles { year resultsRelease { status } } }', {});
  return Math.max(...surveyCycles.filter((c) => c.resultsRelease.status === 'RELEASED').map((c) => c.year));
};

/** Signs in (JavaScript off) as the user on the page asked for. */
async function signedIn(username: string, path: string, options: BrowserContextOptions = NO_SCRIPT) {
  const { context, page } = await newStaffBrowser(world, options);
  // Two cores shared with the whole platform (and other runs): a page may wait long for the graph, never fail.
  context.setDefaultTimeout(120_000);
  if (options.javaScriptEnabled === false) markJavaScriptDisabled(context);
  await page.goto(path);
  await signInAs(page, username);
  await page.waitForURL((url) => url.pathname !== '/auth/callback');
  return { context, page };
}

/** The header's navigation links as the server rendered them: text and address. */
async function navigationOf(page: Page): Promise<Array<{ text: string; href: string }>> {
  const links = page.getByRole('navigation', { name: 'Reporting Tool' }).getByRole('link');
  return links.evaluateAll((elements) =>
    elements.map((element) => ({
      text: (element.textContent ?? '').replace(/\s+/g, ' ').trim(),
      href: element.getAttribute('href') ?? '',
    })),
  );
}

/** Every entry of the navigation opens a page the user may use: never the "not available" page. */
async function expectEveryEntryUsable(page: Page, entries: Array<{ text: string; href: string }>) {
  for (const entry of entries) {
    const response = await page.goto(entry.href);
    expect([entry.text, response?.status()]).toEqual([entry.text, 200]);
    expect(await pageHeading(world, page)).not.toBe('This page is not available to you');
  }
}

/** The page is the designed "not available" page, with a 403, naming nothing of what was refused. */
async function expectNotAvailable(page: Page, path: string, state: string, hidden: string[] = []) {
  const response = await page.goto(path);
  expect([path, response?.status()]).toEqual([path, 403]);
  expect(await pageHeading(world, page)).toBe('This page is not available to you');
  for (const text of hidden) expect(await page.getByText(text).count()).toBe(0);
  await checkPage(page, state);
}

/** The graph itself refuses this user the data, whatever the portal shows: FORBIDDEN, asked directly. */
const refusedTo =
  (token: string) =>
  async (query: string, variables: Record<string, unknown> = {}): Promise<void> =>
    expect(world.gateway.request(query, variables, token)).resolves.toMatchObject({
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })],
    });

const FEEDBACK =
  'query($id: ID!, $y: Int!) { organisationFeedback(organisationId: $id, year: $y) { suppressed } }';

describe('what each role may see', () => {
  it('a provider user uses only its pages, and the graph refuses it the rest', async () => {
    const own = await organisationByOds('R2S');
    const other = await providerOutside(own.region);
    const year = await latestReleasedYear();
    const { context, page } = await signedIn('provider.r2s', '/overview');
    expect(await pageHeading(world, page)).toBe('National overview');
    const entries = await navigationOf(page);
    expect(entries.map((entry) => entry.text)).toEqual(
      expect.arrayContaining(['National overview', 'Measure explorer', 'Provider dashboard', 'Comments']),
    );
    await checkPage(page, 'roles-provider-overview');
    await expectEveryEntryUsable(page, entries);

    // The quality team's review queue: not offered, and not available by its address.
    expect(entries.some((entry) => entry.href.startsWith('/comments/review'))).toBe(false);
    await page.goto('/comments');
    expect(await page.getByRole('link', { name: /Review the comments/ }).count()).toBe(0);
    await expectNotAvailable(page, '/comments/review', 'roles-provider-review-queue');
    // Another organisation by editing the address: its dashboard, its comments, its sites in the explorer.
    await expectNotAvailable(page, `/provider-dashboard/${other.id}`, 'roles-provider-other-dashboard', [
      other.name,
    ]);
    await expectNotAvailable(page, `/comments/${other.id}?year=${year}`, 'roles-provider-other-comments', [
      other.name,
    ]);
    await expectNotAvailable(
      page,
      `/explorer?by=site&organisation=${other.id}`,
      'roles-provider-other-sites',
    );
    // Regions are not a provider's to compare.
    await expectNotAvailable(page, '/explorer?by=region', 'roles-provider-by-region');
    await context.close();

    // The graph refuses the same data to the same user, whatever the portal shows.
    const refused = refusedTo(await tokens.provider(own.id));
    await refused(
      'query($id: ID!, $y: Int!) { organisation(id: $id) { netsResults(year: $y) { measureKey } } }',
      { id: other.id, y: year },
    );
    await refused(FEEDBACK, { id: other.id, y: year });
    await refused('{ responseCommentsAwaitingReview { id } }');
    await refused(`{ measureResults(year: ${year}, groupBy: [REGION]) { measureKey } }`);
  });

  it("a quality team uses its region's pages and review queue, and the graph refuses another region", async () => {
    const inRegion = await organisationByOds('R2S');
    const region = inRegion.region;
    const other = await providerOutside(region);
    const year = await latestReleasedYear();
    const username = `quality.${region.toLowerCase().replace(/_/g, '-')}`;
    const { context, page } = await signedIn(username, '/comments');
    expect(await pageHeading(world, page)).toBe("Learners' comments");
    const entries = await navigationOf(page);
    expect(entries.map((entry) => entry.text)).toEqual(
      expect.arrayContaining([
        'National overview',
        'Measure explorer',
        'Provider dashboard',
        'Quality flags',
      ]),
    );
    await expectEveryEntryUsable(page, entries);
    const queue = await page.goto('/comments/review');
    expect(queue?.status()).toBe(200);
    expect(await pageHeading(world, page)).toBe('Comments waiting for review');
    await checkPage(page, 'roles-quality-team-review-queue');

    const ownDashboard = await page.goto(`/provider-dashboard/${inRegion.id}`);
    expect(ownDashboard?.status()).toBe(200);
    expect(await pageHeading(world, page)).toContain(inRegion.name);
    await expectNotAvailable(page, `/provider-dashboard/${other.id}`, 'roles-quality-team-other-dashboard', [
      other.name,
    ]);
    await expectNotAvailable(page, `/comments/${other.id}?year=${year}`, 'roles-quality-team-other-comments');
    await expectNotAvailable(
      page,
      `/explorer?by=organisation&region=${other.region}`,
      'roles-quality-team-other-region',
    );
    await context.close();

    const refused = refusedTo(await tokens.qualityTeam(region));
    await refused(FEEDBACK, { id: other.id, y: year });
    await refused(
      `query($r: [NhsRegion!]) { measureResults(year: ${year}, groupBy: [ORGANISATION], filter: { regions: $r }) { measureKey } }`,
      { r: [other.region] },
    );
  });

  it('the national analyst reads every organisation but not the review queue, which the graph refuses too', async () => {
    const organisation = await organisationByOds('R2S');
    const other = await providerOutside(organisation.region);
    const { context, page } = await signedIn('national.analyst', '/overview');
    const entries = await navigationOf(page);
    expect(entries.map((entry) => entry.text)).toEqual(
      expect.arrayContaining([
        'National overview',
        'Measure explorer',
        'Provider dashboard',
        'Quality flags',
      ]),
    );
    await expectEveryEntryUsable(page, entries);
    for (const id of [organisation.id, other.id]) {
      const dashboard = await page.goto(`/provider-dashboard/${id}`);
      expect(dashboard?.status()).toBe(200);
    }
    const byRegion = await page.goto('/explorer?by=region');
    expect(byRegion?.status()).toBe(200);
    await page.goto('/comments');
    expect(await page.getByRole('link', { name: /Review the comments/ }).count()).toBe(0);
    await expectNotAvailable(page, '/comments/review', 'roles-analyst-review-queue');
    await context.close();

    await refusedTo(await tokens.analyst())('{ responseCommentsAwaitingReview { id } }');
  });
});

describe('the main reporting pages with JavaScript off and at 200% zoom', () => {
  const settings: Array<[string, BrowserContextOptions]> = [
    ['no-script-phone', { javaScriptEnabled: false, viewport: { width: 320, height: 720 } }],
    ['zoom-200', AT_200_PERCENT_ZOOM],
  ];

  it.each(settings)(
    'the national analyst reads the overview and the explorer (%s)',
    async (name, options) => {
      const year = await latestReleasedYear();
      const { context, page } = await signedIn('national.analyst', '/overview', options);
      expect(await pageHeading(world, page)).toBe('National overview');
      await page.getByRole('table', { name: `Headline measures nationally, ${year}` }).waitFor();
      await checkPage(page, `overview-${name}`);

      await page.goto('/explorer?measure=overall-experience');
      // The explorer's form is a GET form: it works without a script, the filters land in the address.
      await page.getByLabel('Break down by', { exact: true }).selectOption('region');
      await page.getByRole('button', { name: 'Show results' }).click();
      await page.waitForURL(/by=region/);
      const caption = `Overall educational experience by region, ${year}`;
      const [, ...rows] = await readTable(page, caption);
      const { measureResults } = await world.gateway.as(await tokens.analyst()).call<{
        measureResults: Array<{ group: { region: Region } }>;
      }>(`{ measureResults(year: ${year}, measures: ["overall-experience"], groupBy: [REGION]) { group { region } } }`, {});
      expect(rows.map((row) => row[0]).sort()).toEqual(
        measureResults.map((cell) => REGION_NAMES[cell.group.region]).sort(),
      );
      await checkPage(page, `explorer-${name}`);
      await context.close();
    },
  );

  it.each(settings)('a provider reads its dashboard and its flags (%s)', async (name, options) => {
    const own = await organisationByOds('R2S');
    const { context, page } = await signedIn('provider.r2s', '/provider-dashboard', options);
    await page.waitForURL(new RegExp(`/provider-dashboard/${own.id}`));
    expect(await pageHeading(world, page)).toContain(own.name);
    await checkPage(page, `provider-dashboard-${name}`);
    await page.goto('/quality-flags');
    expect(await pageHeading(world, page)).toBe('Quality flags');
    await checkPage(page, `quality-flags-${name}`);
    await context.close();
  });
});
