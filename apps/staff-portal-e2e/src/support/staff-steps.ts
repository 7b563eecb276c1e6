import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { tokens } from '@nets/shared/testing';
import { expectAccessiblePage } from '@nets/web/testing';
import { newStaffBrowser, type PortalWorld } from './portal-world';

const SCREENSHOTS = join(__dirname, '..', '..', 'screenshots');

/**
 * Every state a journey reaches: axe and reflow at the page's width; with STAFF_PORTAL_SCREENSHOTS=1 a
 * full-page screenshot too (`screenshots/<state>-<width>.png`).
 */
export async function checkPage(page: Page, state: string): Promise<void> {
  await expectAccessiblePage(page, state);
  if (process.env['STAFF_PORTAL_SCREENSHOTS'] === '1') {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const width = page.viewportSize()?.width ?? 0;
    await page.screenshot({ path: join(SCREENSHOTS, `${state}-${width}.png`), fullPage: true });
  }
}

/** Signs in on the identity provider's page as a demo user (password `demo`), from wherever sign-in starts. */
export async function signInAs(page: Page, username: string): Promise<void> {
  await page.getByRole('heading', { name: 'Sign in to NETS' }).waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/interaction'));
}

/**
 * A table as the reader sees it, found by its caption: the header row, then each row's cells as their text
 * (the phone layout's repeated headings and the flags' shapes, hidden from assistive technology, left out).
 */
export async function readTable(page: Page, caption: string): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  return table.evaluate((element) =>
    [...element.querySelectorAll('tr')].map((row) =>
      [...row.querySelectorAll('th, td')].map((cell) => {
        const copy = cell.cloneNode(true) as HTMLElement;
        copy.querySelectorAll('[aria-hidden="true"]').forEach((hidden) => hidden.remove());
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    ),
  );
}

/** A phone-sized browser signed in as the demo user, on `path`. */
export async function signedIn(world: PortalWorld, username: string, path: string): Promise<Page> {
  const { page } = await newStaffBrowser(world, { viewport: { width: 320, height: 800 } });
  await page.goto(path);
  await signInAs(page, username);
  return page;
}

const DAY = 86_400_000;

/** The year's Provider Self-Assessment, opened 30 days ago and due in 60, unless the demo already has it. */
export async function ensureSelfAssessmentCycle(world: PortalWorld, year: number): Promise<void> {
  const admin = await tokens.admin();
  const { selfAssessmentCycle } = await world.gateway.call<{ selfAssessmentCycle: { year: number } | null }>(
    `query($y: Int!) { selfAssessmentCycle(year: $y) { year } }`,
    { y: year },
    admin,
  );
  if (selfAssessmentCycle) return;
  await world.gateway.call(
    `mutation($i: CreateSelfAssessmentCycleInput!) { createSelfAssessmentCycle(input: $i) { year } }`,
    {
      i: {
        year,
        opensAt: new Date(Date.now() - 30 * DAY).toISOString(),
        dueAt: new Date(Date.now() + 60 * DAY).toISOString(),
      },
    },
    admin,
  );
}

/** The page's heading; the service's problem page fails the journey with what the portal logged. */
export async function pageHeading(world: PortalWorld, page: Page): Promise<string> {
  const text = ((await page.getByRole('heading', { level: 1 }).first().textContent()) ?? '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text === 'Sorry, there is a problem with the service')
    throw new Error(`${page.url()} failed; the portal logged:\n${world.portal.output().slice(-4000)}`);
  return text;
}
