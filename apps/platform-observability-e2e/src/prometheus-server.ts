import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PrometheusServer {
  url: string;
  /** The value of an instant query's single series (undefined when it has none). */
  value(query: string): Promise<number | undefined>;
  /** Every series of an instant query, as labels and value. */
  series(query: string): Promise<Array<{ metric: Record<string, string>; value: number }>>;
  stop(): Promise<void>;
}

/**
 * Debian's Prometheus server (`apt-get install prometheus`; .ci/run installs it) scraping the given targets
 * every second, with a throw-away data directory.
 */
export async function startPrometheus(
  targets: Record<string, string>,
  port: number,
): Promise<PrometheusServer> {
  const dir = mkdtempSync(join(tmpdir(), 'nets-prometheus-'));
  const config = {
    global: { scrape_interval: '1s', evaluation_interval: '1s' },
    scrape_configs: Object.entries(targets).map(([name, url]) => {
      const parsed = new URL(url);
      return {
        job_name: name,
        metrics_path: parsed.pathname,
        static_configs: [{ targets: [parsed.host], labels: { process: name } }],
      };
    }),
  };
  writeFileSync(join(dir, 'prometheus.yml'), JSON.stringify(config));
  const child: ChildProcess = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const series = async (query: string) => {
    const response = await fetch(`${url}/api/v1/query?query=${encodeURIComponent(query)}`);
    const body = (await response.json()) as {
      status: string;
      data?: { result: Array<{ metric: Record<string, string>; value: [number, string] }> };
    };
    if (body.status !== 'success') throw new Error(`Prometheus refused ${query}: ${JSON.stringify(body)}`);
    return (body.data?.result ?? []).map((item) => ({ metric: item.metric, value: Number(item.value[1]) }));
  };
  for (let attempt = 0; ; attempt += 1) {
    try {
      if ((await fetch(`${url}/-/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (attempt > 150 || child.exitCode !== null) throw new Error(`Prometheus did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    series,
    value: async (query) => (await series(query))[0]?.value,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
