/**
 * What a browser does during an OpenID Connect sign-in, without a browser: follows the identity provider's
 * redirects with its cookies, and posts its forms. The relying party's part (authorization URL, PKCE, code
 * exchange) stays with the test's client library.
 */
export class IdentityProviderBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(private readonly identityProviderUrl: string) {}

  /** Follows redirects from `url` until one leaves the identity provider (the client's redirect URI). */
  async navigate(url: string, init: RequestInit = {}): Promise<BrowserStop> {
    let response = await this.request(url, init);
    let current = url;
    for (let hops = 0; hops < 10; hops += 1) {
      const location = response.headers.get('location');
      if (!location || response.status < 300 || response.status >= 400) {
        return { kind: 'page', url: current, status: response.status, html: await response.text() };
      }
      current = new URL(location, current).toString();
      if (new URL(current).origin !== new URL(this.identityProviderUrl).origin) {
        return { kind: 'left', url: current };
      }
      response = await this.request(current);
    }
    throw new Error(`More than 10 redirects from ${url}`);
  }

  /** Submits a form of the page (urlencoded, as a browser does) and follows where it leads. */
  async submit(pageUrl: string, action: string, fields: Record<string, string>): Promise<BrowserStop> {
    return this.navigate(new URL(action, pageUrl).toString(), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Opens the authorization URL and signs in on the login page; `left` holds the callback URL with the code. */
  async signIn(authorizationUrl: string, username: string, password: string): Promise<BrowserStop> {
    const login = await this.navigate(authorizationUrl);
    if (login.kind !== 'page') return login;
    const action = /<form[^>]*action="([^"]*\/login)"/.exec(login.html)?.[1];
    if (!action)
      throw new Error(`No sign-in form at ${login.url} (${login.status}):\n${login.html.slice(0, 500)}`);
    return this.submit(login.url, action, { username, password });
  }

  private async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0)
      headers.set('cookie', [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, value] = [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1)];
      const expired = attributes.some((attribute) => /^\s*expires=Thu, 01 Jan 1970/i.test(attribute));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }
}

export type BrowserStop =
  | { kind: 'page'; url: string; status: number; html: string }
  | { kind: 'left'; url: string };
