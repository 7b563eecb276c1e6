import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { decodeJwt } from 'jose';
import { chromium, type Page } from 'playwright-core';
import * as oidc from 'openid-client';
import {
  createTokenVerifier,
  currentSigningKey,
  identityFromClaims,
  loadOrCreateSigningKeys,
  mintDevToken,
  readSigningKeys,
} from '@nets/shared/auth';
import { demoRegistry } from '@nets/provider-assessment/data-access';
import {
  GatewayClient,
  graphqlRequest,
  errorCode,
  IdentityProviderBrowser,
  registerTrust,
  startProcessPlatform,
  testToken,
  type BrowserStop,
  type ProcessPlatform,
} from '@nets/shared/testing';

jest.setTimeout(300_000);

const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/**
 * The development identity provider as its own process in a private platform, driven over HTTP: openid-client
 * (as the staff portal uses it) is the relying party, IdentityProviderBrowser posts the sign-in form.
 */
describe('development identity provider', () => {
  let platform: ProcessPlatform;
  let idpUrl: string;
  let portal: NonNullable<ProcessPlatform['identityProvider']>['staffPortal'];
  let client: oidc.Configuration;
  let r2sId: string;

  beforeAll(async () => {
    platform = await startProcessPlatform({ label: 'idp', identityProvider: true });
    if (!platform.identityProvider) throw new Error('the platform started without its identity provider');
    idpUrl = platform.identityProvider.url;
    portal = platform.identityProvider.staffPortal;
    const admin = new GatewayClient(platform.gatewayUrl).as(await testToken({ role: 'ADMIN' }));
    r2sId = (await registerTrust(admin, 'R2S', 'Penmouth Hospitals NHS Trust', 'LONDON')).id;
    client = await oidc.discovery(
      new URL(idpUrl),
      portal.clientId,
      undefined,
      oidc.ClientSecretBasic(portal.clientSecret),
      { execute: [oidc.allowInsecureRequests] },
    );
  });
  afterAll(async () => {
    if (platform) await platform.stop();
  });
  /** A fresh authorization request of the staff portal: PKCE S256 and state, as openid-client builds it. */
  async function authorizationRequest() {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const url = oidc.buildAuthorizationUrl(client, {
      redirect_uri: portal.redirectUris[0],
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
    });
    return { url: url.toString(), verifier, state };
  }

  async function signIn(username: string, browser = new IdentityProviderBrowser(idpUrl)) {
    const request = await authorizationRequest();
    const stop = await browser.signIn(request.url, username, 'demo');
    if (stop.kind !== 'left') throw new Error(`${username} was not signed in:\n${pageText(stop)}`);
    const tokens = await oidc.authorizationCodeGrant(client, new URL(stop.url), {
      pkceCodeVerifier: request.verifier,
      expectedState: request.state,
    });
    return { tokens, browser };
  }

  const verifier = () => createTokenVerifier({ jwksUrl: `${idpUrl}/jwks`, issuer: idpUrl, audience: 'nets' });

  it('publishes its discovery document and its public signing key', async () => {
    const metadata = client.serverMetadata();
    expect(metadata).toMatchObject({
      issuer: idpUrl,
      jwks_uri: `${idpUrl}/jwks`,
      code_challenge_methods_supported: ['S256'],
      response_types_supported: ['code'],
      end_session_endpoint: `${idpUrl}/session/end`,
    });
    const jwks = (await (await fetch(`${idpUrl}/jwks`)).json()) as { keys: Array<Record<string, unknown>> };
    const own = currentSigningKey(readSigningKeys(platform.identityProvider?.keysFile ?? ''));
    expect(jwks.keys).toEqual([{ kty: 'RSA', use: 'sig', alg: 'RS256', kid: own.kid, n: own.n, e: own.e }]);
  });

  it('signs a quality-team user in with the code flow and PKCE, to tokens the services accept', async () => {
    const { tokens } = await signIn('quality.london');
    expect(tokens.claims()).toMatchObject({
      iss: idpUrl,
      aud: portal.clientId,
      sub: 'quality.london',
      role: 'QUALITY_TEAM',
      region: 'LONDON',
      name: 'London quality team',
    });
    expect(tokens.claims()?.['org']).toBeUndefined();
    const access = decodeJwt(tokens.access_token);
    expect(access).toMatchObject({ iss: idpUrl, aud: 'nets', sub: 'quality.london', role: 'QUALITY_TEAM' });
    expect((access.exp ?? 0) - (access.iat ?? 0)).toBe(900);
    const identity = await verifier().identify(`Bearer ${tokens.access_token}`);
    expect(identity).toEqual({
      kind: 'user',
      subject: 'quality.london',
      role: 'QUALITY_TEAM',
      region: 'LONDON',
      name: 'London quality team',
    });
    expect(identityFromClaims(access)).toEqual(identity);
  });

  it("gives a provider user the registry's id of their organisation as org", async () => {
    const { tokens } = await signIn('provider.r2s');
    expect(tokens.claims()).toMatchObject({ role: 'PROVIDER_USER', org: r2sId });
    await expect(verifier().identify(`Bearer ${tokens.access_token}`)).resolves.toMatchObject({
      role: 'PROVIDER_USER',
      organisationId: r2sId,
    });
  });

  it('refuses a wrong password, and a user whose organisation is not registered, on the sign-in page', async () => {
    const browser = new IdentityProviderBrowser(idpUrl);
    const wrong = await browser.signIn((await authorizationRequest()).url, 'quality.london', 'not-demo');
    expect(wrong).toMatchObject({ kind: 'page', status: 400 });
    expect(pageText(wrong)).toContain('There is a problem');
    expect(pageText(wrong)).toContain('The username or password is not correct');
    const unregistered = await browser.signIn((await authorizationRequest()).url, 'provider.r2t', 'demo');
    expect(unregistered).toMatchObject({ kind: 'page', status: 400 });
    expect(pageText(unregistered)).toContain('Quarham Hospitals NHS Trust (R2T) is not registered');
  });

  it('refuses an unknown client at authorization and at the token endpoint, and an authorization request without PKCE', async () => {
    const unknown = new URL(`${idpUrl}/auth`);
    unknown.search = new URLSearchParams({
      client_id: 'someone-else',
      response_type: 'code',
      scope: 'openid',
      redirect_uri: portal.redirectUris[0],
    }).toString();
    const refused = await new IdentityProviderBrowser(idpUrl).navigate(unknown.toString());
    expect(refused).toMatchObject({ kind: 'page', status: 400 });
    expect(pageText(refused)).toContain('invalid_client');

    const token = await fetch(`${idpUrl}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('someone-else:some-secret').toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x' }).toString(),
    });
    expect(token.status).toBe(401);
    expect(await token.json()).toMatchObject({ error: 'invalid_client' });

    const noPkce = oidc.buildAuthorizationUrl(client, {
      redirect_uri: portal.redirectUris[0],
      scope: 'openid',
    });
    const stop = await new IdentityProviderBrowser(idpUrl).navigate(noPkce.toString());
    expect(stop.kind).toBe('left');
    expect(new URL(stop.url).searchParams.get('error')).toBe('invalid_request');
  });

  it('refreshes the tokens of a signed-in user', async () => {
    const { tokens } = await signIn('national.analyst');
    expect(tokens.refresh_token).toEqual(expect.any(String));
    const refreshed = await oidc.refreshTokenGrant(client, tokens.refresh_token ?? '');
    expect(refreshed.access_token).not.toBe(tokens.access_token);
    await expect(verifier().identify(`Bearer ${refreshed.access_token}`)).resolves.toMatchObject({
      role: 'NATIONAL_ANALYST',
      subject: 'national.analyst',
    });
  });

  it('signs out (RP-initiated logout) back to the portal, after which sign-in is asked again', async () => {
    const { tokens, browser } = await signIn('admin');
    // Still signed in at the provider: a new authorization goes straight back to the portal.
    expect((await browser.navigate((await authorizationRequest()).url)).kind).toBe('left');
    const endSession = oidc.buildEndSessionUrl(client, {
      id_token_hint: tokens.id_token ?? '',
      post_logout_redirect_uri: portal.postLogoutRedirectUris[0],
    });
    const confirm = await browser.navigate(endSession.toString());
    expect(confirm).toMatchObject({ kind: 'page', status: 200 });
    const html = pageText(confirm);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const xsrf = /name="xsrf" value="([^"]+)"/.exec(html)?.[1];
    expect(action && xsrf).toBeTruthy();
    const out = await browser.submit(confirm.url, action ?? '', { xsrf: xsrf ?? '', logout: 'yes' });
    expect(out).toEqual({ kind: 'left', url: portal.postLogoutRedirectUris[0] });
    const again = await browser.navigate((await authorizationRequest()).url);
    expect(again).toMatchObject({ kind: 'page', status: 200 });
    expect(pageText(again)).toContain('Sign in to NETS');
  });

  it('has accessible sign-in and sign-out pages a keyboard can use, whose form reaches the portal in a real browser', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-dev-shm-usage'],
    });
    try {
      const page = await (await browser.newContext()).newPage();
      const portalOrigin = new URL(portal.redirectUris[0]).origin;
      // The portal is not running here: its callback and signed-out pages are answered in the browser.
      await page.route(`${portalOrigin}/**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>portal</title>' }),
      );
      await page.goto((await authorizationRequest()).url);
      expect(await page.title()).toBe('Sign in – NETS sign in (development) – NHS');
      await expectNoAxeViolations(page, 'sign-in');
      expect(await page.locator('table').innerText()).toContain('quality.london');

      await page.locator('#username').focus();
      await page.keyboard.type('quality.london');
      await page.keyboard.press('Tab');
      await page.keyboard.type('wrong');
      await Promise.all([page.waitForURL('**/interaction/*/login'), page.keyboard.press('Enter')]);
      expect(await page.title()).toMatch(/^Error: Sign in/);
      expect(await page.locator('.nhsuk-error-summary').innerText()).toContain(
        'The username or password is not correct',
      );
      await expectNoAxeViolations(page, 'sign-in with an error');

      await page.locator('#password').fill('demo');
      await page.locator('#password').press('Enter');
      await page.waitForURL(`${portal.redirectUris[0]}?**`);
      expect(new URL(page.url()).searchParams.get('code')).toEqual(expect.any(String));

      await page.goto(
        `${idpUrl}/session/end?client_id=${portal.clientId}&post_logout_redirect_uri=${encodeURIComponent(portal.postLogoutRedirectUris[0])}`,
      );
      await expectNoAxeViolations(page, 'sign-out');
      await page.getByRole('button', { name: 'Yes, sign me out' }).press('Enter');
      await page.waitForURL(portal.postLogoutRedirectUris[0]);

      // Signed out already: the provider goes straight to its signed-out page.
      await page.goto(`${idpUrl}/session/end`);
      expect(page.url()).toBe(`${idpUrl}/session/end/success`);
      expect(await page.locator('h1').innerText()).toBe('You have signed out');
      await expectNoAxeViolations(page, 'signed out');
      await page.goto(`${idpUrl}/`);
      await expectNoAxeViolations(page, 'home');
    } finally {
      await browser.close();
    }
  });

  it('lists demo users of every organisation kind from the demo registry that npm start loads', async () => {
    const users = (await (await fetch(`${idpUrl}/demo-users`)).json()) as Array<{
      username: string;
      role: string;
      organisation?: { odsCode: string; name: string; region: string };
    }>;
    const registry = new Map(demoRegistry().map((organisation) => [organisation.odsCode, organisation]));
    const providerUsers = users.filter((user) => user.organisation);
    expect(
      new Set(providerUsers.map((user) => registry.get(user.organisation?.odsCode ?? '')?.kind)),
    ).toEqual(new Set(['NHS_TRUST', 'FOUNDATION_TRUST', 'GP_PRACTICE', 'UNIVERSITY']));
    for (const user of providerUsers) {
      const registered = registry.get(user.organisation?.odsCode ?? '');
      expect({ user: user.username, ...user.organisation }).toEqual({
        user: user.username,
        odsCode: registered?.odsCode,
        name: registered?.name,
        region: registered?.region,
      });
      expect(registered?.roles).toContain(
        user.role === 'PROVIDER_USER' ? 'PLACEMENT_PROVIDER' : 'EDUCATION_PROVIDER',
      );
    }
  });

  it("is trusted by the gateway, which refuses a token signed by another key and keeps the tests' HS256 tokens", async () => {
    const query = '{ selfAssessmentCycles { year } }';
    const { tokens } = await signIn('quality.north-west');
    const signedIn = await graphqlRequest(platform.gatewayUrl, query, { token: tokens.access_token });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data).toEqual({ selfAssessmentCycles: expect.any(Array) });

    const anonymous = await graphqlRequest(platform.gatewayUrl, query);
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');

    const otherKey = currentSigningKey(
      await loadOrCreateSigningKeys(join(mkdtempSync(join(tmpdir(), 'nets-other-idp-')), 'keys.json')),
    );
    const forged = await mintDevToken(
      { role: 'QUALITY_TEAM', region: 'NORTH_WEST', subject: 'quality.north-west' },
      {
        signingKey: {
          ...otherKey,
          kid: currentSigningKey(readSigningKeys(platform.identityProvider?.keysFile ?? '')).kid,
        },
        issuer: idpUrl,
        audience: 'nets',
      },
    );
    const refused = await graphqlRequest(platform.gatewayUrl, query, { token: forged });
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');

    const hs256 = await graphqlRequest(platform.gatewayUrl, query, {
      token: await testToken({ role: 'NATIONAL_ANALYST' }),
    });
    expect(hs256.errors).toBeUndefined();
  });
});

/** axe-core on the page as it is now: WCAG 2.0, 2.1 and 2.2 A and AA. */
async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const violations = results.violations.map((v) => ({
    state,
    rule: v.id,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
  expect(violations).toEqual([]);
}

function pageText(stop: BrowserStop): string {
  return stop.kind === 'page' ? stop.html : `(redirected to ${stop.url})`;
}
