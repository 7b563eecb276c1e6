// Mints a development token for a role: npm run -s dev-token -- --role PROVIDER_USER --org <organisation id>
// Signed with the development key (AUTH_DEV_SECRET or the built-in local default); useless in production.
import { parseArgs } from 'node:util';
import {
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  DEV_AUTH_SECRET,
  REGIONS,
  ROLES,
  mintDevToken,
  type Region,
  type Role,
} from '@nets/shared/auth';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      org: { type: 'string' },
      region: { type: 'string' },
      subject: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  if (!values.role || !ROLES.includes(values.role as Role)) {
    throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  }
  if (values.region && !REGIONS.includes(values.region as Region)) {
    throw new Error(`--region must be one of ${REGIONS.join(', ')}`);
  }
  if (values.org && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(values.org)) {
    throw new Error('--org must be an organisation id (a UUID): services refuse any other org claim');
  }
  const token = await mintDevToken(
    {
      role: values.role as Role,
      organisationId: values.org,
      region: values.region as Region | undefined,
      subject: values.subject,
      name: values.name,
    },
    {
      devSecret: process.env['AUTH_DEV_SECRET'] ?? DEV_AUTH_SECRET,
      issuer: process.env['AUTH_ISSUER'] ?? DEFAULT_ISSUER,
      audience: process.env['AUTH_AUDIENCE'] ?? DEFAULT_AUDIENCE,
      expiresIn: values.expires,
    },
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
