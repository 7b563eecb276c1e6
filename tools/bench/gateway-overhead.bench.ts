// Gateway overhead on the running bench platform: a query served by one subgraph through our gateway against
// the same query sent straight to the subgraph, a query joining three subgraphs (an organisation's results
// in a released cycle), and both through Hive Gateway over the same supergraph with the same subgraphs,
// headers and token.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePorts, REPO_ROOT, type BenchPlatform } from './platform-kit';
import { load, type BenchRow, type BenchSection, type LoadResult } from './bench-kit';
import { HIVE_DIR, HIVE_GATEWAY_VERSION, ensureHiveGateway, spawnHiveGateway } from './hive/hive-gateway';
import { monotonicMicros } from './profile-summary';
import { combineRounds, formatRatio } from './stats';
import { analystToken, call, qualityTeamToken, type BenchOrganisation } from './platform-setup';

const CONNECTIONS = 20;
/** Interleaved rounds: a burst of other work on the shared machine hits every gateway alike. */
const ROUNDS = 3;
const SINGLE = JSON.stringify({ query: '{ measures { key title polarity } }' });
/** A single-subgraph answer counts only with a measure in it, not an empty list. */
const SINGLE_EXPECT = '"polarity"';
/** A join answer counts only with a result row in it (`netsResults: []` would be an unreleased cycle). */
const JOIN_EXPECT = '"measureKey"';
const joinRequest = (organisationId: string, year: number, measure: string) => ({
  query: `query Join($id: ID!, $year: Int!, $measures: [String!]) {
      organisation(id: $id) {
        name region
        netsResults(year: $year, measures: $measures) { measureKey respondents suppressed }
        concerns(first: 5) { id status }
      }
    }`,
  variables: { id: organisationId, year, measures: [measure] },
});

