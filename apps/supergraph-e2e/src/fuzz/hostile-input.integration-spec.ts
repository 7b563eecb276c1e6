import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import fc from 'fast-check';
import type { GraphQLSchema } from 'graphql';
import { REGIONS } from '@nets/shared/auth';
import { startProcessPlatform, testToken, type ProcessPlatform } from '@nets/shared/testing';
import { anyTestFailed } from '../support/failure-flag';
import { toLiteral, valueFor } from './hostile-values';
import { KNOWN_PENDING, type PendingCase } from './known-pending';
import { PlatformRowCounter, changedTables, type RowCounts } from './row-counts';
import { introspect, operationsToFuzz, type FuzzOperation } from './schema-operations';

/** Cases per operation and role: 2 in `npm test`; e.g. FUZZ_RUNS=25 for a longer hunt. */
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2);
const SEED = Number(process.env['FUZZ_SEED'] ?? 13_12);
/** A file to append each case to as it starts, for finding the one that hangs or is slow. */
const TRACE = process.env['FUZZ_TRACE'];

/** What must never be in an answer: stack frames, SQL, database errors. */
const LEAK =
  /stacktrace|\n\s+at \S+ \(|\bat (?:async )?\S+ \(\/|QueryFailedError|\bSELECT\b[\s\S]*\bFROM\b|INSERT INTO|\bUPDATE\b \S+ SET|violates \S+ constraint|invalid input syntax|syntax error at or near|relation "[^"]+" does not exist|\bpg_|node_modules/;

interface Role {
  name: string;
  token?: string;
}

interface Finding {
  operation: string;
  role: string;
  problem: PendingCase['problem'];
  detail: string;
  request: string;
}

interface Answer {
  data?: Record<string, unknown> | null;
  errors?: Array<{ message?: string; extensions?: { code?: string } }>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const abbreviate = (text: string, length = 300) =>
  text.length > length ? `${text.slice(0, length)}… (${text.length} chars)` : text;

/**
 * Every mutation and every query with arguments, driven through the gateway with generated hostile values
 * (fast-check, fixed seed) as each role: never HTTP 5xx, never INTERNAL_SERVER_ERROR, never a stack trace or
 * SQL in the answer, and a refused mutation stores nothing (row counts of every service's tables).
 */
describe('hostile input through the gateway (issue 13, item 12)', () => {
  const label = `fuzz${randomBytes(3).toString('hex')}`;
  let platform: ProcessPlatform | undefined;
  let counter: PlatformRowCounter | undefined;
  let schema: GraphQLSchema;
  let roles: Role[];

  beforeAll(async () => {
    platform = await startProcessPlatform({
      label,
      env: {
        LOG_LEVEL: process.env['E2E_LOG_LEVEL'] ?? 'warn',
        SCHEDULE_INTERVAL_MS: '300',
        RESPONSE_SUBMIT_RATE_LIMIT: '100000',
      },
    });
    counter = await PlatformRowCounter.open(`nets_test_${label}_`);
    schema = await introspect(platform.gatewayUrl);
    const organisation = '3f1d2c4b-5a69-4e7f-8a1b-2c3d4e5f6a7b';
    roles = [
      { name: 'anonymous' },
      {
        name: 'PROVIDER_USER',
        token: await testToken({ role: 'PROVIDER_USER', organisationId: organisation }),
      },
      {
        name: 'EDUCATION_PROVIDER_USER',
        token: await testToken({ role: 'EDUCATION_PROVIDER_USER', organisationId: organisation }),
      },
      { name: 'QUALITY_TEAM', token: await testToken({ role: 'QUALITY_TEAM', region: REGIONS[0] }) },
      { name: 'NATIONAL_ANALYST', token: await testToken({ role: 'NATIONAL_ANALYST' }) },
      { name: 'ADMIN', token: await testToken({ role: 'ADMIN' }) },
    ];
  }, 420_000);

  afterAll(async () => {
    await counter?.close();
    if (platform && anyTestFailed()) {
      process.stderr.write(
        `\n--- hostile input: what the platform's processes logged ---\n${platform.output()}\n`,
      );
    }
    await platform?.stop();
  });

  it(
    'never answers 5xx, INTERNAL_SERVER_ERROR, a stack trace or SQL, and stores nothing it refused',
    async () => {
      const gatewayUrl = platform?.gatewayUrl ?? '';
      const operations = operationsToFuzz(schema);
      const findings: Finding[] = [];
      const tally = {
        cases: 0,
        refused: 0,
        accepted: 0,
        statuses: new Map<number, number>(),
        codes: new Map<string, number>(),
      };
      const started = Date.now();
      const count = <K>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);

      for (const [index, operation] of operations.entries()) {
        const cases = fc.sample(caseFor(operation), { seed: SEED + index, numRuns: RUNS * roles.length });
        for (const [caseIndex, generated] of cases.entries()) {
          const role = roles[caseIndex % roles.length];
          const body = JSON.stringify(requestFor(operation, generated.values, generated.inline));
          if (TRACE)
            appendFileSync(TRACE, `${new Date().toISOString()} ${role.name} ${abbreviate(body, 200)}\n`);
          const before: RowCounts | undefined =
            operation.kind === 'mutation' ? await counter?.snapshot() : undefined;
          const found = (problem: Finding['problem'], detail: string) =>
            findings.push({
              operation: `${operation.kind} ${operation.field}`,
              role: role.name,
              problem,
              detail: abbreviate(detail),
              request: abbreviate(body),
            });
          tally.cases += 1;
          const exchanged = await send(gatewayUrl, body, role.token);
          if (!exchanged) {
            // The gateway may answer 413 and close while a body over its limit is still being written.
            if (Buffer.byteLength(body) > MAX_BODY_BYTES) {
              count(tally.statuses, 413);
              tally.refused += 1;
            } else {
              found('no answer', 'the connection failed');
            }
            continue;
          }
          const { response, text } = exchanged;
          count(tally.statuses, response.status);
          if (response.status >= 500) found('HTTP 5xx', `${response.status}: ${text}`);
          if (LEAK.test(text)) found('leak', text);
          let answer: Answer = {};
          try {
            answer = JSON.parse(text) as Answer;
          } catch {
            // Fastify's own refusals (e.g. 413) are JSON too; anything else was reported above if 5xx.
          }
          for (const error of answer.errors ?? []) {
            count(tally.codes, error.extensions?.code ?? 'none');
            if (error.extensions?.code === 'INTERNAL_SERVER_ERROR')
              found('INTERNAL_SERVER_ERROR', error.message ?? '');
          }
          const refused =
            (answer.errors?.length ?? 0) > 0 ||
            response.status >= 400 ||
            answer.data?.[operation.field] == null;
          if (refused) tally.refused += 1;
          else tally.accepted += 1;
          if (before && counter) {
            const after = await counter.snapshot();
            const changed = changedTables(before, after);
            if (refused && changed.length > 0) found('stored on refusal', changed.join('; '));
            // Something was stored: let its events settle before the next refusal is judged.
            if (!refused || changed.length > 0) await quiesce(counter, after);
          }
        }
      }

      const pending = (finding: Finding) =>
        KNOWN_PENDING.some(
          (known) => known.operation === finding.operation && known.problem === finding.problem,
        );
      const unexpected = findings.filter((finding) => !pending(finding));
      process.stdout.write(
        `hostile input: ${tally.cases} cases over ${operations.length} operations × ${roles.length} roles ` +
          `(seed ${SEED}, ${RUNS} per operation and role, ${Math.round((Date.now() - started) / 1000)} s): ${tally.refused} refused, ${tally.accepted} accepted; ` +
          `HTTP ${JSON.stringify(Object.fromEntries(tally.statuses))}; codes ${JSON.stringify(Object.fromEntries(tally.codes))}; ` +
          `${findings.length} findings, ${findings.length - unexpected.length} known pending\n` +
          findings
            .map((finding) => `  ${pending(finding) ? '[pending] ' : ''}${JSON.stringify(finding)}`)
            .join('\n') +
          '\n',
      );
      expect(tally.cases).toBe(operations.length * roles.length * RUNS);
      expect(unexpected).toEqual([]);
    },
    RUNS * 600_000,
  );
});

/** The gateway's default GATEWAY_MAX_BODY_BYTES. */
const MAX_BODY_BYTES = 65_536;

/** Posts one case; undefined when the connection failed before an answer. */
async function send(
  url: string,
  body: string,
  token: string | undefined,
): Promise<{ response: Response; text: string } | undefined> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    });
    return { response, text: await response.text() };
  } catch {
    return undefined;
  }
}

