import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import fastifyView from '@fastify/view';
import type { FastifyInstance, FastifyReply } from 'fastify';
import nunjucks from 'nunjucks';

/** One message of a page's error summary, linked to the field it is about (the field's id). */
export interface PageError {
  field: string;
  message: string;
}

export interface NhsukViewsOptions {
  /** The app's own template folders, searched before this library's and nhsuk-frontend's. */
  viewsDirs: string[];
  /** Templates are cached (and not re-read) in production. */
  production: boolean;
  /** Variables every page sees: serviceName, footerLinks, scripts, manifestHref… */
  globals: Record<string, unknown>;
  /**
   * Other origins a form's redirect chain may end at (Chromium applies `form-action` to redirects): an
   * identity provider sending the user back to its client, a client sending the user to sign out there.
   */
  formActionOrigins?: readonly string[];
}

const NHSUK_DIST = join(dirname(require.resolve('nhsuk-frontend/package.json')), 'dist');
const OWN_VIEWS = join(__dirname, '..', '..', 'views');
/** Asset paths stay the same across releases of the app: long caching is for versioned bundles only. */
const ASSET_MAX_AGE_MS = 24 * 3600 * 1000;

declare module 'fastify' {
  interface FastifyReply {
    cspNonce: string;
  }
}

/**
 * NHS.UK design system pages for a fastify app: nunjucks with nhsuk-frontend's own macros and the shared
 * `nets/layout.njk`, nhsuk-frontend's styles, scripts and icons under /assets/nhsuk/, and a strict
 * Content-Security-Policy with a nonce for the one inline script nhsuk-frontend's template needs.
 */
export async function registerNhsukViews(app: FastifyInstance, options: NhsukViewsOptions): Promise<void> {
  await app.register(fastifyView, {
    engine: { nunjucks },
    templates: [...options.viewsDirs, OWN_VIEWS, NHSUK_DIST, join(NHSUK_DIST, 'nhsuk')],
    production: options.production,
    defaultContext: options.globals,
    options: { noCache: !options.production, autoescape: true },
  });
  await app.register(fastifyStatic, {
    root: join(NHSUK_DIST, 'nhsuk'),
    prefix: '/assets/nhsuk/',
    decorateReply: false,
    maxAge: ASSET_MAX_AGE_MS,
    allowedPath: (path) => /\.(css|js|svg|png|ico|json|woff2?)$/.test(path),
  });
  // nhsuk-frontend's stylesheet refers to its icons at /assets/images/.
  await app.register(fastifyStatic, {
    root: join(NHSUK_DIST, 'nhsuk', 'assets', 'images'),
    prefix: '/assets/images/',
    decorateReply: false,
    maxAge: ASSET_MAX_AGE_MS,
  });
  app.decorateReply('cspNonce', '');
  app.addHook('onRequest', async (_request, reply) => {
    reply.cspNonce = randomBytes(16).toString('base64');
    reply.header(
      'content-security-policy',
      [
        "default-src 'self'",
        `script-src 'self' 'nonce-${reply.cspNonce}'`,
        "style-src 'self'",
        "font-src 'self' https://assets.nhs.uk",
        "img-src 'self' data:",
        "connect-src 'self'",
        "manifest-src 'self'",
        "worker-src 'self'",
        "frame-ancestors 'none'",
        ["form-action 'self'", ...(options.formActionOrigins ?? [])].join(' '),
        "base-uri 'none'",
      ].join('; '),
    );
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
  });
}

/** Renders a page with the nonce and each field's error message ready for nhsuk-frontend's macros. */
export function renderPage(
  reply: FastifyReply,
  template: string,
  data: Record<string, unknown> & { title: string; errors?: PageError[] },
): FastifyReply {
  const errors = data.errors ?? [];
  const errorFor = Object.fromEntries(errors.map((e) => [e.field, { text: e.message }]));
  if (errors.length > 0) reply.code(400);
  reply.header('cache-control', 'no-store');
  return reply.view(template, { ...data, errors, errorFor, cspNonce: reply.cspNonce });
}
