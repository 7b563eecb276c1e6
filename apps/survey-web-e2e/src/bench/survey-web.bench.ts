// The survey web app's weight and speed as a learner's phone sees them (a benchmark, never a test):
//   SWC_NODE_PROJECT=tsconfig.base.json KAFKA_BROKERS=127.0.0.1:9092 \
//     node -r @swc-node/register apps/survey-web-e2e/src/bench/survey-web.bench.ts
// Starts the platform and the web app as the browser journeys do, then reports the start page's JavaScript
// (raw, gzip and brotli bytes of every script it loads: the budget is 150 KB compressed), and Lighthouse's
// mobile performance and accessibility scores and largest contentful paint against /usr/bin/chromium.
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM, startWebWorld } from '../support/web-world';

const BUDGET_BYTES = 150 * 1024;

async function startPageScripts(
  url: string,
): Promise<Array<{ src: string; raw: number; gzip: number; brotli: number }>> {
  const html = await (await fetch(url)).text();
  const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]);
  return Promise.all(
    sources.map(async (src) => {
      const body = Buffer.from(await (await fetch(new URL(src, url))).arrayBuffer());
      return {
        src,
        raw: body.length,
        gzip: gzipSync(body, { level: 9 }).length,
        brotli: brotliCompressSync(body).length,
      };
    }),
  );
}

async function lighthouseMobile(url: string) {
  const chrome = await launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    });
    if (!result) throw new Error('Lighthouse returned no result');
    const { categories, audits } = result.lhr;
    return {
      performance: Math.round((categories['performance']?.score ?? 0) * 100),
      accessibility: Math.round((categories['accessibility']?.score ?? 0) * 100),
      lcpMs: Math.round(audits['largest-contentful-paint']?.numericValue ?? Number.NaN),
      fcpMs: Math.round(audits['first-contentful-paint']?.numericValue ?? Number.NaN),
      tbtMs: Math.round(audits['total-blocking-time']?.numericValue ?? Number.NaN),
      cls: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
    };
  } finally {
    chrome.kill();
  }
}

async function main(): Promise<void> {
  const world = await startWebWorld('webbench');
  try {
    const url = `${world.web.url}/`;
    const scripts = await startPageScripts(url);
    const total = scripts.reduce(
      (sum, s) => ({ raw: sum.raw + s.raw, gzip: sum.gzip + s.gzip, brotli: sum.brotli + s.brotli }),
      { raw: 0, gzip: 0, brotli: 0 },
    );
    const lines = [
      '| figure | value |',
      '| --- | --- |',
      ...scripts.map(
        (s) => `| start page script \`${s.src}\` | ${s.raw} B raw, ${s.gzip} B gzip, ${s.brotli} B brotli |`,
      ),
      `| start page JavaScript, compressed (gzip) | ${(total.gzip / 1024).toFixed(1)} KB of the ${BUDGET_BYTES / 1024} KB budget |`,
    ];
    for (const page of ['/', '/placement/organisation']) {
      const figures = await lighthouseMobile(`${world.web.url}${page}`);
      lines.push(
        `| Lighthouse mobile \`${page}\`: performance / accessibility | ${figures.performance} / ${figures.accessibility} |`,
        `| Lighthouse mobile \`${page}\`: LCP, FCP, TBT, CLS | ${figures.lcpMs} ms, ${figures.fcpMs} ms, ${figures.tbtMs} ms, ${figures.cls.toFixed(3)} |`,
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    if (total.gzip > BUDGET_BYTES) process.exitCode = 1;
  } finally {
    await world.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
