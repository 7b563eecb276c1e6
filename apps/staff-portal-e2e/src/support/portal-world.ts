import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { freePorts, GatewayClient, startProcessPlatform, type ProcessPlatform } from '@nets/shared/testing';
import { launchChromium, startAppProcess, stopInOrder, type AppProcess } from '@nets/web/testing';

const ROOT = join(__dirname, '..', '..', '..', '..');
/** Enough responses for every released cycle to publish national and most regional cells, loaded quickly. */
const DEMO_RESPONSES = process.env['STAFF_PORTAL_E2E_RESPONSES'] ?? '600';

/** The platform with its identity provider and the demo data, the portal in front of it, and Chromium. */
export interface PortalWorld {
  platform: ProcessPlatform;
  gateway: GatewayClient;
  portal: AppProcess;
  browser: Browser;
  stop(): Promise<void>;
}

/** The demo data (`tools/demo/seed.ts`, as `npm start` loads it), smaller: every past cycle released. */
function seedDemo(gatewayUrl: string): void {
  const seed = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', 'tools/demo/seed.ts', '--responses', DEMO_RESPONSES],
    {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.base.json', TZ: 'UTC', GATEWAY_URL: gatewayUrl },
      encoding: 'utf8',
      timeout: 600_000,
    },
  );
  if (seed.status !== 0) throw new Error(`the demo seed failed:\n${seed.stdout}\n${seed.stderr}`);
}

/** The portal as `npm start` runs it: its own process (`apps/staff-portal/src/main.ts`) with its env. */
export function startPortal(platform: ProcessPlatform, port: number): Promise<AppProcess> {
  const identityProvider = platform.identityProvider;
  if (!identityProvider) throw new Error('The platform runs no identity provider');
  const url = `http://127.0.0.1:${port}`;
  return startAppProcess({
    name: 'the staff portal',
    script: 'apps/staff-portal/src/main.ts',
    port,
    // Compiled on start by swc-node, on two cores shared with the whole platform.
    readyTimeoutMs: 180_000,
    env: {
      NETS_ENV: 'test',
      LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'warn',
      STAFF_PORTAL_PORT: String(port),
      STAFF_PORTAL_PUBLIC_URL: url,
      STAFF_PORTAL_GATEWAY_URL: platform.gatewayUrl,
      STAFF_PORTAL_OIDC_ISSUER: identityProvider.url,
      STAFF_PORTAL_OIDC_CLIENT_ID: identityProvider.staffPortal.clientId,
      STAFF_PORTAL_OIDC_CLIENT_SECRET: identityProvider.staffPortal.clientSecret,
    },
  });
}

/**
 * The whole platform as production runs it, with the development identity provider (the portal's redirect
 * URIs registered for its free port), the demo data loaded and every past cycle released, the portal, Chromium.
 */
export async function startPortalWorld(label: string): Promise<PortalWorld> {
  const [portalPort] = await freePorts(1);
  const portalUrl = `http://127.0.0.1:${portalPort}`;
  const platform = await startProcessPlatform({
    label,
    // Two cores shared by several test runs: the services and the identity provider start slowly.
    readyTimeoutMs: 240_000,
    env: { LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'warn', SCHEDULE_INTERVAL_MS: '300' },
    identityProvider: {
      staffPortalRedirectUris: [`${portalUrl}/auth/callback`],
      staffPortalPostLogoutRedirectUris: [`${portalUrl}/signed-out`],
    },
  });
  let portal: AppProcess | undefined;
  let browser: Browser | undefined;
  try {
    seedDemo(platform.gatewayUrl);
    portal = await startPortal(platform, portalPort);
    browser = await launchChromium();
    const started = { portal, browser };
    return {
      platform,
      gateway: new GatewayClient(platform.gatewayUrl),
      portal,
      browser,
      stop: () => stopInOrder(started.browser, started.portal, platform),
    };
  } catch (error) {
    await stopInOrder(browser, portal, platform);
    throw error;
  }
}

/** A member of staff's browser: a fresh context (no cookies) at 320 px, or as asked. */
export async function newStaffBrowser(
  world: PortalWorld,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({
    baseURL: world.portal.url,
    viewport: { width: 320, height: 720 },
    acceptDownloads: true,
    ...options,
  });
  // A page's first read of a cycle since its release builds that cycle's views, and the portal waits up to
  // STAFF_PORTAL_GRAPH_TIMEOUT_MS (60 s) for the graph: on two loaded cores a click's navigation can outlast
  // Playwright's 30 s default without anything being wrong. Speed is the benchmark's business, not the journey's.
  context.setDefaultTimeout(90_000);
  return { context, page: await context.newPage() };
}
