// The submit path's per-request pieces issue 19's profile pointed at, each timed as CPU microseconds per call
// (process.cpuUsage, so a machine loaded by other work slows them without changing the figure much), as they
// were and as they are, in interleaved rounds. Run by hand, never by the tests:
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/bench/ingestion-path.bench.ts
// The subgraph answering the fetches runs in this process: its CPU is in both figures of that row alike.
import { createHash } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { Agent, fetch as undiciFetch } from 'undici';
import type { Fetcher } from '@apollo/utils.fetcher';
import {
  createKeepAliveFetcher,
  DEFAULT_OPERATION_LIMITS,
  documentProblem,
  rememberedDocumentProblem,
} from '@nets/shared/gateway';
import { fingerprint } from '@nets/response/domain';

/** The learner's submit mutation, as `platform-setup.ts` sends it. */
const SUBMIT_RESPONSE = `mutation SubmitResponse($input: SubmitResponseInput!) {
  submitResponse(input: $input) { receiptCode submittedOn }
}`;

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 3);
const FETCHES = Number(process.env['BENCH_FETCHES'] ?? 3000);
const CONCURRENCY = Number(process.env['BENCH_FETCH_CONCURRENCY'] ?? 16);

/** What the gateway sends the response subgraph for one submission (the variables of a typical learner). */
const input = {
  idempotencyKey: '5a0f5c1e-8f1e-4b0b-9a51-1b1e0c7f1c11',
  questionnaireId: '9d7c1a55-0a55-4c55-8a55-0a55a55a55a5',
  profile: { learnerGroup: 'NURSING', profession: 'STUDENT_NURSE_ADULT', programme: 'BSc Nursing' },
  placement: {
    organisationId: '3b1f0a4e-2c7d-4e1a-9f3b-7d5e2a1c9b80',
    siteId: '7c2e1b3a-4d5f-4a6b-8c9d-0e1f2a3b4c5d',
    specialty: 'Acute medicine',
  },
  answers: [
    ...Array.from({ length: 45 }, (_, index) => ({
      questionCode: `Q${String(index + 1).padStart(2, '0')}`,
      optionCodes: [index % 3 === 0 ? 'AGREE' : index % 3 === 1 ? 'NO' : 'OPTION_3'],
    })),
    {
      questionCode: 'FEEDBACK_GOOD',
      text: 'The ward team were welcoming and my supervisor made time for teaching every week.',
    },
  ],
};
const subgraphBody = JSON.stringify({
  query:
    'mutation SubmitResponse__response__0($input:SubmitResponseInput!){submitResponse(input:$input){receiptCode submittedOn}}',
  operationName: 'SubmitResponse__response__0',
  variables: { input },
});
const subgraphAnswer = JSON.stringify({
  data: { submitResponse: { receiptCode: 'R-0000-0000-0000-0000', submittedOn: '2026-12-07' } },
});

/** CPU microseconds per call of `work`, run `count` times `concurrency` at a time. */
async function cpuPerCall(count: number, concurrency: number, work: () => unknown) {
  const start = process.cpuUsage();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next += 1;
        await work();
      }
    }),
  );
  const used = process.cpuUsage(start);
  return (used.user + used.system) / count;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** As `fingerprint` was first written (entries sorted per object by localeCompare), for the comparison. */
function firstFingerprint(value: unknown): string {
  const stable = (item: unknown): string => {
    if (Array.isArray(item)) return `[${item.map(stable).join(',')}]`;
    if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item as Record<string, unknown>)
        .filter(([, v]) => v !== undefined && v !== null)
        .sort(([a], [b]) => a.localeCompare(b));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stable(v)}`).join(',')}}`;
    }
    return JSON.stringify(item);
  };
  return createHash('sha256').update(stable(value)).digest('hex');
}

