import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (the Playwright browser downloads cannot be reached here), or `CHROMIUM_PATH`. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Chromium for the journeys: headless, as root in a container (no sandbox), a small /dev/shm. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });

type Stoppable = { stop(): Promise<unknown> } | { close(): Promise<unknown> };

/** Stops (or closes) what a test world started, in order, skipping what was never started. */
export async function stopInOrder(...started: Array<Stoppable | undefined>): Promise<void> {
  for (const thing of started) {
    if (thing === undefined) continue;
    if ('close' in thing) await thing.close();
    else await thing.stop();
  }
}
