import type { Page } from 'playwright-core';
import { tokens } from '@nets/shared/testing';
import { startPortalWorld, type PortalWorld } from '../support/portal-world';
import { checkPage, readTable, signedIn } from '../support/staff-steps';

/**
 * Concerns casework in Chromium against the real platform (issue 18): London's quality team takes a triage
 * concern from the dashboard through triage with the risk matrix, an ISF level, escalation to step 2, an
 * action with a due date and the action plan; the provider posts an update and proposes the resolution;
 * the quality team confirms it and closes the concern. Two people editing at once lose nothing. The
 * timeline on screen is the graph's; every page and state passes axe and reflows at 320 px.
 */
jest.setTimeout(600_000);

const TIMELINE = 'Timeline: everything that happened, oldest first';

interface GraphConcern {
  id: string;
  reference: string;
  source: string;
  organisation: { id: string; odsCode: string };
}

describe('concerns casework in the Reporting Tool', () => {
  let world: PortalWorld;
  let concern: GraphConcern;
  const qualityToken = () => tokens.qualityTeam('LONDON');

  beforeAll(async () => {
    world = await startPortalWorld('concerns');
    const qt = await qualityToken();
    const { concerns } = await world.gateway.call<{ concerns: { nodes: GraphConcern[] } }>(
      `{ concerns(filter: { status: RAISED }, first: 100) { nodes { id reference source organisation { id odsCode } } } }`,
      {},
      qt,
    );
    // A red flag's triage concern at Penmouth (R2S), whose provider has a demo user; else one the team raises.
    const flagged = concerns.nodes.find(
      (c) => c.source.startsWith('ANALYTICS_') && c.organisation.odsCode === 'R2S',
    );
    if (flagged) concern = flagged;
    else {
      const { organisations } = await world.gateway.call<{
        organisations: { edges: Array<{ node: { id: string; odsCode: string } }> };
      }>(`{ organisations(first: 200) { edges { node { id odsCode } } } }`, {}, await tokens.analyst());
      const penmouth = organisations.edges.find((e) => e.node.odsCode === 'R2S')?.node;
      if (!penmouth) throw new Error('No R2S in the demo registry');
      const { raiseConcern } = await world.gateway.call<{ raiseConcern: GraphConcern }>(
        `mutation($o: ID!) { raiseConcern(input: { organisationId: $o, source: QUALITY_TEAM, category: SUPERVISION,
           description: "Supervision gaps on nights" }) { id reference source organisation { id odsCode } } }`,
        { o: penmouth.id },
        qt,
      );
      concern = raiseConcern;
    }
  }, 900_000);

  afterAll(async () => {
    await world?.stop();
  });

  async function command(page: Page, link: string, state: string, fill: (page: Page) => Promise<void>) {
    await page.getByRole('link', { name: link }).click();
    await page.getByRole('heading', { level: 1, name: link }).waitFor();
    await checkPage(page, `${state}-form`);
    await fill(page);
    await page.getByRole('button', { name: 'Confirm' }).click();
    await page.getByText(`${link}: recorded on the timeline.`).waitFor();
    await checkPage(page, state);
  }

  async function graphTimeline(id = concern.id): Promise<string[]> {
    const { concern: now } = await world.gateway.call<{
      concern: { timeline: Array<{ what: string; detail: string | null }> };
    }>(`query($id: ID!) { concern(id: $id) { timeline { what detail } } }`, { id }, await qualityToken());
    return now.timeline.map((entry) => (entry.detail ? `${entry.what}: ${entry.detail}` : entry.what));
  }

  const screenTimeline = async (page: Page) =>
    (await readTable(page, TIMELINE)).slice(1).map((row) => row[2] ?? '');

  it('takes a concern from the dashboard to closure, the timeline on screen being the graph’s', async () => {
    const quality = await signedIn(world, 'quality.london', '/concerns');
    await quality.getByRole('heading', { level: 1, name: 'Concerns: London' }).waitFor();
    await checkPage(quality, 'concerns-dashboard');
    await quality.getByRole('link', { name: 'Raised, waiting for triage' }).click();
    await checkPage(quality, 'concerns-list-raised');
    await quality.getByRole('link', { name: concern.reference }).click();
    await quality.getByRole('heading', { level: 1, name: `Concern ${concern.reference}` }).waitFor();
    await checkPage(quality, 'concern-raised');

    // Triage: a missing grade is named and linked, then the 5 × 5 matrix takes likelihood 4 × consequence 3.
    await quality.getByRole('link', { name: 'Triage and grade the concern' }).click();
    await quality.getByRole('button', { name: 'Confirm' }).click();
    await quality.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await checkPage(quality, 'triage-errors');
    await quality.getByLabel('Likelihood 4, consequence 3: score 12 high').check();
    await quality.getByLabel('Why you graded it this way').fill('Red flags on supervision two years running');
    await quality.getByRole('button', { name: 'Confirm' }).click();
    await quality.getByText('Triage and grade the concern: recorded on the timeline.').waitFor();
    await expect(quality.getByText('Likelihood 4 × consequence 3 = 12 (High)').count()).resolves.toBe(1);
    await checkPage(quality, 'concern-triaged');

    await command(quality, 'Set the ISF level', 'concern-isf-level', async (page) => {
      await page.getByRole('radio').first().check();
      await page.getByLabel('Rationale').fill('Two consecutive red flags');
    });
    await command(quality, 'Escalate on the pathway', 'concern-escalated', async (page) => {
      await page.getByLabel('Step 2: the education provider or programme').check();
      await page.getByLabel('Why it is escalated').fill('The programme must act');
    });
    const dueYear = new Date().getUTCFullYear() + 1;
    await command(quality, 'Add an action', 'concern-action', async (page) => {
      await page.getByLabel('Programme review').check();
      await page.getByLabel('What must be done, and by whom').fill('Review the night rota with the school');
      await page.getByLabel('Day').fill('15');
      await page.getByLabel('Month').fill('3');
      await page.getByLabel('Year').fill(String(dueYear));
    });
    expect((await readTable(quality, 'Actions'))[1]).toEqual([
      'Programme review',
      'Review the night rota with the school',
      `15 March ${dueYear}`,
      'Open',
    ]);
    await command(quality, 'Agree the action plan', 'concern-plan-agreed', async () => undefined);

    // The provider, signed in as itself, posts an update on the action and proposes the resolution.
    const provider = await signedIn(world, 'provider.r2s', `/concerns/${concern.id}`);
    await provider.getByRole('heading', { level: 1, name: `Concern ${concern.reference}` }).waitFor();
    await checkPage(provider, 'concern-provider');
    expect(await provider.getByRole('link', { name: 'Triage and grade the concern' }).count()).toBe(0);
    await command(provider, 'Post an update', 'concern-provider-update', async (page) => {
      await page.getByLabel('Your update').fill('Night rota reviewed; a second supervisor added');
      await page.getByLabel('The action it is about (optional)').selectOption({ index: 1 });
      await page.getByLabel('This update completes the action').check();
    });
    await command(provider, 'Propose a resolution', 'concern-resolution-proposed', async (page) => {
      await page.getByLabel('Evidence that the concern is resolved').fill('Rota audit attached to the PSA');
    });

    await quality.reload();
    await command(quality, 'Confirm or reject the proposed resolution', 'concern-resolved', async (page) => {
      await page.getByLabel('Yes, confirm the resolution').check();
      await page.getByLabel('Why', { exact: true }).fill('Audit confirms two supervisors on nights');
    });
    await command(quality, 'Close the concern', 'concern-closed', async () => undefined);
    await expect(quality.getByText('Closed', { exact: true }).count()).resolves.toBeGreaterThan(0);
    expect(await screenTimeline(quality)).toEqual(await graphTimeline());
    expect((await graphTimeline()).at(-1)).toBe('Closed (RESOLVED → CLOSED)');
  });

  it('resolves a concurrent edit by two people without losing either', async () => {
    // A concern still open (the first journey closed its own), raised by the team through the graph.
    const { raiseConcern: open } = await world.gateway.call<{ raiseConcern: GraphConcern }>(
      `mutation($o: ID!) { raiseConcern(input: { organisationId: $o, source: QUALITY_TEAM, category: FACILITIES,
         description: "No rest area on the ward" }) { id reference source organisation { id odsCode } } }`,
      { o: concern.organisation.id },
      await qualityToken(),
    );
    const first = await signedIn(world, 'quality.london', `/concerns/${open.id}`);
    const second = await signedIn(world, 'quality.london', `/concerns/${open.id}`);
    const before = (await graphTimeline(open.id)).length;
    // Both open a form on the same version of the concern; the second submits first.
    await first.goto(`/concerns/${open.id}/share-with-regulators`);
    await second.goto(`/concerns/${open.id}/share-with-regulators`);
    await second.getByLabel('Care Quality Commission (CQC)').check();
    await second.getByLabel('What you shared').fill('Closure summary for the CQC');
    await second.getByRole('button', { name: 'Confirm' }).click();
    await second.getByText('Share with regulators: recorded on the timeline.').waitFor();

    await first.getByLabel('General Medical Council (GMC)').check();
    await first.getByLabel('What you shared').fill('Closure summary for the GMC');
    await first.getByRole('button', { name: 'Confirm' }).click();
    await first.getByRole('heading', { name: 'Someone else changed this concern' }).waitFor();
    await checkPage(first, 'concern-conflict');
    await expect(first.getByLabel('What you shared').inputValue()).resolves.toBe(
      'Closure summary for the GMC',
    );
    await first.getByRole('button', { name: 'Confirm' }).click();
    await first.getByText('Share with regulators: recorded on the timeline.').waitFor();

    const timeline = await graphTimeline(open.id);
    expect(timeline).toHaveLength(before + 2);
    expect(await screenTimeline(first)).toEqual(timeline);
  });
});
