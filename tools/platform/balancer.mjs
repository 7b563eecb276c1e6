// A small HTTP load balancer in its own process, in front of the replicas of one service (or of the gateway):
// `node tools/platform/balancer.mjs` with BALANCER_PORT and BALANCER_UPSTREAMS (comma-separated origins).
// undici's BalancedPool picks the upstream (weighted round robin that backs off an upstream whose connections
// fail); a request that could not even connect (a replica being restarted) goes to another one, anything else
// is answered as the upstream answered. GET /balancer/stats counts the POSTs sent to each upstream.
import http from 'node:http';
import { BalancedPool, Pool } from 'undici';

const port = Number(process.env.BALANCER_PORT);
const upstreams = (process.env.BALANCER_UPSTREAMS ?? '').split(',').filter(Boolean);
if (!Number.isInteger(port) || port <= 0 || upstreams.length === 0) {
  process.stderr.write('balancer: set BALANCER_PORT and BALANCER_UPSTREAMS (e.g. http://127.0.0.1:4103,…)\n');
  process.exit(2);
}

const dispatched = new Map(upstreams.map((origin) => [new URL(origin).origin, 0]));
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'upgrade',
  'host',
  'proxy-connection',
]);
// Only these are retried: the request never reached a replica's handler.
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT']);

class CountingPool extends Pool {
  constructor(origin, options) {
    super(origin, options);
    this.origin = new URL(origin).origin;
  }

  dispatch(options, handler) {
    if (options.method === 'POST') dispatched.set(this.origin, (dispatched.get(this.origin) ?? 0) + 1);
    return super.dispatch(options, handler);
  }
}

const pool = new BalancedPool(upstreams, {
  factory: (origin, options) => new CountingPool(origin, options),
  connect: { timeout: 2_000 },
});

function forwardedHeaders(request) {
  const headers = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (!HOP_BY_HOP.has(name) && value !== undefined) headers[name] = value;
  }
  const client = request.socket.remoteAddress ?? '';
  headers['x-forwarded-for'] = headers['x-forwarded-for']
    ? `${headers['x-forwarded-for']}, ${client}`
    : client;
  return headers;
}

async function readBody(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

async function forward(request, response) {
  const body = await readBody(request);
  const options = { method: request.method, path: request.url, headers: forwardedHeaders(request), body };
  let lastError;
  // Each replica may be down at once (a restart); a few tries, each on the next upstream.
  for (let attempt = 0; attempt < upstreams.length * 2; attempt += 1) {
    try {
      const upstream = await pool.request(options);
      const headers = Object.fromEntries(
        Object.entries(upstream.headers).filter(([name]) => !HOP_BY_HOP.has(name)),
      );
      response.writeHead(upstream.statusCode, headers);
      for await (const chunk of upstream.body) response.write(chunk);
      response.end();
      return;
    } catch (error) {
      lastError = error;
      const code = error?.code ?? error?.cause?.code;
      if (!NOT_CONNECTED.has(code) || response.headersSent) break;
      await new Promise((resolve) => setTimeout(resolve, 100 * (attempt + 1)));
    }
  }
  if (!response.headersSent) {
    response.writeHead(502, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ errors: [{ message: `no upstream answered: ${lastError?.message}` }] }));
  } else {
    response.destroy();
  }
}

const server = http.createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/balancer/stats') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ dispatched: Object.fromEntries(dispatched) }));
    return;
  }
  forward(request, response).catch((error) => {
    if (!response.headersSent) response.writeHead(502);
    response.end(String(error?.message ?? error));
  });
});
server.keepAliveTimeout = 65_000;
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`balancer listening on ${port}: ${upstreams.join(', ')}\n`);
});

const stop = () => {
  server.close();
  void pool.close().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
