import { newStaffBrowser, startPortalWorld, type PortalWorld } from '../support/portal-world';
import { checkPage, pageHeading, readTable, signInAs } from '../support/staff-steps';
import { cycleWithGroupComments } from './reviewed-comment.steps';

/**
 * A provider filters their learners' comments by learner group in Chromium against the real platform: the page
 * offers only the groups the graph offers (at least 3 of their learners, and of the others, commented), names a
 * comment's group only where the graph does, and shows a group it refuses as withheld.
 */
jest.setTimeout(600_000);

let world: PortalWorld;

beforeAll(async () => {
  world = await startPortalWorld('portal_comment_groups');
}, 900_000);

afterAll(async () => world?.stop());

describe("a provider's comments by learner group", () => {
  it('a provider filters comments by a group the graph offers, and never by a small one', async () => {
    const { organisationByOdsCode: quarham } = await world.gateway.call<{
      organisationByOdsCode: { id: string; name: string };
    }>('{ organisationByOdsCode(odsCode: "R2T") { id name } }');
    const year = await cycleWithGroupComments(world.gateway, quarham, 2026);
    const caption = `Learners' comments on ${quarham.name}, ${year}`;

    const { context, page } = await newStaffBrowser(world);
    await page.goto(`/comments/${quarham.id}?year=${year}`);
    await signInAs(page, 'provider.r2t');
    await page.waitForURL(new RegExp(`/comments/${quarham.id}`));
    expect(await pageHeading(world, page)).toContain(quarham.name);
    const groups = page.getByRole('combobox', { name: 'Learner group' });
    expect(await groups.locator('option').allTextContents()).toEqual([
      'Every learner group',
      'Medical',
      'Nursing',
    ]);
    expect(await page.getByText(/Some learner groups cannot be chosen/).count()).toBe(1);
    const [header, ...every] = await readTable(page, caption);
    expect(header).toEqual(['Question', 'Learner group', 'Comment (redacted)']);
    const named = every.map((row) => row[1]);
    expect(named.filter((group) => group === 'Nursing')).toHaveLength(4);
    expect(named.filter((group) => group === 'Medical')).toHaveLength(3);
    // The pharmacy and dental learners' comments are there, their group not named.
    expect(named.filter((group) => group === 'Not named (small group)')).toHaveLength(3);
    await checkPage(page, 'comments-learner-groups');

    await groups.selectOption({ label: 'Nursing' });
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/group=NURSING/);
    const [, ...nursing] = await readTable(page, caption);
    expect(nursing).toHaveLength(4);
    expect(nursing.every((row) => row[1] === 'Nursing')).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Learner group' }).inputValue()).toBe('NURSING');
    await checkPage(page, 'comments-learner-group-chosen');

    // A bookmark (or an edited address) naming a group too small to choose: withheld by the graph, said so.
    await page.goto(`/comments/${quarham.id}?year=${year}&group=PHARMACY`);
    expect(await page.getByText(/cannot be filtered by this learner group/).count()).toBe(1);
    expect(await page.getByRole('table', { name: caption }).count()).toBe(0);
    await checkPage(page, 'comments-learner-group-withheld');
    await page.getByRole('link', { name: "Show every learner group's comments" }).click();
    const [, ...again] = await readTable(page, caption);
    expect(again).toHaveLength(10);
    await context.close();
  });
});
