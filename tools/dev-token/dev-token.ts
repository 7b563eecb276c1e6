// Mints a development token for a role: npm run -s dev-token -- --role PROVIDER_USER --org <organisation id>
// Signed by the development identity provider's key when its keys file exists (what the `npm start` platform
// accepts), else with the development HS256 key; `--signer provider|dev-key` chooses. Useless in production.
import { parseArgs } from 'node:util';
import { REGIONS, ROLES, type Region, type Role } from '@nets/shared/auth';
import { interactiveSigner, mintToolToken, type Signer } from './token-signing';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      org: { type: 'string' },
      region: { type: 'string' },
      subject: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string', default: '12h' },
      signer: { type: 'string' },
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
  if (values.signer && values.signer !== 'provider' && values.signer !== 'dev-key') {
    throw new Error("--signer must be provider (the development identity provider's key) or dev-key (HS256)");
  }
  const signer = (values.signer as Signer | undefined) ?? interactiveSigner();
  process.stderr.write(
    `signed with ${signer === 'provider' ? "the identity provider's key" : 'the development key'}\n`,
  );
  const token = await mintToolToken(
    {
      role: values.role as Role,
      organisationId: values.org,
      region: values.region as Region | undefined,
      subject: values.subject,
      name: values.name,
    },
    { signer, expiresIn: values.expires },
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
