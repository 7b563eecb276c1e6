// Imports an ODS-style organisation CSV through the gateway as a development ADMIN (see README.md):
//   SWC_NODE_PROJECT=tsconfig.base.json node -r @swc-node/register tools/import-organisations/import-organisations.ts --file x.csv
// Prints the row-level report; exits 1 when rows were rejected and nothing was committed.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER, DEV_AUTH_SECRET, mintDevToken } from '@nets/shared/auth';

interface ImportReport {
  committed: boolean;
  registered: number;
  updated: number;
  unchanged: number;
  rejected: Array<{ line: number; code: string | null; reasons: string[] }>;
}

const MUTATION = `mutation($csv: String!, $skip: Boolean, $dryRun: Boolean) {
  importOrganisations(csv: $csv, skipInvalidRows: $skip, dryRun: $dryRun) {
    committed registered updated unchanged rejected { line code reasons } } }`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      file: { type: 'string' },
      'skip-invalid': { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
    },
  });
  if (!values.file) throw new Error('--file <extract.csv> is required');
  const gatewayUrl = process.env['GATEWAY_URL'] ?? 'http://127.0.0.1:4000/graphql';
  const token = await mintDevToken(
    { role: 'ADMIN', subject: 'import-organisations' },
    {
      devSecret: process.env['AUTH_DEV_SECRET'] ?? DEV_AUTH_SECRET,
      issuer: process.env['AUTH_ISSUER'] ?? DEFAULT_ISSUER,
      audience: process.env['AUTH_AUDIENCE'] ?? DEFAULT_AUDIENCE,
    },
  );
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: MUTATION,
      variables: {
        csv: readFileSync(values.file, 'utf8'),
        skip: values['skip-invalid'],
        dryRun: values['dry-run'],
      },
    }),
  });
  const body = (await response.json()) as {
    data?: { importOrganisations: ImportReport };
    errors?: Array<{ message: string }>;
  };
  if (body.errors?.length || !body.data) {
    throw new Error(body.errors?.map((error) => error.message).join('; ') ?? `HTTP ${response.status}`);
  }
  const report = body.data.importOrganisations;
  for (const rejection of report.rejected) {
    process.stdout.write(`line ${rejection.line} ${rejection.code ?? ''}: ${rejection.reasons.join(' ')}\n`);
  }
  process.stdout.write(
    `${report.committed ? 'committed' : 'not committed'}: ${report.registered} registered, ${report.updated} updated, ` +
      `${report.unchanged} unchanged, ${report.rejected.length} rejected\n`,
  );
  if (!report.committed && !values['dry-run']) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`[import-organisations] ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
