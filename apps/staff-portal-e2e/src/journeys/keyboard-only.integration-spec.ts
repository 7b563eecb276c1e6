import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import {
  answersFor,
  loadOpenSurvey,
  submissionFor,
  submitWhenKnown,
  tokens,
  waitFor,
} from '@nets/shared/testing';
import { startPortalWorld, type PortalWorld } from '../support/portal-world';
import { checkPage, ensureSelfAssessmentCycle, signedIn } from '../support/staff-steps';

/**
 * Every form of the staff portal completed with the keyboard alone (issue 18), in Chromium against the real
 * platform: focus arrives by Tab (or an arrow within a group of radios), choices by Space and the arrows, text
 * by typing, sending by Enter; no clicks and no `fill`. In a working day's order: London's quality team raises
 * a concern about Penmouth (the organisation search), takes it through every command (triage with the risk
 * matrix, ISF level, escalation, an action with a due date, the action plan, monitoring, sharing with
 * regulators), Penmouth's provider posts an update and proposes the resolution, the team confirms and closes
 * it; the team replies to a learner's serious concern (raised through the graph, with a follow-up code) and
 * withdraws it; the provider answers the whole Provider Self-Assessment and submits it, the team returns it,
 * it is resubmitted and accepted; the administrator creates, publishes, opens, closes and releases cycles and
 * imports a registry CSV after its dry run. Each focused control shows the focus (NHS.UK's yellow), a
 * validation error moves the focus to the error summary, and every state passes axe. Signing in is the
 * identity provider's page, not the portal's: it is filled as the other journeys do.
 */
jest.setTimeout(1_800_000);

const YEAR = new Date().getUTCFullYear();
const DAY = 86_400_000;
/** NHS.UK's focus colour (#ffeb3b): every focus style of nhsuk-frontend draws with it. */
const FOCUS_YELLOW = 'rgb(255, 235, 59)';

/** The focused element as the keyboard user meets it: what it is and its accessible words. */
interface Focused {
  tag: string;
  type: string;
  id: string;
  name: string;
  value: string;
  label: string;
  checked: boolean;
}

const focused = (page: Page): Promise<Focused | null> =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    if (!element || element === document.body) return null;
    const words = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
    return {
      tag: element.tagName.toLowerCase(),
      type: element.type ?? '',
      id: element.id,
      name: element.name ?? '',
      value: element.value ?? '',
      label: words(element.labels?.[0]?.textContent) || words(element.textContent),
      checked: element.checked === true,
    };
  });

type Target = string | ((f: Focused) => boolean);
const matcher = (target: Target) =>
  typeof target === 'string'
    ? (f: Focused) => f.label === target || f.id === target || (f.name === target && f.type !== 'radio')
    : target;
const describe_ = (target: Target) => (typeof target === 'string' ? target : target.toString());

/**
 * Presses Tab (or the key given) until the focus is on the target, a label or id, and checks the focus shows:
 * nhsuk-frontend draws it in yellow on the control, or on the radio's or checkbox's label.
 */
async function tabTo(page: Page, target: Target, key = 'Tab'): Promise<Focused> {
  const matches = matcher(target);
  for (let presses = 0; presses < 600; presses += 1) {
    const now = await focused(page);
    if (now && matches(now)) {
      await expectFocusVisible(page);
      return now;
    }
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached ${describe_(target)}`);
}

async function expectFocusVisible(page: Page): Promise<void> {
  const shown = await page.evaluate((yellow) => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return 'nothing focused';
    const styles = [getComputedStyle(element)];
    const label = element.nextElementSibling;
    if (label) styles.push(getComputedStyle(label, '::before'));
    const drawn = styles.some((s) =>
      [s.outlineColor, s.boxShadow, s.backgroundColor, s.borderColor].some(
        (v) => v.includes(yellow) && !(v === s.outlineColor && s.outlineStyle === 'none'),
      ),
    );
    return drawn ? 'shown' : `no focus style on ${element.tagName} #${element.id} ${element.className}`;
  }, FOCUS_YELLOW);
  expect(shown).toBe('shown');
}

