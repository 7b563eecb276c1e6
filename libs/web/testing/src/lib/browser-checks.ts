import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

/**
 * A 1280 × 900 window at 200% zoom, as Chromium lays it out: 640 × 450 CSS pixels, two device pixels each (the
 * layout WCAG 1.4.4 and 1.4.10 ask to work; 320 px wide is the phone every journey starts with).
 */
export const AT_200_PERCENT_ZOOM: BrowserContextOptions = {
  viewport: { width: 640, height: 450 },
  deviceScaleFactor: 2,
};

/** Contexts with JavaScript off: axe (itself a script) checks a copy of their pages, scripts removed. */
const withoutJavaScript = new WeakSet<BrowserContext>();

/** Tells the checks that this context runs without JavaScript. */
export function markJavaScriptDisabled(context: BrowserContext): void {
  withoutJavaScript.add(context);
}

async function pageToAnalyse(page: Page): Promise<{ target: Page; done: () => Promise<void> }> {
  if (!withoutJavaScript.has(page.context())) return { target: page, done: async () => undefined };
  const browser = page.context().browser();
  if (!browser) throw new Error('No browser');
  const copy = await browser.newContext({ viewport: page.viewportSize() ?? undefined });
  const target = await copy.newPage();
  const origin = new URL(page.url()).origin;
  const html = (await page.content())
    .replace(/<script[\s\S]*?<\/script>/gi, '')
    .replace(/<head>/i, `<head><base href="${origin}/">`);
  await target.setContent(html, { waitUntil: 'load' });
  return { target, done: () => copy.close() };
}

/**
 * The page reflows at its width (WCAG 1.4.10): it does not scroll sideways, every visible element (every
 * control, every line of text) lies inside the viewport, and no box but a text field (which scrolls its text
 * with the caret) hides part of its content by clipping it.
 */
export async function expectReflow(page: Page, state: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const found: string[] = [];
    if (root.scrollWidth > width) found.push(`the page scrolls sideways: ${root.scrollWidth} > ${width}`);
    const describe = (element: Element) =>
      [element.tagName.toLowerCase(), element.id && `#${element.id}`, ...element.classList]
        .filter(Boolean)
        .join('.');
    // Boxes visually hidden for screen readers only (1 px, clipped): nothing inside them is shown either.
    const hidden: Element[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (hidden.some((root) => root.contains(element))) continue;
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) {
        if (/hidden|clip/.test(style.overflow) || style.clipPath !== 'none' || style.clip !== 'auto')
          hidden.push(element);
        continue;
      }
      if (style.visibility === 'hidden') continue;
      if (box.left < -1 || box.right > width + 1)
        found.push(`${describe(element)} lies outside the viewport: ${box.left}–${box.right} of ${width}`);
      // A text field scrolls its own text as the caret moves: not clipping.
      else if (
        !element.matches('input, textarea, select') &&
        /hidden|clip/.test(style.overflowX) &&
        element.scrollWidth > element.clientWidth + 1
      )
        found.push(
          `${describe(element)} cuts off its content: ${element.scrollWidth} > ${element.clientWidth}`,
        );
    }
    return found.slice(0, 10);
  });
  expect({ state, problems }).toEqual({ state, problems: [] });
}

/** axe-core on the page as it is now: WCAG 2.0, 2.1 and 2.2 A and AA. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const { target, done } = await pageToAnalyse(page);
  const results = await new AxeBuilder({ page: target })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze()
    .finally(done);
  const violations = results.violations.map((v) => ({
    state,
    rule: v.id,
    impact: v.impact,
    targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
  expect(violations).toEqual([]);
}

/** Both checks every state of a journey gets: axe, then reflow at the page's width. */
export async function expectAccessiblePage(page: Page, state: string): Promise<void> {
  await expectNoAxeViolations(page, state);
  await expectReflow(page, state);
}
