import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { registerNhsukViews, renderPage } from './nhsuk-views';

async function app() {
  const server = Fastify();
  await registerNhsukViews(server, {
    viewsDirs: [join(__dirname, '__fixtures__')],
    production: false,
    globals: { serviceName: 'Test service', footerLinks: [], scripts: ['/app.js'] },
  });
  server.get('/ok', async (_request, reply) => renderPage(reply, 'question.njk', { title: 'Your name' }));
  server.get('/bad', async (_request, reply) =>
    renderPage(reply, 'question.njk', {
      title: 'Your name',
      errors: [{ field: 'name', message: 'Enter your name' }],
    }),
  );
  await server.listen({ host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  return { base, close: () => server.close() };
}

describe('NHS.UK pages', () => {
  it('renders a page in the shared layout with a nonce that the Content-Security-Policy allows', async () => {
    const { base, close } = await app();
    const response = await fetch(`${base}/ok`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(html).toContain('<title>Your name – Test service – NHS</title>');
    expect(html).toContain('Skip to main content');
    const nonce = /<script type="module" src="\/app.js" nonce="([^"]+)">/.exec(html)?.[1];
    expect(nonce).toBeTruthy();
    expect(response.headers.get('content-security-policy')).toContain(`script-src 'self' 'nonce-${nonce}'`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    for (const asset of ['/assets/nhsuk/nhsuk-frontend.min.css', '/assets/images/nhsuk-icon-cross.svg']) {
      const served = await fetch(`${base}${asset}`);
      expect({ asset, status: served.status, empty: (await served.text()).length === 0 }).toEqual({
        asset,
        status: 200,
        empty: false,
      });
    }
    await close();
  });

  it('answers a page with errors 400, "Error:" in its title and an error summary linked to the field', async () => {
    const { base, close } = await app();
    const response = await fetch(`${base}/bad`);
    const html = await response.text();
    expect(response.status).toBe(400);
    expect(html).toContain('<title>Error: Your name – Test service – NHS</title>');
    expect(html).toMatch(/<a href="#name">\s*Enter your name\s*<\/a>/);
    expect(html).toMatch(/nhsuk-error-message[\s\S]*Enter your name/);
    await close();
  });
});
