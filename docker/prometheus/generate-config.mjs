// Writes prometheus.yml's scrape targets from tools/platform/services.json (which the subgraph generator
// extends), so a generated subgraph is scraped without a hand edit: `node docker/prometheus/generate-config.mjs`;
// `--check` fails when the committed file differs (npm run check:generated). A process's metrics port is its
// service port + 5000 (METRICS_PORT's default); the host is its docker-compose service name.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const file = join(here, 'prometheus.yml');
const GATEWAY = { name: 'gateway', port: 4000 };
const services = JSON.parse(readFileSync(join(here, '../../tools/platform/services.json'), 'utf8'));

const targets = [GATEWAY, ...[...services].sort((a, b) => a.port - b.port)].map(
  ({ name, port }) => `      - targets: ['${name}:${port + 5000}']\n        labels: { service: ${name} }\n`,
);

const config = `# Prometheus for the compose platform (docker-compose.yml): scrapes every process's metrics port (its
# service port + 5000, never published on the host) and evaluates the alerting rules beside this file.
# Generated from tools/platform/services.json by generate-config.mjs: edit that script, not this file.
global:
  scrape_interval: 15s
  evaluation_interval: 15s

rule_files:
  - /etc/prometheus/rules/*.rules.yml

scrape_configs:
  - job_name: nets
    static_configs:
${targets.join('')}`;

if (process.argv.includes('--check')) {
  if (readFileSync(file, 'utf8') !== config) {
    process.stderr.write(
      'docker/prometheus/prometheus.yml is stale: run `node docker/prometheus/generate-config.mjs` and commit it\n',
    );
    process.exit(1);
  }
} else {
  writeFileSync(file, config);
}
