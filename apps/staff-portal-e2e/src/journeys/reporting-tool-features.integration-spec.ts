import { tokens } from '@nets/shared/testing';
import { newStaffBrowser, startPortalWorld, type PortalWorld } from '../support/portal-world';
import { checkPage, pageHeading, readTable, signInAs } from '../support/staff-steps';
import { QUEUED_COMMENT, QUEUED_COMMENT_REDACTED, cycleWithQueuedComment } from './reviewed-comment.steps';

/**
 * The provider dashboard, the quality flags, the comments and their review queue, and the PSA summary in
 * Chromium against the real platform, its identity provider and the demo data: the pages show the graph's
 * answers, and the graph alone decides that a provider cannot read another organisation.
 */
jest.setTimeout(600_000);

let world: PortalWorld;
/** The quality flags' widest table is checked where it lays out as a table; the rest on a phone. */
const DESKTOP = { viewport: { width: 1280, height: 900 } };

beforeAll(async () => {
  world = await startPortalWorld('portal_features');
}, 900_000);

afterAll(async () => world?.stop());

async function organisationByOds(odsCode: string) {
  const { organisationByOdsCode } = await world.gateway.call<{
    organisationByOdsCode: { id: string; name: string; region: string };
  }>('query($ods: String!) { organisationByOdsCode(odsCode: $ods) { id name region } }', { ods: odsCode });
  return organisationByOdsCode;
}

