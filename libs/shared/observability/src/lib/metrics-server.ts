import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsRegistry, runScrapeCollectors } from './metrics';

export interface MetricsServerOptions {
  host: string;
  port: number;
  /** Told about a scrape-time collector that failed (the scrape still answers with the rest). */
  onCollectorError?: (error: unknown) => void;
}

export interface RunningMetricsServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Serves `GET /metrics` (Prometheus text format) on its own port, apart from the public listener: the
 * gateway's public port never answers it, and the port is for Prometheus on the internal network only.
 */
export async function startMetricsServer(options: MetricsServerOptions): Promise<RunningMetricsServer> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    runScrapeCollectors()
      .then(async (errors) => {
        for (const error of errors) options.onCollectorError?.(error);
        const body = await metricsRegistry.metrics();
        response.writeHead(200, { 'content-type': metricsRegistry.contentType }).end(body);
      })
      .catch((error: unknown) => {
        options.onCollectorError?.(error);
        response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n');
      });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}/metrics`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