/** The committed supergraph with each subgraph's URL pointed at this platform's process. */
function supergraphFor(platform: BenchPlatform): string {
  let sdl = readFileSync(join(REPO_ROOT, 'apps/gateway/supergraph.graphql'), 'utf8');
  for (const [name, url] of Object.entries(platform.subgraphUrls)) {
    sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${url}$2`);
  }
  const path = join(HIVE_DIR, 'supergraph.graphql');
  writeFileSync(path, sdl);
  return path;
}

async function waitForGraphql(url: string, isAlive: () => boolean, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`Hive Gateway exited before it was ready:\n${output()}`);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: SINGLE,
      });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`Hive Gateway was not ready at ${url}:\n${output()}`);
}

/** How many requests failed, and what the first failure said. */
function failures(...results: LoadResult[]): string {
  const count = results.reduce((sum, result) => sum + result.errors + result.non2xx, 0);
  const sample = results.find((result) => result.failureSample)?.failureSample;
  return `${count} errors${sample ? ` (first: ${sample.replace(/\|/g, '/').replace(/\s+/g, ' ')})` : ''}`;
}
const latency = (result: LoadResult) => `${result.p50}/${result.p99} ms`;

export async function gatewayOverhead(
  platform: BenchPlatform,
  target: { organisation: BenchOrganisation; year: number },
  seconds: number,
  log: (line: string) => void,
): Promise<BenchSection> {
  const token = await analystToken();
  const auth = { authorization: `Bearer ${token}` };
  const { measures } = await call<{ measures: Array<{ key: string }> }>(
    platform.gatewayUrl,
    '{ measures { key } }',
    {},
    token,
  );
  if (measures.length === 0) throw new Error('the single-subgraph query answered no measures');
  const join = joinRequest(target.organisation.id, target.year, measures[0].key);
  const join3 = JSON.stringify(join);
  // Concerns are the quality team's (and the provider's): the join is asked by the organisation's region.
  const qualityTeam = await qualityTeamToken(target.organisation.region);
  const joinAuth = { authorization: `Bearer ${qualityTeam}` };
  // Results are read only once released: a join answering no rows would measure nothing.
  const { organisation } = await call<{
    organisation: { netsResults: Array<{ respondents: number | null; suppressed: boolean }> };
  }>(platform.gatewayUrl, join.query, join.variables, qualityTeam);
  if (!organisation.netsResults.some((result) => !result.suppressed && (result.respondents ?? 0) > 0)) {
    throw new Error(
      `the join read no released results for ${target.year}: ${JSON.stringify(organisation.netsResults)}`,
    );
  }
  const ours = { url: platform.gatewayUrl, headers: auth };
  const oursAsQualityTeam = { url: platform.gatewayUrl, headers: joinAuth };
  const direct = {
    url: platform.subgraphUrls['survey'],
    headers: { ...auth, 'x-nets-gateway-secret': platform.gatewaySecret },
  };
  const perRound = Math.max(2, Math.round(seconds / ROUNDS));
  const run = (to: { url: string; headers: Record<string, string> }, body: string, expect: string) =>
    load({ ...to, body, expect, connections: CONNECTIONS, seconds: perRound });

  ensureHiveGateway(log);
  const [hivePort] = await freePorts(1);
  const hive = spawnHiveGateway({
    port: hivePort,
    supergraphPath: supergraphFor(platform),
    gatewaySecret: platform.gatewaySecret,
  });
  let hiveOutput = '';
  hive.stderr?.on('data', (chunk: Buffer) => (hiveOutput = `${hiveOutput}${chunk.toString()}`.slice(-4000)));
  const theirs = { url: `http://127.0.0.1:${hivePort}/graphql`, headers: auth };
  const theirsAsQualityTeam = { ...theirs, headers: joinAuth };
  let windowStart = 0;
  let windowEnd = 0;
  const rounds: Record<'subgraph' | 'oursSingle' | 'oursJoin' | 'hiveSingle' | 'hiveJoin', LoadResult[]> = {
    subgraph: [],
    oursSingle: [],
    oursJoin: [],
    hiveSingle: [],
    hiveJoin: [],
  };
  try {
    await waitForGraphql(
      theirs.url,
      () => hive.exitCode === null,
      () => hiveOutput,
    );
    log('gateway overhead: warm-up…');
    for (const to of [ours, theirs, direct]) {
      await load({ ...to, body: SINGLE, expect: SINGLE_EXPECT, connections: 10, seconds: 2 });
    }
    for (const to of [oursAsQualityTeam, theirsAsQualityTeam]) {
      await load({ ...to, body: join3, expect: JOIN_EXPECT, connections: 10, seconds: 2 });
    }
    windowStart = monotonicMicros();
    for (let round = 1; round <= ROUNDS; round += 1) {
      log(`gateway overhead: round ${round} of ${ROUNDS} (direct, ours, Hive; ${perRound} s each)…`);
      rounds.subgraph.push(await run(direct, SINGLE, SINGLE_EXPECT));
      rounds.oursSingle.push(await run(ours, SINGLE, SINGLE_EXPECT));
      rounds.hiveSingle.push(await run(theirs, SINGLE, SINGLE_EXPECT));
      rounds.oursJoin.push(await run(oursAsQualityTeam, join3, JOIN_EXPECT));
      rounds.hiveJoin.push(await run(theirsAsQualityTeam, join3, JOIN_EXPECT));
    }
    windowEnd = monotonicMicros();
  } finally {
    const exited = new Promise((resolve) => hive.once('exit', resolve));
    hive.kill('SIGTERM');
    await exited;
  }
  const subgraph = combineRounds(rounds.subgraph);
  const oursSingle = combineRounds(rounds.oursSingle);
  const oursJoin = combineRounds(rounds.oursJoin);
  const hiveSingle = combineRounds(rounds.hiveSingle);
  const hiveJoin = combineRounds(rounds.hiveJoin);

  const rows: BenchRow[] = [
    {
      name: `single-subgraph query through our gateway (${CONNECTIONS} connections)`,
      value: oursSingle.requestsPerSecond,
      unit: 'req/s',
      reference: { name: 'same query straight to the subgraph', value: subgraph.requestsPerSecond },
      target: '≥ 0.5×',
      note: `p50/p99 ${latency(oursSingle)} vs ${latency(subgraph)}; ${failures(oursSingle, subgraph)}`,
    },
    {
      name: 'single-subgraph query: our gateway vs Hive Gateway',
      value: oursSingle.requestsPerSecond,
      unit: 'req/s',
      reference: { name: `Hive Gateway ${HIVE_GATEWAY_VERSION}`, value: hiveSingle.requestsPerSecond },
      target: '> 1× (ahead)',
      note: `Hive p50/p99 ${latency(hiveSingle)}; ${failures(hiveSingle)}`,
    },
    {
      name: `query joining three subgraphs (provider-assessment → analytics (released ${target.year} results), concerns): ours vs Hive Gateway`,
      value: oursJoin.requestsPerSecond,
      unit: 'req/s',
      reference: { name: 'Hive Gateway, same query', value: hiveJoin.requestsPerSecond },
      target: '> 1× (ahead)',
      note: `p50/p99 ${latency(oursJoin)} vs ${latency(hiveJoin)}; ours ${failures(oursJoin)}, Hive ${failures(hiveJoin)}`,
    },
  ];
  const findings: string[] = [];
  const directRatio = oursSingle.requestsPerSecond / subgraph.requestsPerSecond;
  if (directRatio < 0.5) {
    findings.push(
      `Gateway: ${directRatio.toFixed(2)}× the direct subgraph, target ≥ 0.5× (missed by ${Math.round((1 - directRatio / 0.5) * 100)}%). ` +
        'Every request is parsed, validated, planned and verified (token) in the gateway and again in the subgraph, ' +
        'and both share the same 2 cores; profile with BENCH_CPU_PROF=gateway.',
    );
  }
  if (
    oursSingle.requestsPerSecond <= hiveSingle.requestsPerSecond ||
    oursJoin.requestsPerSecond <= hiveJoin.requestsPerSecond
  ) {
    findings.push(
      `Gateway vs Hive Gateway: ours is ${formatRatio(oursSingle.requestsPerSecond, hiveSingle.requestsPerSecond)} on a single-subgraph query ` +
        `and ${formatRatio(oursJoin.requestsPerSecond, hiveJoin.requestsPerSecond)} on the three-subgraph join (target: ahead, > 1×).`,
    );
  }
  return {
    rows,
    findings,
    profileWindows: [{ label: 'the gateway rounds', fromUs: windowStart, toUs: windowEnd }],
  };
}
