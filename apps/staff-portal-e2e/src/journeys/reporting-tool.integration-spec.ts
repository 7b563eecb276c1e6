import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import type { Page } from 'playwright-core';
import { REGION_NAMES, type Region } from '@nets/shared/auth';
import { tokens } from '@nets/shared/testing';
import { newStaffBrowser, startPortalWorld, type PortalWorld } from '../support/portal-world';
import { checkPage, readTable, signInAs } from '../support/staff-steps';

/**
 * The Reporting Tool in Chromium against the real platform, its identity provider and the demo data: each
 * role signs in through the identity provider, the pages show the graph's answers cell for cell (withheld
 * cells included), exports hold the table's rows, and the graph refuses what a role may not see.
 */
jest.setTimeout(600_000);

interface GraphCell {
  measureKey: string;
  group: { region: string | null; organisationId: string | null; siteId: string | null };
  suppressed: boolean;
  percentPositive: number | null;
  interval: { lower: number; upper: number } | null;
  respondents: number | null;
  benchmark: { national: number | null; learnerGroup: number | null };
  flag: string | null;
}

const CELL = `measureKey group { region organisationId siteId } suppressed percentPositive interval { lower upper }
  respondents benchmark { national learnerGroup } flag`;
const FLAG_WORDS: Record<string, string> = {
  RED: 'Red',
  PINK: 'Pink',
  NONE: 'No flag',
  LIGHT_GREEN: 'Light green',
  GREEN: 'Green',
  SUPPRESSED: 'Withheld',
  NO_DATA: 'No data',
};

/** How the explorer must show a graph cell: withheld as withheld (never 0), percentages to one decimal. */
function expectedRow(label: string, cell: GraphCell): string[] {
  if (cell.suppressed) {
    const benchmark = cell.benchmark.learnerGroup ?? cell.benchmark.national;
    return [
      label,
      'Withheld',
      'Withheld',
      'Withheld',
      benchmark === null ? '–' : benchmark.toFixed(1),
      'Withheld',
    ];
  }
  const benchmark = cell.benchmark.learnerGroup ?? cell.benchmark.national;
  return [
    label,
    cell.percentPositive === null ? 'No data' : cell.percentPositive.toFixed(1),
    cell.interval
      ? `${(cell.interval.lower * 100).toFixed(1)} to ${(cell.interval.upper * 100).toFixed(1)}`
      : '–',
    cell.respondents === null ? '–' : String(cell.respondents),
    benchmark === null ? '–' : benchmark.toFixed(1),
    FLAG_WORDS[cell.flag ?? 'NONE'] ?? '',
  ];
}

