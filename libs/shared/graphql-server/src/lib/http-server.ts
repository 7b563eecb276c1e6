import { randomUUID } from 'node:crypto';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import {
  SpanKind,
  SpanStatusCode,
  context,
  contextFromHeaders,
  httpRequests,
  metricsRecording,
  trace,
  tracer,
} from '@nets/shared/observability';
import type { Logger } from '@nets/shared/util-logger';
import { REQUEST_ID_HEADER } from './request-context';

export type ReadinessChecks = Record<string, () => Promise<unknown>>;

export interface HttpServerOptions {
  logger: Logger;
  bodyLimitBytes?: number;
  readinessChecks: ReadinessChecks;
  /**
   * Addresses or CIDR ranges of the proxies in front (a load balancer): only from them is `X-Forwarded-For`
   * believed, so `request.ip` is the client's address and not the proxy's. None by default.
   */
  trustedProxies?: readonly string[];
}

/**
 * The HTTP shell shared by the gateway and every subgraph: JSON logs with request ids, `/healthz`
 * (the process is alive) and `/readyz` (every dependency answers within a second).
 */
export function createHttpServer(options: HttpServerOptions): FastifyInstance {
  const app = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    disableRequestLogging: true,
    bodyLimit: options.bodyLimitBytes ?? 1_048_576,
    requestIdHeader: false,
    genReqId: (request) => saneRequestId(request.headers[REQUEST_ID_HEADER]) ?? randomUUID(),
    keepAliveTimeout: 65_000,
    return503OnClosing: true,
    trustProxy: options.trustedProxies?.length ? [...options.trustedProxies] : false,
  });
  // Every answer names its request, whatever route or error produced it.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  app.addHook('onResponse', async (request: FastifyRequest, reply: FastifyReply) => {
    if (metricsRecording()) {
      httpRequests
        .labels({
          route: request.routeOptions.url ?? 'unmatched',
          method: request.method,
          status: String(reply.statusCode),
        })
        .observe(reply.elapsedTime / 1000);
    }
    if (reply.statusCode >= 500) {
      request.log.error({ url: request.url, statusCode: reply.statusCode }, 'request failed');
    } else {
      request.log.debug({ url: request.url, statusCode: reply.statusCode, ms: reply.elapsedTime }, 'request');
    }
  });
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    const results = await Promise.all(
      Object.entries(options.readinessChecks).map(async ([name, check]) => {
        try {
          await withTimeout(check(), 1000);
          return [name, 'ok'] as const;
        } catch (error) {
          return [name, error instanceof Error ? error.message : 'failed'] as const;
        }
      }),
    );
    const ready = results.every(([, status]) => status === 'ok');
    return reply
      .code(ready ? 200 : 503)
      .send({ status: ready ? 'ready' : 'not ready', checks: Object.fromEntries(results) });
  });
  return app;
}

/** A caller's request id, kept when it is a plain token that is safe to log and echo; otherwise none. */
export function saneRequestId(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/.test(value) ? value : undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * Runs a route's handler inside a server span that continues the caller's W3C trace context (`traceparent`) or
 * starts a trace, named with the request id, so everything the request does (subgraph fetches, queries, outbox
 * rows) belongs to one trace.
 */
export function tracedHandler<T>(
  name: string,
  handler: (request: FastifyRequest, reply: FastifyReply) => Promise<T>,
): (request: FastifyRequest, reply: FastifyReply) => Promise<T> {
  return (request, reply) => {
    const parent = contextFromHeaders(request.headers);
    const span = tracer().startSpan(
      name,
      {
        kind: SpanKind.SERVER,
        attributes: {
          'http.request.method': request.method,
          'url.path': request.url.split('?')[0],
          'nets.request_id': String(request.id),
        },
      },
      parent,
    );
    return context.with(trace.setSpan(parent, span), async () => {
      try {
        return await handler(request, reply);
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({ code: SpanStatusCode.ERROR });
        throw error;
      } finally {
        span.setAttribute('http.response.status_code', reply.statusCode);
        if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      }
    });
  };
}