/** Tab to a text field and type into it (what is there already is selected and replaced). */
async function typeInto(page: Page, target: Target, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Tab to a radio group (its checked radio, or its first) and arrow to the choice, which checks it. */
async function chooseRadio(page: Page, name: string, label: string): Promise<void> {
  await tabTo(page, (f) => f.type === 'radio' && f.name === name);
  for (let presses = 0; presses < 40; presses += 1) {
    const now = await focused(page);
    if (now?.label === label) {
      if (!now.checked) await page.keyboard.press('Space');
      expect((await focused(page))?.checked).toBe(true);
      await expectFocusVisible(page);
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`The arrows never reached ${label} in ${name}`);
}

/** Tab to a link or button and press Enter; waits for what the next page (or the same page) shows. */
async function press(page: Page, target: Target, then: () => unknown): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press('Enter');
  await then();
}

/** A refused form: the error summary takes the focus, shows it, and lists the problem. */
async function expectErrorSummaryFocused(page: Page, message: string): Promise<void> {
  await page.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await expect(
    page.evaluate(() => document.activeElement?.classList.contains('nhsuk-error-summary') ?? false),
  ).resolves.toBe(true);
  await expectFocusVisible(page);
  await expect(page.locator('.nhsuk-error-summary').textContent()).resolves.toContain(message);
}

const heading = (page: Page, name: string | RegExp) =>
  page.getByRole('heading', { level: 1, name }).waitFor();
const text = (page: Page, words: string | RegExp) => page.getByText(words).first().waitFor();

describe('every staff form with the keyboard alone', () => {
  let world: PortalWorld;
  /** A London placement provider where a learner raised a serious concern (with a follow-up code). */
  let learnerOrganisation = '';

  beforeAll(async () => {
    world = await startPortalWorld('keyboard');
    const { organisations } = await world.gateway.call<{
      organisations: { edges: Array<{ node: { id: string; sites: Array<{ id: string }> } }> };
    }>(
      `{ organisations(first: 20, filter: { role: PLACEMENT_PROVIDER, status: ACTIVE, region: LONDON }) {
          edges { node { id sites { id } } } } }`,
    );
    const organisation = organisations.edges.map((e) => e.node).find((o) => o.sites.length > 0);
    if (!organisation) throw new Error('No London placement provider with a site in the demo registry');
    learnerOrganisation = organisation.id;
    const survey = await loadOpenSurvey(world.gateway.as());
    const answers = answersFor(survey, {
      Q_SERIOUS_CONCERN: ['YES'],
      Q_SERIOUS_CONCERN_DETAILS: 'A registrar shouted at learners on the ward round',
    });
    await submitWhenKnown(world.gateway, submissionFor(survey, organisation, answers), {
      timeoutMs: 120_000,
    });
    await ensureSelfAssessmentCycle(world, YEAR);
  }, 900_000);

  afterAll(async () => {
    await world?.stop();
  });

  /** From a concern's page: Tab to the command's link, Enter, complete its form, Tab to Confirm, Enter. */
  async function concernCommand(page: Page, title: string, complete: () => Promise<void>) {
    await press(page, title, () => heading(page, title));
    await checkPage(page, `keyboard-${title.toLowerCase().replace(/\W+/g, '-')}`);
    await complete();
    await press(page, 'Confirm', () => text(page, `${title}: recorded on the timeline.`));
  }

  let concernId = '';

  it('raises a concern with the organisation search, and takes it through every command', async () => {
    const quality = await signedIn(world, 'quality.london', '/concerns/list');
    await press(quality, 'Raise a concern', () => heading(quality, 'Raise a concern'));
    // Sent empty: the error summary takes the focus; its link takes it to the field.
    await press(quality, 'Raise the concern', () => undefined);
    await expectErrorSummaryFocused(quality, 'Describe the concern');
    await checkPage(quality, 'keyboard-raise-concern-errors');
    await press(quality, 'Describe the concern', async () =>
      expect(focused(quality)).resolves.toMatchObject({ name: 'description' }),
    );
    // The organisation search: typing and Enter in the search field searches (the form's first button).
    await typeInto(quality, 'organisationSearch', 'Penmouth');
    await quality.keyboard.press('Enter');
    await quality.getByRole('group', { name: 'Choose the placement provider' }).waitFor();
    const penmouth = quality.locator('input[name="organisationId"]').first();
    const penmouthLabel = (
      (await quality.locator(`label[for="${await penmouth.getAttribute('id')}"]`).textContent()) ?? ''
    )
      .replace(/\s+/g, ' ')
      .trim();
    expect(penmouthLabel).toContain('(R2S)');
    await chooseRadio(quality, 'organisationId', penmouthLabel);
    await chooseRadio(quality, 'source', 'Our quality team');
    await tabTo(quality, 'category');
    for (let presses = 0; presses < 30 && (await focused(quality))?.value !== 'SUPERVISION'; presses += 1)
      await quality.keyboard.press('ArrowDown');
    await expect(quality.locator('#category').inputValue()).resolves.toBe('SUPERVISION');
    await typeInto(quality, 'description', 'Night shifts without a named supervisor since October');
    await typeInto(quality, 'standards', '2.1');
    await press(quality, 'Raise the concern', () =>
      text(quality, /is raised\. The regional quality team will triage it\./),
    );
    await checkPage(quality, 'keyboard-concern-raised');
    concernId = new URL(quality.url()).pathname.split('/').pop() ?? '';

    // Triage: Confirm with no grade is refused (focus to the summary), then the matrix by arrows.
    await press(quality, 'Triage and grade the concern', () =>
      heading(quality, 'Triage and grade the concern'),
    );
    await press(quality, 'Confirm', () => undefined);
    await expectErrorSummaryFocused(quality, '');
    await checkPage(quality, 'keyboard-triage-errors');
    await chooseRadio(quality, 'risk', 'Likelihood 4, consequence 3: score 12 high');
    await typeInto(quality, 'controls', 'A supervisor on call by phone');
    await typeInto(quality, 'reason', 'Supervision gaps reported by two learners');
    await press(quality, 'Confirm', () =>
      text(quality, 'Triage and grade the concern: recorded on the timeline.'),
    );
    await expect(quality.getByText('Likelihood 4 × consequence 3 = 12 (High)').count()).resolves.toBe(1);

    await concernCommand(quality, 'Set the ISF level', async () => {
      await tabTo(quality, (f) => f.type === 'radio' && f.name === 'level');
      await quality.keyboard.press('Space');
      await typeInto(quality, 'rationale', 'Supervision at risk on nights');
    });
    await concernCommand(quality, 'Escalate on the pathway', async () => {
      await chooseRadio(quality, 'toStep', 'Step 2: the education provider or programme');
      await typeInto(quality, 'reason', 'The programme must act');
    });
    await concernCommand(quality, 'Add an action', async () => {
      await chooseRadio(quality, 'kind', 'Programme review');
      await typeInto(quality, 'description', 'Name a supervisor for every night shift');
      await typeInto(quality, 'dueAt-day', '15');
      await typeInto(quality, 'dueAt-month', '3');
      await typeInto(quality, 'dueAt-year', String(YEAR + 1));
    });
    await expect(quality.getByText(`15 March ${YEAR + 1}`).count()).resolves.toBeGreaterThan(0);
    await concernCommand(quality, 'Agree the action plan', async () => {
      await typeInto(quality, 'reason', 'Agreed with the trust');
    });
    await concernCommand(quality, 'Start monitoring', async () => {
      await typeInto(quality, 'reason', 'Monthly rota audits until the spring');
    });
    await concernCommand(quality, 'Share with regulators', async () => {
      await tabTo(quality, 'Care Quality Commission (CQC)');
      await quality.keyboard.press('Space');
      await typeInto(quality, 'summary', 'Supervision gaps on nights at Penmouth');
    });

    const provider = await signedIn(world, 'provider.r2s', `/concerns/${concernId}`);
    await concernCommand(provider, 'Post an update', async () => {
      await typeInto(provider, 'text', 'Every night shift now has a named supervisor');
      await tabTo(provider, 'actionId');
      await provider.keyboard.press('ArrowDown');
      await expect(provider.locator('#actionId').inputValue()).resolves.not.toBe('');
      await tabTo(provider, (f) => f.type === 'checkbox' && f.name === 'completesAction');
      await provider.keyboard.press('Space');
    });
    await concernCommand(provider, 'Propose a resolution', async () => {
      await typeInto(provider, 'evidence', 'Rota audit of November attached to the PSA');
    });
    await provider.context().close();

    await quality.reload();
    await concernCommand(quality, 'Confirm or reject the proposed resolution', async () => {
      await chooseRadio(quality, 'accepted', 'Yes, confirm the resolution');
      await typeInto(quality, 'reason', 'The audit shows a supervisor on every shift');
    });
    await concernCommand(quality, 'Close the concern', async () => {
      await typeInto(quality, 'reason', 'Resolved');
    });
    const { concern } = await world.gateway.call<{ concern: { status: string; timeline: unknown[] } }>(
      `query($id: ID!) { concern(id: $id) { status timeline { what } } }`,
      { id: concernId },
      await tokens.qualityTeam('LONDON'),
    );
    expect(concern.status).toBe('CLOSED');

    // A learner's concern (from a survey response, with a follow-up code): the team replies to the learner.
    const learners = await waitFor(
      async () => {
        const { concerns } = await world.gateway.call<{
          concerns: { nodes: Array<{ id: string; reference: string; availableCommands: string[] }> };
        }>(
          `query($o: ID!) { concerns(filter: { organisationId: $o }, first: 100) { nodes { id reference availableCommands } } }`,
          { o: learnerOrganisation },
          await tokens.qualityTeam('LONDON'),
        );
        return concerns.nodes.find((c) => c.availableCommands.includes('REPLY_TO_LEARNER'));
      },
      { timeoutMs: 120_000, intervalMs: 500, description: 'the learner’s serious concern to reach the team' },
    );
    await quality.goto(`/concerns/${learners.id}`);
    await heading(quality, `Concern ${learners.reference}`);
    await concernCommand(quality, 'Reply to the learner', async () => {
      await typeInto(quality, 'text', 'Thank you. The trust has named a supervisor for every shift.');
    });
    await checkPage(quality, 'keyboard-replied');
    // The same incident reached the team twice: this one is withdrawn, its learner answered.
    await concernCommand(quality, 'Withdraw the concern', async () => {
      await typeInto(quality, 'reason', 'The same incident is handled in another concern');
    });
    const { concern: withdrawn } = await world.gateway.call<{ concern: { status: string } }>(
      `query($id: ID!) { concern(id: $id) { status } }`,
      { id: learners.id },
      await tokens.qualityTeam('LONDON'),
    );
    expect(withdrawn.status).toBe('WITHDRAWN');
    await quality.context().close();
  });

  it('answers the whole self-assessment, signs it off and submits it; it is returned, resubmitted and accepted', async () => {
    const provider = await signedIn(world, 'provider.r2s', `/self-assessment/${YEAR}`);
    await heading(provider, `Provider Self-Assessment ${YEAR}`);
    for (let domain = 1; domain <= 6; domain += 1) {
      await press(
        provider,
        (f) => f.tag === 'a' && f.label.startsWith(`Domain ${domain}:`),
        () => heading(provider, new RegExp(`^Domain ${domain}:`)),
      );
      const names = await provider
        .locator('input[type="radio"][name$="-rating"]')
        .evaluateAll((elements) => [...new Set(elements.map((e) => (e as HTMLInputElement).name))]);
      for (const [index, name] of names.entries()) {
        const prefix = name.replace(/-rating$/, '');
        if (domain === 1 && index === 0) {
          // Not met, with the action that needs (revealed by the choice).
          await chooseRadio(provider, name, 'Not met');
          await typeInto(provider, `${prefix}-action`, 'A named supervisor on every shift');
          await typeInto(provider, `${prefix}-owner`, 'Director of Nursing');
          await typeInto(provider, `${prefix}-due-day`, '30');
          await typeInto(provider, `${prefix}-due-month`, '6');
          await typeInto(provider, `${prefix}-due-year`, String(YEAR + 1));
        } else {
          await tabTo(provider, (f) => f.type === 'radio' && f.name === name);
          await provider.keyboard.press('Space');
        }
        await typeInto(provider, `${prefix}-evidence`, `Audit ${prefix}`);
      }
      if (domain === 1) await checkPage(provider, 'keyboard-psa-domain-1');
      await press(provider, 'Save and return to the sections', () =>
        text(provider, 'Your answers are saved as a draft.'),
      );
    }
    await press(provider, 'Equality, Freedom to Speak Up, sexual safety and SLEC', () =>
      heading(provider, 'Equality, Freedom to Speak Up, sexual safety and SLEC'),
    );
    const questions = await provider
      .locator('input[type="radio"]')
      .evaluateAll((elements) => [...new Set(elements.map((e) => (e as HTMLInputElement).name))]);
    for (const name of questions) {
      await tabTo(provider, (f) => f.type === 'radio' && f.name === name);
      await provider.keyboard.press('Space');
    }
    await press(provider, 'Save and return to the sections', () =>
      text(provider, 'Your answers are saved as a draft.'),
    );
    await checkPage(provider, 'keyboard-psa-complete');

    const signOff = async () => {
      await press(provider, 'Sign off and submit', () => heading(provider, 'Sign off and submit'));
      await typeInto(provider, 'signOffName', 'Dr Ada Okafor');
      await typeInto(provider, 'signOffJobTitle', 'Chief Nursing Officer');
      await tabTo(provider, (f) => f.type === 'checkbox' && f.name === 'declaration');
      await provider.keyboard.press('Space');
      await press(
        provider,
        (f) => f.tag === 'button' && f.label === 'Sign off and submit',
        () => text(provider, 'Your self-assessment is submitted.'),
      );
    };
    await signOff();

    const { organisation } = await world.gateway.call<{ organisation: { id: string } | null }>(
      `{ organisation: organisationByOdsCode(odsCode: "R2S") { id } }`,
      {},
      await tokens.admin(),
    );
    const reviewPath = `/self-assessment-reviews/${YEAR}/${organisation?.id}`;
    const quality = await signedIn(world, 'quality.london', reviewPath);
    const decide = async (
      decision: 'Accept it' | 'Return it to the provider with comments',
      done: string,
    ) => {
      await press(quality, 'Start the review', () => text(quality, 'You started the review.'));
      await chooseRadio(quality, 'decision', decision);
      if (decision !== 'Accept it')
        await typeInto(quality, 'comments', 'Standard 1.1: give the dates of the audits.');
      await press(quality, 'Confirm', () => text(quality, done));
    };
    // A decision left out: the summary takes the focus.
    await press(quality, 'Start the review', () => text(quality, 'You started the review.'));
    await press(quality, 'Confirm', () => undefined);
    await expectErrorSummaryFocused(quality, 'Choose whether to accept the self-assessment or return it');
    await checkPage(quality, 'keyboard-psa-review-errors');
    await chooseRadio(quality, 'decision', 'Return it to the provider with comments');
    await typeInto(quality, 'comments', 'Standard 1.1: give the dates of the audits.');
    await press(quality, 'Confirm', () =>
      text(quality, 'You returned the self-assessment to the provider with your comments.'),
    );

    await provider.goto(`/self-assessment/${YEAR}`);
    await text(provider, 'Standard 1.1: give the dates of the audits.');
    await signOff();
    await quality.goto(reviewPath);
    await decide('Accept it', 'You accepted the self-assessment. It is now locked.');
    await checkPage(quality, 'keyboard-psa-accepted');
    await provider.context().close();
    await quality.context().close();
  });

  it('creates, publishes, opens, closes and releases cycles, and imports a registry CSV after its dry run', async () => {
    const admin = await signedIn(world, 'admin', '/administration/cycles');
    const { surveyCycles, openSurveyCycle } = await world.gateway.call<{
      surveyCycles: Array<{ year: number }>;
      openSurveyCycle: { year: number } | null;
    }>(`{ surveyCycles { year } openSurveyCycle { year } }`, {}, await tokens.admin());
    const taken = new Set(surveyCycles.map((c) => c.year));
    const year = [1, 2, 3, 4, 5].map((i) => YEAR + i).find((y) => !taken.has(y));
    if (!year) throw new Error('Every cycle year ahead is taken');

    await press(admin, 'Create a survey cycle', () => heading(admin, 'Create a survey cycle'));
    const opens = new Date();
    const closes = new Date(opens.getTime() + 60 * DAY);
    await typeInto(admin, 'year', String(year));
    await typeInto(admin, 'name', `NETS ${year}`);
    for (const [field, date] of [
      ['opensAt', opens],
      ['closesAt', closes],
    ] as const) {
      await typeInto(admin, `${field}-day`, String(date.getUTCDate()));
      await typeInto(admin, `${field}-month`, String(date.getUTCMonth() + 1));
      await typeInto(admin, `${field}-year`, String(date.getUTCFullYear()));
    }
    await press(admin, 'Create the cycle', () => text(admin, 'The cycle is created.'));
    await press(admin, 'Start a draft from the default NETS questionnaire', () =>
      text(admin, 'A questionnaire draft is started'),
    );
    await press(admin, 'Publish the draft', () => text(admin, 'The draft is published as the next version.'));
    await checkPage(admin, 'keyboard-cycle-published');

    // The demo's open cycle: closed, then released with the count analytics holds, typed in.
    if (openSurveyCycle) {
      await admin.goto(`/administration/cycles/${openSurveyCycle.year}`);
      await press(admin, 'Close the cycle', () => text(admin, 'The cycle is closed'));
      const counted = (
        (await admin
          .locator('.nhsuk-summary-list__row', { hasText: 'Respondents counted by analytics' })
          .locator('dd')
          .first()
          .textContent()) ?? ''
      ).replace(/\D/g, '');
      expect(counted).not.toBe('');
      await typeInto(admin, 'expectedRespondents', counted);
      await press(admin, 'Release the results', () => text(admin, 'The results are released.'));
      await checkPage(admin, 'keyboard-cycle-released');
    }
    await admin.goto(`/administration/cycles/${year}`);
    await press(admin, 'Open the cycle', () => text(admin, 'The cycle is open for responses.'));
    await press(admin, 'Close the cycle', () => text(admin, 'The cycle is closed'));
    const { surveyCycle } = await world.gateway.call<{ surveyCycle: { status: string } }>(
      `query($y: Int!) { surveyCycle(year: $y) { status } }`,
      { y: year },
      await tokens.admin(),
    );
    expect(surveyCycle.status).toBe('CLOSED');

    // The registry import: the CSV typed in (Enter makes its lines), previewed, then applied.
    let code = '';
    while (!code) {
      const candidate = `T${randomUUID()
        .replace(/[^A-Z]/gi, '')
        .slice(0, 2)
        .toUpperCase()}`;
      const { organisationByOdsCode: taken } = await world.gateway.call<{ organisationByOdsCode: unknown }>(
        `query($c: String!) { organisationByOdsCode(odsCode: $c) { id } }`,
        { c: candidate },
      );
      if (!taken) code = candidate;
    }
    await admin.goto('/administration/organisations');
    await press(admin, 'Import a CSV', () => heading(admin, 'Import organisations from a CSV'));
    await typeInto(
      admin,
      'csv',
      [
        'code,name,kind,roles,region,parent_code',
        `${code},Keyed Community NHS Trust,NHS_TRUST,PLACEMENT_PROVIDER,NORTH_WEST,`,
      ].join('\n'),
    );
    await press(admin, 'Preview the import', () => heading(admin, 'Check the import before it is applied'));
    await checkPage(admin, 'keyboard-import-preview');
    await press(admin, 'Apply the import', () => heading(admin, 'Organisations imported'));
    const { organisationByOdsCode } = await world.gateway.call<{
      organisationByOdsCode: { name: string } | null;
    }>(`query($c: String!) { organisationByOdsCode(odsCode: $c) { name } }`, { c: code });
    expect(organisationByOdsCode).toEqual({ name: 'Keyed Community NHS Trust' });
    await admin.context().close();
  });
});