interface RegistryPage {
  edges: Array<{ node: { id: string; name: string; odsCode: string; region: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const sortRows = (rows: string[][]) => [...rows].sort((a, b) => (a[0] ?? '').localeCompare(b[0] ?? ''));

describe('the NETS Reporting Tool', () => {
  let world: PortalWorld;
  let latestYear: number;
  let organisations: Map<string, { name: string; odsCode: string; region: string }>;

  const ask = async <T>(query: string, variables: Record<string, unknown>, token: string) =>
    world.gateway.call<T>(query, variables, token);

  const explorerCells = async (token: string, groupBy: string[], filter: Record<string, unknown> = {}) =>
    (
      await ask<{ measureResults: GraphCell[] }>(
        `query($y: Int!, $g: [ResultsGroupBy!], $f: MeasureResultsFilter) {
           measureResults(year: $y, measures: ["overall-experience"], groupBy: $g, filter: $f) { ${CELL} } }`,
        { y: latestYear, g: groupBy, f: filter },
        token,
      )
    ).measureResults;

  const organisationLabel = (id: string | null) => {
    const organisation = organisations.get(id ?? '');
    return organisation ? `${organisation.name} (${organisation.odsCode})` : String(id);
  };

  beforeAll(async () => {
    world = await startPortalWorld('portal');
    const analyst = await tokens.analyst();
    const { surveyCycles } = await ask<{
      surveyCycles: Array<{ year: number; resultsRelease: { status: string } }>;
    }>(`{ surveyCycles { year resultsRelease { status } } }`, {}, analyst);
    latestYear = Math.max(
      ...surveyCycles.filter((c) => c.resultsRelease.status === 'RELEASED').map((c) => c.year),
    );
    // The whole registry, a page at a time (the gateway limits a query's cost).
    organisations = new Map();
    let after: string | null = null;
    do {
      const { organisations: page }: { organisations: RegistryPage } = await ask<{
        organisations: RegistryPage;
      }>(
        `query($after: String) { organisations(first: 75, after: $after) {
           edges { node { id name odsCode region } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        analyst,
      );
      for (const { node } of page.edges) organisations.set(node.id, node);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
  }, 900_000);

  afterAll(async () => {
    await world?.stop();
  });

  const organisationId = (odsCode: string): string => {
    const found = [...organisations.entries()].find(([, organisation]) => organisation.odsCode === odsCode);
    if (!found) throw new Error(`No organisation ${odsCode} in the demo registry`);
    return found[0];
  };

  async function openSignedIn(username: string, path: string, width = 320): Promise<Page> {
    const { page } = await newStaffBrowser(world, { viewport: { width, height: 800 } });
    await page.goto('/');
    await checkPage(page, 'start');
    await page.goto(path);
    await signInAs(page, username);
    expect(new URL(page.url()).pathname).toBe(new URL(path, 'http://portal').pathname);
    return page;
  }

  it("national analyst signs in through the identity provider and sees the demo's national figures", async () => {
    // Wide enough for the header to show every navigation link (on phones they fold under "More").
    const page = await openSignedIn('national.analyst', '/overview', 1280);
    await page.getByRole('heading', { level: 1, name: 'National overview' }).waitFor();
    await checkPage(page, 'national-overview');
    const { nationalSummary } = await ask<{
      nationalSummary: { respondents: number; measures: Array<GraphCell & { measureTitle: string }> };
    }>(
      `query($y: Int!) { nationalSummary(year: $y) { respondents measures { measureTitle ${CELL} } } }`,
      { y: latestYear },
      await tokens.analyst(),
    );
    const headlines = await readTable(page, `Headline measures nationally, ${latestYear}`);
    expect(headlines[0]).toEqual([
      'Measure',
      'Theme',
      'Percent positive (%)',
      '95% interval (%)',
      'Respondents',
      'Published by NHS England (%)',
    ]);
    const shown = new Map(headlines.slice(1).map((row) => [row[0], row[2]]));
    expect(shown.size).toBe(nationalSummary.measures.length);
    for (const cell of nationalSummary.measures)
      expect([cell.measureTitle, shown.get(cell.measureTitle)]).toEqual([
        cell.measureTitle,
        cell.suppressed ? 'Withheld' : (cell.percentPositive ?? 0).toFixed(1),
      ]);
    const respondents = await readTable(page, 'National respondents by cycle');
    expect(respondents.at(-1)).toEqual([String(latestYear), String(nationalSummary.respondents)]);
    const navigation = await page
      .getByRole('navigation', { name: 'Reporting Tool' })
      .getByRole('link')
      .allTextContents();
    expect(navigation.map((text) => text.trim()).slice(0, 2)).toEqual([
      'National overview',
      'Measure explorer',
    ]);
  });

  it("national analyst's explorer equals the graph cell for cell, withheld included, and exports the same rows", async () => {
    const page = await openSignedIn(
      'national.analyst',
      '/explorer?measure=overall-experience&by=region',
      1280,
    );
    const caption = `Overall educational experience by region, ${latestYear}`;
    await page.getByRole('table', { name: caption }).waitFor();
    await checkPage(page, 'explorer-by-region');
    const table = await readTable(page, caption);
    const byRegion = await explorerCells(await tokens.analyst(), ['REGION']);
    expect(sortRows(table.slice(1))).toEqual(
      sortRows(byRegion.map((cell) => expectedRow(REGION_NAMES[cell.group.region as Region], cell))),
    );

    // London's organisations: every cell, withheld ones as withheld.
    await page.getByLabel('Break down by', { exact: true }).selectOption('organisation');
    await page.getByLabel('Region', { exact: true }).selectOption('LONDON');
    await page.getByRole('button', { name: 'Show results' }).click();
    const londonCaption = `Overall educational experience by organisation, ${latestYear} (London)`;
    await page.getByRole('table', { name: londonCaption }).waitFor();
    expect(new URL(page.url()).searchParams.get('region')).toBe('LONDON');
    await checkPage(page, 'explorer-by-organisation');
    const london = await readTable(page, londonCaption);
    const londonCells = await explorerCells(await tokens.analyst(), ['ORGANISATION'], {
      regions: ['LONDON'],
    });
    expect(londonCells.some((cell) => cell.suppressed)).toBe(true);
    expect(sortRows(london.slice(1))).toEqual(
      sortRows(londonCells.map((cell) => expectedRow(organisationLabel(cell.group.organisationId), cell))),
    );

    // The exports hold the table's rows: CSV as text, Excel with numbers as numbers.
    const csvHref = await page.getByRole('link', { name: `CSV of ${londonCaption}` }).getAttribute('href');
    const csv = await page.request.get(csvHref ?? '');
    expect(csv.headers()['content-type']).toContain('text/csv');
    const csvSheet = await new ExcelJS.Workbook().csv.read(Readable.from([await csv.text()]));
    const csvRows = csvSheet
      .getSheetValues()
      .slice(1)
      .map((row) => (row as unknown[]).slice(1).map(String));
    // Numbers are numbers in the file (the page shows 87 as "87.0"): compare them as numbers.
    const sameNumbers = (rows: string[][]) =>
      rows.map((row) => row.map((cell) => (/^-?\d+(\.\d+)?$/.test(cell) ? Number(cell).toFixed(1) : cell)));
    expect(sameNumbers(csvRows)).toEqual(sameNumbers(london));
    const xlsxHref = await page.getByRole('link', { name: `Excel of ${londonCaption}` }).getAttribute('href');
    const xlsx = await page.request.get(xlsxHref ?? '');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.body()).buffer as ArrayBuffer);
    const xlsxRows = (workbook.worksheets[0]?.getSheetValues() ?? [])
      .slice(1)
      .map((row) =>
        (row as unknown[])
          .slice(1)
          .map((value) => (typeof value === 'number' ? value.toFixed(1) : String(value))),
      );
    expect(xlsxRows.map((row) => row.slice(0, 3))).toEqual(london.map((row) => row.slice(0, 3)));
  });

  it("a quality team sees its region's organisations, and the graph refuses another region", async () => {
    const page = await openSignedIn('quality.london', '/explorer');
    const caption = `Overall educational experience by organisation, ${latestYear} (London)`;
    await page.getByRole('table', { name: caption }).waitFor();
    await checkPage(page, 'explorer-quality-team');
    const shown = await readTable(page, caption);
    const cells = await explorerCells(await tokens.qualityTeam('LONDON'), ['ORGANISATION'], {
      regions: ['LONDON'],
    });
    expect(sortRows(shown.slice(1))).toEqual(
      sortRows(cells.map((cell) => expectedRow(organisationLabel(cell.group.organisationId), cell))),
    );
    const refused = await page.goto('/explorer?by=organisation&region=MIDLANDS');
    expect(refused?.status()).toBe(403);
    await page.getByRole('heading', { name: 'This page is not available to you' }).waitFor();
    await checkPage(page, 'not-available');
  });

  it('a provider sees its own sites, and cannot reach another organisation by editing the address', async () => {
    const own = organisationId('R2S');
    const page = await openSignedIn('provider.r2s', '/explorer');
    const caption = `Overall educational experience by site, ${latestYear} (${organisations.get(own)?.name ?? ''})`;
    await page.getByRole('table', { name: caption }).waitFor();
    await checkPage(page, 'explorer-provider');
    const sites = await explorerCells(await tokens.provider(own), ['SITE'], { organisationIds: [own] });
    expect((await readTable(page, caption)).length - 1).toBe(sites.length);

    const other = organisationId('R4D');
    const refused = await page.goto(`/explorer?by=site&organisation=${other}`);
    expect(refused?.status()).toBe(403);
    await page.getByRole('heading', { name: 'This page is not available to you' }).waitFor();
    // The graph itself refuses the provider, whatever the portal shows.
    await expect(
      world.gateway.request(
        `query($f: MeasureResultsFilter) { measureResults(year: ${latestYear}, groupBy: [SITE], filter: $f) { measureKey } }`,
        { f: { organisationIds: [other] } },
        await tokens.provider(own),
      ),
    ).resolves.toMatchObject({
      errors: [expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) })],
    });
  });

  it('signs out here and at the identity provider', async () => {
    // Wide enough for the header to show every navigation link (on phones they fold under "More").
    const page = await openSignedIn('national.analyst', '/overview', 1280);
    await page.getByRole('button', { name: 'Sign out' }).click();
    // The identity provider asks before ending its own session (RP-initiated logout).
    await page.getByRole('heading', { name: 'Sign out of NETS?' }).waitFor();
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    await page.getByRole('heading', { name: 'You have signed out' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/signed-out');
    await checkPage(page, 'signed-out');
    await page.goto('/overview');
    // No session here, none at the identity provider: its sign-in page again.
    await page.getByRole('heading', { name: 'Sign in to NETS' }).waitFor();
  });
});
