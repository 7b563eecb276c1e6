// How the staff portal's pages load in Chromium, for the portal benchmark (portal.bench.ts): first paint of data
// and time to interactive, cold and warm, from the browser's own Navigation and Paint Timing.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from '@nets/web/testing';
import type { BenchRow, BenchSection } from '../bench-kit';
import { formatNumber, percentile, shortfall } from '../stats';

/** Targets of issue 17. */
const WARM_TTI_MS = 1000;
const COLD_PAINT_MS = 2000;

/** One page load as Chromium timed it (ms from the start of the navigation). */
export interface PageTiming {
  /** The portal's HTML fully received: the server's share (graph reads and rendering). */
  html: number;
  /** First contentful paint: the page is server-rendered, so it paints with its data (checked). */
  paint: number;
  /** Load event done and no long task (> 50 ms) after it: the page answers input. */
  interactive: number;
}

export interface MeasuredPage {
  name: string;
  path: string;
  username: string;
  /** A table that holds the data once painted, found by its accessible name. */
  dataTable: RegExp;
}

// Runs in the page before its own scripts: long tasks are not buffered for a late observer.
const OBSERVE_LONG_TASKS = `(() => {
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.__benchLongTasks.push(entry.startTime + entry.duration);
    }).observe({ type: 'longtask' });
  } catch {}
})();`;

// Read in the page (strings: this project compiles without the DOM's types). The load event's end is set
// after its handlers ran.
const LOADED = `(() => {
  const [navigation] = performance.getEntriesByType('navigation');
  return navigation !== undefined && navigation.loadEventEnd > 0;
})()`;
const TIMING = `(() => {
  const [navigation] = performance.getEntriesByType('navigation');
  const paint = performance.getEntriesByName('first-contentful-paint')[0];
  return {
    html: navigation.responseEnd - navigation.startTime,
    paint: paint ? paint.startTime : NaN,
    interactive: Math.max(navigation.loadEventEnd - navigation.startTime, ...(window.__benchLongTasks ?? [])),
  };
})()`;

async function timing(page: Page): Promise<PageTiming> {
  await page.waitForFunction(LOADED);
  return page.evaluate<PageTiming>(TIMING);
}

/** Navigates and times the page, checking that the data arrived with it (not an error or empty state). */
async function measure(page: Page, target: MeasuredPage): Promise<PageTiming> {
  const response = await page.goto(target.path, { waitUntil: 'load' });
  if (!response?.ok()) throw new Error(`${target.path} answered ${String(response?.status())}`);
  const table = page.getByRole('table', { name: target.dataTable }).first();
  const rows = await table.locator('tbody tr').count();
  if (rows === 0) throw new Error(`${target.path}: no data in the table ${String(target.dataTable)}`);
  return timing(page);
}

async function signedInContext(browser: Browser, portalUrl: string, username: string) {
  const context: BrowserContext = await browser.newContext({
    baseURL: portalUrl,
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(120_000);
  await context.addInitScript(OBSERVE_LONG_TASKS);
  const page = await context.newPage();
  // Signed in through the identity provider on a page that reads no results, so the measured load is the page's own.
  await page.goto('/comments');
  await page.getByRole('heading', { name: 'Sign in to NETS' }).waitFor();
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === portalUrl && !url.pathname.startsWith('/auth'));
  return { context, page };
}

/** Empties Chromium's HTTP cache: the next load fetches the stylesheet, scripts and fonts again. */
async function clearCache(context: BrowserContext, page: Page): Promise<void> {
  const session = await context.newCDPSession(page);
  await session.send('Network.clearBrowserCache');
  await session.detach();
}

/**
 * Cold: a member of staff who has just signed in, nothing cached in their browser; the first such load of each
 * page comes straight after the release, before anyone read the cycle. Warm: the same person opening the page
 * again (browser cache and the service's views warm).
 */
async function measurePage(
  browser: Browser,
  portalUrl: string,
  target: MeasuredPage,
  runs: number,
  log: (line: string) => void,
): Promise<{ first: PageTiming; cold: PageTiming[]; warm: PageTiming[] }> {
  const cold: PageTiming[] = [];
  const warm: PageTiming[] = [];
  for (let run = 0; run < runs; run += 1) {
    const { context, page } = await signedInContext(browser, portalUrl, target.username);
    try {
      await clearCache(context, page);
      cold.push(await measure(page, target));
      // The first warm load follows a cold one in the same browser: then only warm loads.
      if (run === 0) for (let i = 0; i < runs; i += 1) warm.push(await measure(page, target));
    } finally {
      await context.close();
    }
  }
  const [first] = cold;
  log(
    `${target.name}: first load ${formatNumber(first.paint)} ms to paint, ${formatNumber(first.interactive)} ms to interactive`,
  );
  return { first, cold, warm };
}

function quantiles(samples: readonly number[]): { p50: number; p95: number } {
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

/** The rows for one page: paint and interactive, cold and warm, p50 and p95, beside the server's share. */
export function pageRows(
  name: string,
  measured: { first: PageTiming; cold: readonly PageTiming[]; warm: readonly PageTiming[] },
): { rows: BenchRow[]; findings: string[] } {
  const rows: BenchRow[] = [];
  const findings: string[] = [];
  const series = [
    { state: 'cold', key: 'paint', what: 'first paint of data', target: COLD_PAINT_MS },
    { state: 'cold', key: 'interactive', what: 'time to interactive', target: undefined },
    { state: 'warm', key: 'paint', what: 'first paint of data', target: undefined },
    { state: 'warm', key: 'interactive', what: 'time to interactive', target: WARM_TTI_MS },
  ] as const;
  for (const { state, key, what, target } of series) {
    const samples = measured[state].map((t) => t[key]);
    const html = quantiles(measured[state].map((t) => t.html));
    const figures = quantiles(samples);
    for (const p of ['p50', 'p95'] as const) {
      rows.push({
        name: `portal: ${name}, ${what}, ${state} ${p} (${samples.length} loads)`,
        value: figures[p],
        unit: 'ms',
        reference: { name: `the portal's HTML received (${p})`, value: html[p] },
        target: target === undefined ? undefined : `≤ ${formatNumber(target)} ms`,
      });
    }
    const missed = target === undefined ? undefined : shortfall(figures.p95, target, 'atMost');
    if (missed)
      findings.push(
        `portal: ${name}, ${what} ${state} p95 ${missed}; the HTML took ${formatNumber(html.p95)} ms of it ` +
          `(the portal's graph reads and rendering), the rest is the browser's.`,
      );
  }
  rows.push({
    name: `portal: ${name}, first load after the release (paint / interactive)`,
    value: measured.first.paint,
    unit: 'ms',
    note: `interactive at ${formatNumber(measured.first.interactive)} ms, HTML at ${formatNumber(measured.first.html)} ms`,
  });
  return { rows, findings };
}

/** Every page measured in turn, in one Chromium. */
export async function measurePortalPages(
  portalUrl: string,
  pages: readonly MeasuredPage[],
  runs: number,
  log: (line: string) => void,
): Promise<BenchSection> {
  const browser = await launchChromium();
  try {
    const rows: BenchRow[] = [];
    const findings: string[] = [];
    for (const target of pages) {
      const section = pageRows(target.name, await measurePage(browser, portalUrl, target, runs, log));
      rows.push(...section.rows);
      findings.push(...section.findings);
    }
    return { rows, findings };
  } finally {
    await browser.close();
  }
}
