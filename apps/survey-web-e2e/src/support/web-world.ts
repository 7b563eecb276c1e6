import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import {
  freePorts,
  GatewayClient,
  openCycleWithDefaultQuestionnaire,
  registerTrust,
  registerUniversity,
  startProcessPlatform,
  tokens,
  type ProcessPlatform,
  type RegisteredOrganisation,
} from '@nets/shared/testing';
import {
  launchChromium,
  markJavaScriptDisabled,
  startAppProcess,
  stopInOrder,
  type AppProcess,
} from '@nets/web/testing';

export { AT_200_PERCENT_ZOOM, CHROMIUM } from '@nets/web/testing';

export const YEAR = 2025;
const ROOT = join(__dirname, '..', '..', '..', '..');

/** One platform (gateway, five services, PostgreSQL, Kafka), the web app in front of it, and Chromium. */
export interface WebWorld {
  platform: Pick<ProcessPlatform, 'gatewayUrl'>;
  gateway: GatewayClient;
  web: { url: string };
  browser: Browser;
  admin: string;
  trust: RegisteredOrganisation;
  /** An education provider (a university) the learner may name as theirs. */
  university: RegisteredOrganisation;
  stop(): Promise<void>;
}

export type WebApp = AppProcess;

/**
 * The survey web app as `npm start` and the image run it: its bundle built by its build script, its server
 * its own process (`apps/survey-web/src/main.ts`) on a free port, in front of the given gateway.
 */
export async function startWebApp(gatewayUrl: string): Promise<WebApp> {
  const publicDir = mkdtempSync(join(tmpdir(), 'nets-survey-web-'));
  const env = {
    ...process.env,
    SWC_NODE_PROJECT: 'tsconfig.base.json',
    TZ: 'UTC',
    SURVEY_WEB_PUBLIC_DIR: publicDir,
  };
  const build = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', 'apps/survey-web/src/build/build-client.ts'],
    {
      cwd: ROOT,
      env,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`building the survey web app failed:\n${build.stderr}`);
  const [port] = await freePorts(1);
  try {
    const app = await startAppProcess({
      name: 'the survey web app',
      script: 'apps/survey-web/src/main.ts',
      port,
      env: {
        SURVEY_WEB_PUBLIC_DIR: publicDir,
        NETS_ENV: 'test',
        LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'warn',
        PORT: String(port),
        SURVEY_WEB_GATEWAY_URL: gatewayUrl,
        SURVEY_WEB_FORWARD_CLIENT_ADDRESS: 'true',
      },
    });
    return {
      ...app,
      stop: async () => {
        await app.stop();
        rmSync(publicDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(publicDir, { recursive: true, force: true });
    throw error;
  }
}

/** An administrator's morning (the e2e journeys' steps): the cycle open, one NHS trust in the registry. */
export async function startWebWorld(label: string): Promise<WebWorld> {
  const platform = await startProcessPlatform({
    label,
    env: {
      LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'warn',
      SCHEDULE_INTERVAL_MS: '300',
      RESPONSE_SUBMIT_RATE_LIMIT: '10000',
      // The web server forwards each learner's address; the gateway believes it from this host only.
      GATEWAY_TRUSTED_PROXIES: '127.0.0.1',
    },
  });
  let web: WebApp | undefined;
  let browser: Browser | undefined;
  try {
    const gateway = new GatewayClient(platform.gatewayUrl);
    const admin = await tokens.admin();
    await openCycleWithDefaultQuestionnaire(gateway.as(admin), YEAR);
    const trust = await registerTrust(
      gateway.as(admin),
      'RWE',
      'Leicester Teaching Hospitals NHS Trust',
      'MIDLANDS',
    );
    const university = await registerUniversity(
      gateway.as(admin),
      '10007796',
      'University of Leicester',
      'MIDLANDS',
    );
    web = await startWebApp(platform.gatewayUrl);
    browser = await launchChromium();
    const started = { web, browser };
    return {
      platform,
      gateway,
      web,
      browser,
      admin,
      trust,
      university,
      stop: () => stopInOrder(started.browser, started.web, platform),
    };
  } catch (error) {
    await stopInOrder(browser, web, platform);
    throw error;
  }
}

/** A learner's phone: a fresh browser context (no cookies, no storage) at 320 px, or as asked. */
export async function newLearner(
  world: WebWorld,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({
    baseURL: world.web.url,
    viewport: { width: 320, height: 720 },
    serviceWorkers: 'block',
    ...options,
  });
  if (options.javaScriptEnabled === false) markJavaScriptDisabled(context);
  const page = await context.newPage();
  return { context, page };
}
