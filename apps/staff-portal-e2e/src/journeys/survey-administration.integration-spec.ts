import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  answersFor,
  loadOpenSurvey,
  resultsRelease,
  submissionFor,
  submitWhenKnown,
  tokens,
  waitFor,
} from '@nets/shared/testing';
import { newStaffBrowser, startPortalWorld, type PortalWorld } from '../support/portal-world';
import { checkPage, readTable, signInAs } from '../support/staff-steps';

/**
 * Survey administration in Chromium against the real platform (issue 18), as the demo administrator: a new
 * cycle created (by keyboard alone), its questionnaire drafted and published, the cycle opened (the graph's
 * refusals shown as it states them), answered by a few learners through the graph, closed and released with
 * the expected respondent count; the Reporting Tool's overview then shows its results. A registry CSV with a
 * bad row is refused with the row's reason and nothing is applied. Every page and state passes axe.
 */
jest.setTimeout(900_000);

const RESPONSES = 4;
const DAY = 86_400_000;

interface Organisation {
  id: string;
  odsCode: string;
  sites: Array<{ id: string }>;
}

describe('survey administration in the Reporting Tool', () => {
  let world: PortalWorld;
  let year: number;
  let page: Page;
  const admin = () => tokens.admin();

  beforeAll(async () => {
    world = await startPortalWorld('administration');
    // Independent of leftovers: the first year from next year on that no cycle holds yet.
    const { surveyCycles } = await world.gateway.call<{ surveyCycles: Array<{ year: number }> }>(
      `{ surveyCycles { year } }`,
      {},
      await admin(),
    );
    const taken = new Set(surveyCycles.map((c) => c.year));
    const next = new Date().getUTCFullYear() + 1;
    const free = [0, 1, 2, 3, 4].map((i) => next + i).find((y) => !taken.has(y));
    if (!free) throw new Error(`Every cycle year from ${next} is taken in this database`);
    year = free;
    ({ page } = await newStaffBrowser(world, { viewport: { width: 320, height: 800 } }));
    await page.goto('/administration');
    await signInAs(page, 'admin');
  }, 900_000);

  afterAll(async () => {
    await world?.stop();
  });

  const errorSummary = () => page.getByRole('alert').filter({ hasText: 'There is a problem' });

  async function cycleCommand(button: string) {
    await page.getByRole('button', { name: button }).click();
    await page.waitForLoadState('load');
  }

  async function graphCycle(y: number) {
    const { surveyCycle } = await world.gateway.call<{
      surveyCycle: { status: string; questionnaires: Array<{ status: string; version: number | null }> };
    }>(
      `query($y: Int!) { surveyCycle(year: $y) { status questionnaires { status version } } }`,
      { y },
      await admin(),
    );
    return surveyCycle;
  }

  it('creates a cycle with the keyboard alone, and shows the graph’s refusal of bad input', async () => {
    await page.getByRole('heading', { level: 1, name: 'Survey administration' }).waitFor();
    await checkPage(page, 'administration-home');
    await page.getByRole('link', { name: 'Survey cycles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Survey cycles' }).waitFor();
    await checkPage(page, 'administration-cycles');
    await page.getByRole('button', { name: 'Create a survey cycle' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create a survey cycle' }).waitFor();
    await checkPage(page, 'administration-create-cycle');

    // A year the graph refuses (more than five years ahead): its words, next to the year.
    const opens = new Date();
    const closes = new Date(opens.getTime() + 60 * DAY);
    const typeForm = async (cycleYear: string, name: string) => {
      await page.getByLabel('Cycle year').focus();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(cycleYear);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(name);
      for (const date of [opens, closes]) {
        for (const part of [date.getUTCDate(), date.getUTCMonth() + 1, date.getUTCFullYear()]) {
          await page.keyboard.press('Tab');
          await page.keyboard.press('Control+A');
          await page.keyboard.type(String(part));
        }
      }
      await page.keyboard.press('Tab');
      await expect(page.evaluate(() => document.activeElement?.textContent?.trim())).resolves.toBe(
        'Create the cycle',
      );
      await page.keyboard.press('Enter');
      await page.waitForLoadState('load');
    };
    await typeForm(String(year + 30), `NETS ${year}`);
    await expect(errorSummary().textContent()).resolves.toContain(`The cycle is not valid: year a year from`);
    await checkPage(page, 'administration-create-cycle-refused');
    await expect(graphCycle(year + 30)).resolves.toBeNull();

    await typeForm(String(year), `NETS ${year}`);
    await page.getByRole('heading', { level: 1, name: `NETS ${year} (${year})` }).waitFor();
    await page.getByText('The cycle is created.').waitFor();
    await checkPage(page, 'administration-cycle-created');
    await expect(graphCycle(year)).resolves.toMatchObject({ status: 'DRAFT', questionnaires: [] });
  });

  it('refuses to open without a questionnaire, drafts and publishes one, and shows the draft and its versions', async () => {
    await cycleCommand('Open the cycle');
    await expect(errorSummary().textContent()).resolves.toContain(
      `The ${year} cycle has no published questionnaire to open with.`,
    );
    await checkPage(page, 'administration-open-refused');

    await cycleCommand('Start a draft from the default NETS questionnaire');
    await page.getByText('A questionnaire draft is started').waitFor();
    const caption = `Questionnaire draft and versions of the ${year} cycle`;
    expect((await readTable(page, caption)).slice(1).map((row) => row.slice(0, 1))).toEqual([['Draft']]);
    await page.getByRole('link', { name: 'Draft', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `${year} questionnaire draft` }).waitFor();
    await checkPage(page, 'administration-questionnaire-draft');
    await page.getByRole('link', { name: 'Back' }).click();

    await cycleCommand('Publish the draft');
    await page.getByText('The draft is published as the next version.').waitFor();
    await checkPage(page, 'administration-published');
    expect((await readTable(page, caption)).slice(1).map((row) => row[0])).toEqual(['Version 1']);
    await expect(graphCycle(year)).resolves.toMatchObject({
      questionnaires: [{ status: 'PUBLISHED', version: 1 }],
    });
  });

  it('opens the cycle once the other open cycle is closed, as the graph requires', async () => {
    const { openSurveyCycle } = await world.gateway.call<{ openSurveyCycle: { year: number } | null }>(
      `{ openSurveyCycle { year } }`,
    );
    if (openSurveyCycle && openSurveyCycle.year !== year) {
      // The demo's live cycle is open: the graph refuses a second one, in its words.
      await cycleCommand('Open the cycle');
      await expect(errorSummary().textContent()).resolves.toContain(
        `The ${openSurveyCycle.year} cycle is open; only one cycle may be open at a time.`,
      );
      await checkPage(page, 'administration-second-open-refused');
      await page.goto(`/administration/cycles/${openSurveyCycle.year}`);
      await cycleCommand('Close the cycle');
      await page.getByText('The cycle is closed').waitFor();
      await page.goto(`/administration/cycles/${year}`);
    }
    await cycleCommand('Open the cycle');
    await page.getByText('The cycle is open for responses.').waitFor();
    await checkPage(page, 'administration-opened');
    await expect(graphCycle(year)).resolves.toMatchObject({ status: 'OPEN' });
  });

  it('closes the cycle and releases its results with the expected count; the overview then shows them', async () => {
    // A few learners answer through the graph, at one organisation of the demo registry.
    const { organisations } = await world.gateway.call<{
      organisations: { edges: Array<{ node: Organisation }> };
    }>(
      `{ organisations(first: 20, filter: { role: PLACEMENT_PROVIDER, status: ACTIVE, region: LONDON }) {
          edges { node { id odsCode sites { id } } } } }`,
    );
    const organisation = organisations.edges.map((e) => e.node).find((o) => o.sites.length > 0);
    if (!organisation) throw new Error('No London placement provider with a site in the demo registry');
    const survey = await loadOpenSurvey(world.gateway.as());
    expect(survey.year).toBe(year);
    for (let i = 0; i < RESPONSES; i += 1) {
      // The response service learns the new questionnaire from its event: it refuses it until then.
      await submitWhenKnown(world.gateway, submissionFor(survey, organisation, answersFor(survey)), {
        timeoutMs: 120_000,
      });
    }

    await page.reload();
    await cycleCommand('Close the cycle');
    await page.getByText('The cycle is closed: learners can no longer respond.').waitFor();
    await checkPage(page, 'administration-closed');

    // Analytics counts the responses through Kafka: the page shows its count as it stands.
    await waitFor(
      async () => (await resultsRelease(world.gateway.as(await admin()), year)).respondents === RESPONSES,
      {
        timeoutMs: 180_000,
        intervalMs: 1_000,
        description: 'analytics to count the responses',
      },
    );
    await page.reload();
    await page.getByText('Respondents counted by analytics').waitFor();
    await expect(
      page.locator('.nhsuk-summary-list__row', { hasText: 'Respondents counted by analytics' }).textContent(),
    ).resolves.toContain(String(RESPONSES));

    // An expected count that does not match is refused by the graph, and nothing is released.
    await page.getByLabel('Expected respondents (optional)').fill(String(RESPONSES + 1));
    await cycleCommand('Release the results');
    await expect(errorSummary().textContent()).resolves.toContain(
      `${RESPONSES} of the ${RESPONSES + 1} expected ${year} responses are counted; release once all have arrived.`,
    );
    await checkPage(page, 'administration-release-refused');
    await expect(resultsRelease(world.gateway.as(await admin()), year)).resolves.toMatchObject({
      status: 'NOT_RELEASED',
    });

    await page.getByLabel('Expected respondents (optional)').fill(String(RESPONSES));
    await cycleCommand('Release the results');
    await page.getByText('The results are released.').waitFor();
    await checkPage(page, 'administration-released');
    const released = await resultsRelease(world.gateway.as(await admin()), year);
    expect(released).toMatchObject({ status: 'RELEASED', respondents: RESPONSES, lateResponses: 0 });
    await expect(
      page.locator('.nhsuk-summary-list__row', { hasText: 'Respondents released' }).textContent(),
    ).resolves.toContain(String(RESPONSES));
    await expect(
      page.locator('.nhsuk-summary-list__row', { hasText: 'Late responses' }).textContent(),
    ).resolves.toContain('0');

    // The Reporting Tool now reads the new cycle as the latest released one.
    await page.goto('/overview');
    await page.getByRole('heading', { level: 1, name: 'National overview' }).waitFor();
    const respondents = await readTable(page, 'National respondents by cycle');
    expect(respondents.at(-1)).toEqual([String(year), String(RESPONSES)]);
    await page.getByRole('table', { name: `Headline measures nationally, ${year}` }).waitFor();
    await checkPage(page, 'administration-overview-after-release');
  });

  it('refuses a registry CSV with a bad row, with the row’s reason, and applies nothing', async () => {
    const code = await waitFor(
      async () => {
        const candidate = `T${randomUUID()
          .replace(/[^A-Z0-9]/gi, '')
          .slice(0, 2)
          .toUpperCase()}`;
        const { organisationByOdsCode } = await world.gateway.call<{ organisationByOdsCode: unknown }>(
          `query($c: String!) { organisationByOdsCode(odsCode: $c) { id } }`,
          { c: candidate },
        );
        return organisationByOdsCode ? null : candidate;
      },
      { timeoutMs: 30_000, description: 'an unused trust code' },
    );
    const good = `${code},Tarnfield Community NHS Trust,NHS_TRUST,PLACEMENT_PROVIDER,NORTH_WEST,`;
    const bad = `${code}01,Tarnfield Hospital,,,,ZZZ`;
    const csv = ['code,name,kind,roles,region,parent_code', good, bad].join('\n');

    await page.goto('/administration');
    await page.getByRole('link', { name: 'Organisation registry' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisation registry' }).waitFor();
    await checkPage(page, 'administration-registry');
    await page.getByRole('button', { name: 'Import a CSV' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import organisations from a CSV' }).waitFor();
    await checkPage(page, 'administration-import');
    await page.getByLabel('The CSV').fill(csv);
    await page.getByRole('button', { name: 'Preview the import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check the import before it is applied' }).waitFor();

    const { importOrganisations: report } = await world.gateway.call<{
      importOrganisations: { rejected: Array<{ line: number; reasons: string[] }> };
    }>(
      `mutation($csv: String!) { importOrganisations(csv: $csv, dryRun: true) { rejected { line reasons } } }`,
      { csv },
      await admin(),
    );
    expect(report.rejected.map((r) => r.line)).toEqual([3]);
    const summary = (await errorSummary().textContent()) ?? '';
    expect(summary).toContain(`Line 3 (${code}01): ${report.rejected[0].reasons.join('; ')}`);
    const rejected = await readTable(page, 'Rejected rows and why');
    expect(rejected.slice(1)).toEqual([['3', `${code}01`, report.rejected[0].reasons.join('; ')]]);
    expect(await page.getByRole('button', { name: 'Apply the import' }).count()).toBe(0);
    await page.getByText('Nothing has been imported').waitFor();
    await checkPage(page, 'administration-import-refused');
    const { organisationByOdsCode } = await world.gateway.call<{ organisationByOdsCode: unknown }>(
      `query($c: String!) { organisationByOdsCode(odsCode: $c) { id } }`,
      { c: code },
    );
    expect(organisationByOdsCode).toBeNull();

    // Without the bad row the preview offers the import, and applying it registers the trust.
    await page.getByRole('link', { name: 'Start again with another CSV' }).click();
    await page.getByLabel('The CSV').fill(['code,name,kind,roles,region,parent_code', good].join('\n'));
    await page.getByRole('button', { name: 'Preview the import' }).click();
    expect((await readTable(page, 'What the import would change')).slice(1, 2)).toEqual([
      ['Organisations registered', '1'],
    ]);
    await checkPage(page, 'administration-import-preview');
    await page.getByRole('button', { name: 'Apply the import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Organisations imported' }).waitFor();
    await checkPage(page, 'administration-import-applied');

    // The registry finds it; the administrator opens it from a search.
    await page.goto('/administration/organisations');
    await page.getByLabel('Name, ODS code or site').fill('Tarnfield Community');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/search=Tarnfield/);
    const found = await readTable(page, 'Organisations found');
    expect(found.slice(1).map((row) => row.slice(0, 2))).toContainEqual([
      code,
      'Tarnfield Community NHS Trust',
    ]);
    await checkPage(page, 'administration-registry-search');
    await page.getByRole('link', { name: code, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tarnfield Community NHS Trust' }).waitFor();
    await checkPage(page, 'administration-organisation');
  });
});
