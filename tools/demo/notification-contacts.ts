// The demo's notification contacts (issue 22): one quality-team mailbox per region and a mailbox for each
// organisation the demo users sign in for, all at `nets.localhost` (nothing leaves the machine even when
// NOTIFY_SMTP_URL points at a real server by mistake: no such domain resolves).
import { REGION_NAMES, REGIONS } from '@nets/shared/auth';
import type { PlatformClient } from '@nets/shared/testing';

/** The organisations of the demo sign-ins (apps/identity-provider): three trusts, a GP practice, a university. */
const DEMO_ORGANISATIONS = ['R2S', 'R4D', 'R2T', 'A81001', '10001006'];

const ATTEMPTS = 30;

/** Adds whatever of the demo contacts is missing; waits for the concerns service to know the organisations. */
export async function seedNotificationContacts(
  admin: PlatformClient,
  log: (line: string) => void,
): Promise<void> {
  const { notificationContacts } = await admin.call<{ notificationContacts: Array<{ email: string }> }>(
    `query { notificationContacts { email } }`,
  );
  const present = new Set(notificationContacts.map((contact) => contact.email));
  const wanted: Array<Record<string, string>> = REGIONS.map((region) => ({
    region,
    email: `quality.${region.toLowerCase().replaceAll('_', '-')}@nets.localhost`,
    name: `${REGION_NAMES[region]} quality team`,
  }));
  for (const odsCode of DEMO_ORGANISATIONS) {
    const { organisationByOdsCode } = await admin.call<{
      organisationByOdsCode: { id: string; name: string } | null;
    }>(`query($ods: String!) { organisationByOdsCode(odsCode: $ods) { id name } }`, { ods: odsCode });
    if (organisationByOdsCode)
      wanted.push({
        organisationId: organisationByOdsCode.id,
        email: `education.${odsCode.toLowerCase()}@nets.localhost`,
        name: `${organisationByOdsCode.name} education team`,
      });
  }
  let added = 0;
  for (const input of wanted.filter((contact) => !present.has(contact.email))) {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await admin.call(
          `mutation($input: AddNotificationContactInput!) { addNotificationContact(input: $input) { id } }`,
          { input },
        );
        added += 1;
        break;
      } catch (error) {
        // The registry's events reach the concerns service's replica a moment after the import.
        if (attempt >= ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  }
  log(`notification contacts: ${added} added`);
}
