// Loads the demo data through the public API, once: the synthetic organisation registry, Provider
// Self-Assessments for 2022–2024, the national dataset's past cycles 2019–2024 with their responses, and the
// 2025 cycle open with a few live responses (serious concerns among them). Releases each past cycle's results
// once analytics has counted every one of its responses; the open 2025 cycle's results stay unreleased.
// Idempotent: does nothing that is already there.
//   seed.ts [--responses N] [--seed S] [--concurrency C]
import { parseArgs } from 'node:util';
import { DEMO_PSA_CYCLES, demoRegistry, demoSelfAssessments } from '@nets/provider-assessment/data-access';
import type { PlatformClient } from '@nets/shared/testing';
import { adminClient, clientFor, toolToken } from '../dataset/gateway-client';
import { seedNotificationContacts } from './notification-contacts';
import {
  loadPastResponses,
  loadRegistry,
  openLiveCycle,
  releasePastResults,
  submitLiveResponses,
  type LoadOptions,
} from '../dataset/load';

const gatewayUrl = process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:4000/graphql';
/** Small enough that `npm start` is ready in under two minutes on a 2-core machine. */
export const DEMO_RESPONSES = 4_200;
export const DEMO_SEED = 2024;

const log = (line: string) => process.stdout.write(`[demo] ${line}\n`);

async function seedSelfAssessments(admin: PlatformClient): Promise<void> {
  const registry = demoRegistry();
  for (const cycle of DEMO_PSA_CYCLES) {
    const { selfAssessmentCycle } = await admin.call<{ selfAssessmentCycle: { year: number } | null }>(
      `query($year: Int!) { selfAssessmentCycle(year: $year) { year } }`,
      { year: cycle.year },
    );
    if (selfAssessmentCycle) continue;
    await admin.call(
      `mutation($i: CreateSelfAssessmentCycleInput!) { createSelfAssessmentCycle(input: $i) { year } }`,
      {
        i: { year: cycle.year, opensAt: cycle.opensAt.toISOString(), dueAt: cycle.dueAt.toISOString() },
      },
    );
    const imported = await admin.call<{ importSelfAssessments: { imported: number } }>(
      `mutation($y: Int!, $r: [SelfAssessmentImportRowInput!]!) { importSelfAssessments(year: $y, rows: $r) { imported } }`,
      { y: cycle.year, r: demoSelfAssessments(registry, cycle.year) },
    );
    log(`${cycle.year} self-assessments: ${imported.importSelfAssessments.imported}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      responses: { type: 'string', default: String(DEMO_RESPONSES) },
      seed: { type: 'string', default: String(DEMO_SEED) },
      concurrency: { type: 'string', default: '3' },
    },
  });
  const options: LoadOptions = {
    responses: Number(values.responses),
    seed: Number(values.seed),
    concurrency: Number(values.concurrency),
    log,
  };
  if (!Number.isInteger(options.responses) || options.responses < 0 || options.responses > 1_000_000) {
    throw new Error('--responses must be a whole number from 0 to 1,000,000');
  }
  const started = Date.now();
  const admin = await adminClient(gatewayUrl);
  await loadRegistry(admin, log);
  await seedSelfAssessments(admin);
  await seedNotificationContacts(admin, log);
  const perYear = await loadPastResponses(admin, options);
  if (await openLiveCycle(admin, log)) await submitLiveResponses(clientFor(gatewayUrl), admin, options);
  await releasePastResults(admin, clientFor(gatewayUrl, await toolToken('NATIONAL_ANALYST')), perYear, log);
  log(`loaded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
  process.stderr.write(`[demo] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
