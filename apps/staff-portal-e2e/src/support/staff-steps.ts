import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectAccessiblePage } from '@nets/web/testing';

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