async function main(): Promise<void> {
  // In this process: its CPU is in both figures alike, so the difference is the fetcher's.
  const subgraph = createServer((request, reply) => {
    request.resume();
    request.on('end', () => {
      reply.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      reply.end(subgraphAnswer);
    });
  });
  subgraph.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
  const { port } = subgraph.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;

  const agent = new Agent({
    connections: CONCURRENCY,
    keepAliveTimeout: 30_000,
    keepAliveMaxTimeout: 60_000,
  });
  const fetchBefore = ((target: string, init?: Parameters<typeof undiciFetch>[1]) =>
    undiciFetch(target, { ...init, dispatcher: agent })) as unknown as Fetcher;
  const keepAlive = createKeepAliveFetcher(CONCURRENCY);
  const fetchAfter = keepAlive.fetcher;
  // As RemoteGraphQLDataSource uses a fetcher: POST, read the content type, parse the JSON.
  const subgraphCall = (fetcher: Fetcher) => async () => {
    const response = await fetcher(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-nets-request-id': 'bench' },
      body: subgraphBody,
    });
    if (!response.headers.get('Content-Type')?.startsWith('application/json')) throw new Error('not JSON');
    await response.json();
  };

  const guard = {
    maxCharacters: 20_000,
    maxTokens: 4000,
    limits: DEFAULT_OPERATION_LIMITS,
  };
  const remembered = rememberedDocumentProblem(guard);
  const pieces: Array<{
    name: string;
    count: number;
    concurrency: number;
    before: () => unknown;
    after: () => unknown;
  }> = [
    {
      name: 'gateway → subgraph fetch (undici fetch → dispatcher request)',
      count: FETCHES,
      concurrency: CONCURRENCY,
      before: subgraphCall(fetchBefore),
      after: subgraphCall(fetchAfter),
    },
    {
      name: "gateway's document guard on the submit mutation (per request → remembered)",
      count: 20_000,
      concurrency: 1,
      before: () => documentProblem(SUBMIT_RESPONSE, guard),
      after: () => remembered(SUBMIT_RESPONSE),
    },
    {
      name: 'request fingerprint of a submission (sort per object → key lists remembered)',
      count: 20_000,
      concurrency: 1,
      before: () => firstFingerprint(input),
      after: () => fingerprint(input),
    },
  ];
  if (firstFingerprint(input) !== fingerprint(input)) throw new Error('the fingerprint changed');

  const results = new Map(
    pieces.map((piece) => [piece.name, { before: [] as number[], after: [] as number[] }]),
  );
  const loadBefore = loadavg();
  for (let round = 0; round < ROUNDS + 1; round += 1) {
    for (const piece of pieces) {
      const before = await cpuPerCall(piece.count, piece.concurrency, piece.before);
      const after = await cpuPerCall(piece.count, piece.concurrency, piece.after);
      // Round 0 warms the JIT and the connections up.
      if (round === 0) continue;
      results.get(piece.name)?.before.push(before);
      results.get(piece.name)?.after.push(after);
    }
  }
  const loadAfter = loadavg();
  process.stdout.write(
    `load average ${loadBefore.map((v) => v.toFixed(1)).join('/')} before, ${loadAfter
      .map((v) => v.toFixed(1))
      .join('/')} after; median of ${ROUNDS} rounds, CPU µs per call\n\n`,
  );
  process.stdout.write('| piece | before | after | saved |\n|---|---|---|---|\n');
  for (const [name, { before, after }] of results) {
    const b = median(before);
    const a = median(after);
    process.stdout.write(
      `| ${name} | ${b.toFixed(1)} µs | ${a.toFixed(1)} µs | ${(b - a).toFixed(1)} µs |\n`,
    );
  }
  await keepAlive.close();
  await agent.close();
  await new Promise((resolve) => subgraph.close(resolve));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${String(error instanceof Error ? error.stack : error)} ${String((error as { cause?: unknown }).cause)}\n`,
  );
  process.exit(1);
});