interface GeneratedCase {
  values: Record<string, unknown>;
  /** Arguments written inline in the operation rather than passed as variables. */
  inline: boolean;
}

function caseFor(operation: FuzzOperation): fc.Arbitrary<GeneratedCase> {
  return fc.record({
    values: fc.record(Object.fromEntries(operation.args.map((arg) => [arg.name, valueFor(arg.type)]))),
    inline: fc.boolean(),
  });
}

function requestFor(
  operation: FuzzOperation,
  values: Record<string, unknown>,
  inline: boolean,
): { query: string; variables?: Record<string, unknown> } {
  const args = operation.args;
  const call = args.length
    ? `(${args.map((arg) => `${arg.name}: ${inline ? toLiteral(values[arg.name], arg.type) : `$${arg.name}`}`).join(', ')})`
    : '';
  const declarations =
    !inline && args.length ? `(${args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ')})` : '';
  const query = `${operation.kind} Fuzz${declarations} { ${operation.field}${call} ${operation.selection} }`;
  return inline ? { query } : { query, variables: values };
}

/** Waits until two snapshots a moment apart agree (at most ~10 s): accepted input's events have landed. */
async function quiesce(counter: PlatformRowCounter, last: RowCounts): Promise<void> {
  let previous = last;
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await sleep(500);
    const next = await counter.snapshot();
    if (changedTables(previous, next).length === 0) return;
    previous = next;
  }
}
