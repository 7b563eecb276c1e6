// Loads the demo data through the public API, once: the synthetic organisation registry, Provider
// Self-Assessments for 2022–2024, and a 2025 survey cycle with the default questionnaire published and open.
// Idempotent: does nothing that is already there.
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEV_AUTH_SECRET, mintDevToken } from '@nets/shared/auth';
import {
  DEMO_PSA_CYCLES,
  demoRegistry,
  demoSelfAssessments,
  toOrganisationCsv,
} from '@nets/provider-assessment/data-access';

const gatewayUrl = process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:4000/graphql';
const DEMO_YEAR = 2025;

async function call<T>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data as T;
}

async function seedRegistryAndSelfAssessments(admin: string): Promise<void> {
  const registry = demoRegistry();
  const report = await call<{ importOrganisations: { committed: boolean; registered: number } }>(
    admin,
    `mutation($csv: String!) { importOrganisations(csv: $csv) { committed registered } }`,
    { csv: toOrganisationCsv(registry) },
  );
  if (!report.importOrganisations.committed) throw new Error('the demo registry was refused');
  process.stdout.write(
    `[demo] registry: ${report.importOrganisations.registered} organisations registered\n`,
  );
  for (const cycle of DEMO_PSA_CYCLES) {
    const { selfAssessmentCycle } = await call<{ selfAssessmentCycle: { year: number } | null }>(
      admin,
      `query($year: Int!) { selfAssessmentCycle(year: $year) { year } }`,
      { year: cycle.year },
    );
    if (selfAssessmentCycle) continue;
    await call(
      admin,
      `mutation($i: CreateSelfAssessmentCycleInput!) { createSelfAssessmentCycle(input: $i) { year } }`,
      {
        i: { year: cycle.year, opensAt: cycle.opensAt.toISOString(), dueAt: cycle.dueAt.toISOString() },
      },
    );
    const imported = await call<{ importSelfAssessments: { imported: number } }>(
      admin,
      `mutation($y: Int!, $r: [SelfAssessmentImportRowInput!]!) { importSelfAssessments(year: $y, rows: $r) { imported } }`,
      { y: cycle.year, r: demoSelfAssessments(registry, cycle.year) },
    );
    process.stdout.write(
      `[demo] ${cycle.year} self-assessments: ${imported.importSelfAssessments.imported}\n`,
    );
  }
}

async function main(): Promise<void> {
  const admin = await mintDevToken(
    { role: 'ADMIN', subject: 'demo-admin' },
    {
      devSecret: process.env['AUTH_DEV_SECRET'] ?? DEV_AUTH_SECRET,
      issuer: DEFAULT_ISSUER,
      audience: DEFAULT_AUDIENCE,
    },
  );
  await seedRegistryAndSelfAssessments(admin);
  const { surveyCycle } = await call<{
    surveyCycle: { status: string; questionnaire: { version: number } | null } | null;
  }>(admin, `query($year: Int!) { surveyCycle(year: $year) { status questionnaire { version } } }`, {
    year: DEMO_YEAR,
  });
  if (!surveyCycle) {
    const now = Date.now();
    await call(
      admin,
      `mutation($input: CreateSurveyCycleInput!) { createSurveyCycle(input: $input) { year } }`,
      {
        input: {
          year: DEMO_YEAR,
          name: `NETS ${DEMO_YEAR}`,
          opensAt: new Date(now - 7 * 86_400_000).toISOString(),
          closesAt: new Date(now + 60 * 86_400_000).toISOString(),
        },
      },
    );
  }
  if (!surveyCycle || surveyCycle.status === 'DRAFT') {
    const { surveyCycle: current } = await call<{
      surveyCycle: { questionnaires: Array<{ status: string }> };
    }>(admin, `query($year: Int!) { surveyCycle(year: $year) { questionnaires { status } } }`, {
      year: DEMO_YEAR,
    });
    if (!current.questionnaires.some((q) => q.status === 'PUBLISHED')) {
      await call(
        admin,
        `mutation($year: Int!) { saveQuestionnaireDraft(input: { year: $year, useDefault: true }) { id } }`,
        {
          year: DEMO_YEAR,
        },
      );
      await call(admin, `mutation($year: Int!) { publishQuestionnaire(year: $year) { version } }`, {
        year: DEMO_YEAR,
      });
    }
    await call(admin, `mutation($year: Int!) { openSurveyCycle(year: $year) { status } }`, {
      year: DEMO_YEAR,
    });
    process.stdout.write(`[demo] the ${DEMO_YEAR} cycle is open with the default questionnaire\n`);
  } else {
    process.stdout.write(
      `[demo] already loaded (the ${DEMO_YEAR} cycle is ${surveyCycle.status.toLowerCase()})\n`,
    );
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[demo] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