describe('the Reporting Tool beside the explorer', () => {
  it("a provider user reads their own dashboard, prints it, and is refused another organisation's by the graph", async () => {
    const penmouth = await organisationByOds('R2S');
    const ashfield = await organisationByOds('R4D');
    const { context, page } = await newStaffBrowser(world);
    await page.goto('/provider-dashboard');
    await signInAs(page, 'provider.r2s');
    await page.waitForURL(new RegExp(`/provider-dashboard/${penmouth.id}`));
    expect(await pageHeading(world, page)).toContain(penmouth.name);
    const year = Number(await page.getByRole('combobox', { name: 'Year' }).inputValue());
    const provider = world.gateway.as(await tokens.provider(penmouth.id));
    const { organisation } = await provider.call<{
      organisation: {
        netsResults: Array<{ measureTitle: string; suppressed: boolean; percentPositive: number | null }>;
      };
    }>(
      'query($id: ID!, $year: Int!) { organisation(id: $id) { netsResults(year: $year) { measureTitle suppressed percentPositive } } }',
      { id: penmouth.id, year },
    );
    const [, ...rows] = await readTable(page, `Every measure against its benchmark, ${year}`);
    expect(rows.map((row) => row.slice(0, 2))).toEqual(
      organisation.netsResults.map((r) => [
        r.measureTitle,
        r.suppressed ? 'Withheld' : r.percentPositive === null ? 'No data' : r.percentPositive.toFixed(1),
      ]),
    );
    await checkPage(page, 'provider-dashboard');

    await page.getByRole('link', { name: 'Printable view of this dashboard' }).click();
    await page.waitForURL(/\/print/);
    expect(await page.getByRole('link', { name: /^(CSV|Excel)/ }).count()).toBe(0);
    await checkPage(page, 'provider-dashboard-print');

    const refused = await page.goto(`/provider-dashboard/${ashfield.id}`);
    expect(refused?.status()).toBe(403);
    expect(await pageHeading(world, page)).toBe('This page is not available to you');
    expect(await page.getByText(ashfield.name).count()).toBe(0);
    await checkPage(page, 'provider-dashboard-another-organisation');
    await context.close();
  });

  it('a quality team filters the quality flags, and the filters stay in the address', async () => {
    const { context, page } = await newStaffBrowser(world, DESKTOP);
    await page.goto('/quality-flags');
    await signInAs(page, 'quality.london');
    await page.waitForURL(/\/quality-flags/);
    expect(await pageHeading(world, page)).toBe('Quality flags');
    const year = Number(await page.getByRole('combobox', { name: 'Year' }).inputValue());
    const team = world.gateway.as(await tokens.qualityTeam('LONDON'));
    const flagsOf = async (flags: string[]) =>
      (
        await team.call<{ qualityFlags: unknown[] }>(
          'query($year: Int!, $flags: [OutlierFlag!]) { qualityFlags(year: $year, flags: $flags) { persistent } }',
          { year, flags },
        )
      ).qualityFlags.length;
    // The rows under the header; no table at all when nothing is flagged.
    const shown = async () =>
      (await page.getByRole('table').count()) === 0 ? 0 : (await readTable(page, 'flags in NETS')).length - 1;
    expect(await shown()).toBe(await flagsOf(['RED', 'PINK', 'LIGHT_GREEN', 'GREEN']));
    await checkPage(page, 'quality-flags');

    await page.getByLabel('Flag colour').selectOption('RED');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL(/colour=RED/);
    const red = await flagsOf(['RED']);
    expect(await shown()).toBe(red);
    if (red === 0) expect(await page.getByText('No unit is flagged with these filters.').count()).toBe(1);
    await checkPage(page, 'quality-flags-red');

    await page.goto('/quality-flags?colour=BLUE');
    expect(await page.getByRole('alert').textContent()).toContain('Choose a flag colour from the list');
    await checkPage(page, 'quality-flags-unknown-colour');
    await context.close();
  });

  it('a national analyst compares England and a region in the PSA summary, year on year', async () => {
    const { context, page } = await newStaffBrowser(world);
    await page.goto('/psa-summary');
    await signInAs(page, 'national.analyst');
    await page.waitForURL(/\/psa-summary/);
    expect(await pageHeading(world, page)).toBe('Provider Self-Assessment summary');
    await page.getByLabel('Region beside England').selectOption('LONDON');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/region=LONDON/);
    const year = Number(await page.getByRole('combobox', { name: 'Year' }).inputValue());
    const { selfAssessmentSummary } = await world.gateway.as(await tokens.analyst()).call<{
      selfAssessmentSummary: {
        indicators: Array<{ question: string; percentYes: number | null; suppressed: boolean }>;
      };
    }>('query($year: Int!) { selfAssessmentSummary(year: $year) { indicators { question percentYes suppressed } } }', {
      year,
    });
    const [header, ...rows] = await readTable(page, `Providers answering yes, ${year}`);
    expect(header).toContain('London (%)');
    expect(rows.map((row) => row.slice(0, 2))).toEqual(
      selfAssessmentSummary.indicators.map((i) => [
        i.question,
        i.suppressed || i.percentYes === null ? 'Withheld' : String(i.percentYes),
      ]),
    );
    await checkPage(page, 'psa-summary');
    await context.close();
  });

  // Last: it closes and releases the demo's open cycle, then runs a cycle of its own.
  it('the review queue approves a comment that the provider then sees', async () => {
    const quarham = await organisationByOds('R2T');
    const { year, commentId } = await cycleWithQueuedComment(world.gateway, quarham, 2026);

    const team = await newStaffBrowser(world);
    await team.page.goto('/comments');
    await signInAs(team.page, 'quality.south-west');
    await team.page.getByRole('link', { name: 'Review the comments waiting in your region' }).click();
    await checkPage(team.page, 'review-queue');
    await team.page.locator(`a[href="/comments/review/${commentId}"]`).click();
    expect(await team.page.getByText(QUEUED_COMMENT).count()).toBe(1);
    await team.page.getByRole('button', { name: 'Confirm' }).click();
    expect(await team.page.getByRole('alert').textContent()).toContain(
      'Select whether to approve, amend or hold the comment',
    );
    await checkPage(team.page, 'review-comment-no-decision');
    await team.page.getByLabel('Approve it as redacted').check();
    await team.page.getByRole('button', { name: 'Confirm' }).click();
    expect(await pageHeading(world, team.page)).toBe('Comment approved');
    await checkPage(team.page, 'review-comment-approved');
    await team.context.close();

    const provider = await newStaffBrowser(world);
    await provider.page.goto(`/comments/${quarham.id}?year=${year}`);
    await signInAs(provider.page, 'provider.r2t');
    await provider.page.waitForURL(new RegExp(`/comments/${quarham.id}`));
    const [, ...comments] = await readTable(provider.page, `Learners' comments on ${quarham.name}, ${year}`);
    expect(comments.map((row) => row[1])).toContain(QUEUED_COMMENT_REDACTED);
    expect(await provider.page.getByText(QUEUED_COMMENT).count()).toBe(0);
    await checkPage(provider.page, 'provider-comments');
    await provider.context.close();
  });
});
