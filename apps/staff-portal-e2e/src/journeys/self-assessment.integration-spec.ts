import type { Page } from 'playwright-core';
import { tokens } from '@nets/shared/testing';
import { startPortalWorld, type PortalWorld } from '../support/portal-world';
import { checkPage, ensureSelfAssessmentCycle, readTable, signedIn } from '../support/staff-steps';

/**
 * The Provider Self-Assessment in Chromium against the real platform (issue 18): Penmouth's provider user
 * answers the year's self-assessment a domain per page, saved as a draft as it goes (a domain's page and the
 * indicators with the keyboard alone; a colleague's save meanwhile shown as a conflict and merged), signs it
 * off and submits it; London's quality team finds it among the region's returns,
 * returns it with comments; the provider sees them, changes an answer and resubmits; a second reviewer's page,
 * left open on the first submission, is refused as a conflict (what happened shown, the decision kept), and
 * accepts it once on the resubmission: it is locked. An education provider raises a concern from the portal. Every page and state passes axe and
 * reflows at 320 px.
 */
jest.setTimeout(900_000);

const YEAR = new Date().getUTCFullYear();

interface GraphReturn {
  organisation: { id: string; odsCode: string; name: string };
  status: string;
  submitted: boolean;
}

describe('the Provider Self-Assessment in the Reporting Tool', () => {
  let world: PortalWorld;
  let penmouth: { id: string; name: string };
  /** A second reviewer's page, opened on the first submission under review and left open. */
  let secondReviewer: Page;

  beforeAll(async () => {
    world = await startPortalWorld('self-assessment');
    await ensureSelfAssessmentCycle(world, YEAR);
    const found = (await graphReturns()).find((r) => r.organisation.odsCode === 'R2S');
    if (!found) throw new Error('No R2S among London’s placement providers');
    penmouth = found.organisation;
  }, 900_000);

  afterAll(async () => {
    await world?.stop();
  });

  async function graphReturns(): Promise<GraphReturn[]> {
    const { selfAssessmentReturns } = await world.gateway.call<{ selfAssessmentReturns: GraphReturn[] }>(
      `query($y: Int!) { selfAssessmentReturns(year: $y) { organisation { id odsCode name } status submitted } }`,
      { y: YEAR },
      await tokens.qualityTeam('LONDON'),
    );
    return selfAssessmentReturns;
  }

  async function graphAssessment() {
    const { organisation } = await world.gateway.call<{
      organisation: {
        selfAssessment: {
          status: string;
          submissionCount: number;
          version: number;
          standards: Array<{ standardCode: string; rating: string | null; evidence: string | null }>;
          indicators: Array<{ indicator: string; answer: boolean | null }>;
        } | null;
      };
    }>(
      `query($o: ID!, $y: Int!) { organisation(id: $o) { selfAssessment(year: $y) { status submissionCount version
         standards { standardCode rating evidence } indicators { indicator answer } } } }`,
      { o: penmouth.id, y: YEAR },
      await tokens.qualityTeam('LONDON'),
    );
    return organisation.selfAssessment;
  }

  const ratingGroup = (page: Page, code: string) =>
    page.getByRole('group', { name: `How fully does your organisation meet standard ${code}?` });

  /** Answers every standard of a domain's page as met with evidence, except those given as `notMet`. */
  async function answerDomain(page: Page, domain: number, notMet: readonly string[] = []) {
    await page.getByRole('link', { name: new RegExp(`^Domain ${domain}:`) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Domain ${domain}:`) }).waitFor();
    const groups = page.getByRole('group', { name: /^How fully does your organisation meet standard / });
    const codes = await groups.evaluateAll((elements) =>
      elements.map((e) => /standard (\d\.\d+)\?/.exec(e.textContent ?? '')?.[1] ?? ''),
    );
    for (const code of codes) {
      const rating = notMet.includes(code) ? 'Not met' : 'Met';
      await ratingGroup(page, code).getByLabel(rating, { exact: true }).check();
      await page
        .getByLabel(`Evidence for standard ${code}`, { exact: true })
        .fill(`Audit of ${code}, ${YEAR}`);
      if (notMet.includes(code)) await fillAction(page, code);
    }
    await page.getByRole('button', { name: 'Save and return to the sections' }).click();
    await page.getByText('Your answers are saved as a draft.').waitFor();
    return codes;
  }

  async function fillAction(page: Page, code: string, owner = 'Director of Education') {
    const action = page.getByRole('group', { name: `Action for standard ${code}`, exact: true });
    await action.getByLabel('What you will do').fill('Speak-up champions on every ward');
    await action.getByLabel('Who owns the action').fill(owner);
    const due = action.getByRole('group', { name: 'When the action is due' });
    await due.getByLabel('Day').fill('31');
    await due.getByLabel('Month').fill('3');
    await due.getByLabel('Year').fill(String(YEAR + 1));
  }

  /** Presses Tab until the focused element is the one asked for (keyboard only, as a user would). */
  async function tabTo(page: Page, describe: string, matches: () => boolean | Promise<boolean>) {
    for (let presses = 0; presses < 200; presses += 1) {
      if (await matches()) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`Tab never reached ${describe}`);
  }

  const focusedName = (page: Page) =>
    page.evaluate(() => {
      const element = document.activeElement as HTMLInputElement | null;
      return element ? `${element.tagName}:${element.name ?? ''}:${element.value ?? ''}` : '';
    });

  /**
   * A domain's page with the keyboard alone: Tab to each rating, Space for "met" (arrows down to "not met" for
   * those given, which reveals the action fields), typing, Tab to the save button and Enter.
   */
  async function answerDomainByKeyboard(page: Page, domain: number, notMetFirst: boolean) {
    await page.getByRole('link', { name: new RegExp(`^Domain ${domain}:`) }).click();
    await page.getByRole('heading', { level: 1, name: new RegExp(`^Domain ${domain}:`) }).waitFor();
    const groups = page.getByRole('group', { name: /^How fully does your organisation meet standard / });
    const codes = await groups.evaluateAll((elements) =>
      elements.map((e) => /standard (\d\.\d+)\?/.exec(e.textContent ?? '')?.[1] ?? ''),
    );
    const notMet = notMetFirst ? codes.slice(0, 1) : [];
    const focused = (name: string) => async () => (await focusedName(page)).includes(`:${name}:`);
    for (const code of codes) {
      const field = (part: string) => `s${code.replace('.', '-')}-${part}`;
      await tabTo(page, `the rating of ${code}`, focused(field('rating')));
      await page.keyboard.press('Space');
      if (notMet.includes(code)) {
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('ArrowDown');
        const typed: Array<[string, string]> = [
          ['action', 'Learner forum every month'],
          ['owner', 'Practice Education Lead'],
          ['due-day', '30'],
          ['due-month', '6'],
          ['due-year', String(YEAR + 1)],
        ];
        for (const [part, text] of typed) {
          await tabTo(page, `the ${part} of ${code}`, focused(field(part)));
          await page.keyboard.type(text);
        }
      }
      await tabTo(page, `the evidence for ${code}`, focused(field('evidence')));
      await page.keyboard.type(`Audit of ${code}, ${YEAR}`);
    }
    // The action fields show only where the rating needs an action (nhsuk-frontend's conditional reveal).
    for (const code of codes) {
      const action = page.getByRole('group', { name: `Action for standard ${code}`, exact: true });
      await expect(action.isVisible()).resolves.toBe(notMet.includes(code));
    }
    await checkPage(page, `psa-domain-${domain}-keyboard`);
    await tabTo(page, 'the save button', async () => (await focusedName(page)).startsWith('BUTTON'));
    await page.keyboard.press('Enter');
    await page.getByText('Your answers are saved as a draft.').waitFor();
    return { codes, notMet };
  }

  it('a provider saves a draft, completes every domain and the indicators with the keyboard, and submits', async () => {
    const provider = await signedIn(world, 'provider.r2s', '/self-assessment');
    await provider.getByRole('heading', { level: 1, name: `Provider Self-Assessment ${YEAR}` }).waitFor();
    await checkPage(provider, 'psa-task-list-new');

    // A draft of part of domain 1, with an action begun but not finished: the error names the missing owner.
    await provider.getByRole('link', { name: /^Domain 1:/ }).click();
    await checkPage(provider, 'psa-domain-1');
    await ratingGroup(provider, '1.1').getByLabel('Partly met', { exact: true }).check();
    await provider
      .getByLabel('Evidence for standard 1.1', { exact: true })
      .fill('Induction audit, half the wards');
    await fillAction(provider, '1.1', '');
    await provider.getByRole('button', { name: 'Save and return to the sections' }).click();
    await provider.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await expect(
      provider.getByRole('link', { name: 'Standard 1.1: enter who owns the action' }).count(),
    ).resolves.toBe(1);
    await checkPage(provider, 'psa-domain-1-errors');
    await provider.getByLabel('Who owns the action').first().fill('Head of Nursing Education');
    await provider.getByRole('button', { name: 'Save and return to the sections' }).click();
    await provider.getByText('Your answers are saved as a draft.').waitFor();
    await checkPage(provider, 'psa-task-list-draft');
    const draft = await graphAssessment();
    expect(draft?.status).toBe('DRAFT');
    expect(draft?.standards.find((s) => s.standardCode === '1.1')).toMatchObject({
      rating: 'PARTLY_MET',
      evidence: 'Induction audit, half the wards',
    });
    const domain1Status = provider.getByRole('listitem').filter({ hasText: 'Domain 1:' });
    await expect(domain1Status.getByText('In progress').count()).resolves.toBe(1);

    // Two editors of one draft: this page is open when a colleague saves standard 1.2. The save here is
    // refused (the graph's optimistic lock), the page says so, keeps this user's change, shows the colleague's
    // answer where this user changed nothing, and the second save keeps both.
    await provider.getByRole('link', { name: /^Domain 1:/ }).click();
    await provider.getByRole('heading', { level: 1, name: /^Domain 1:/ }).waitFor();
    await world.gateway.call(
      `mutation($i: SaveSelfAssessmentInput!) { saveSelfAssessment(input: $i) { version } }`,
      {
        i: {
          organisationId: penmouth.id,
          year: YEAR,
          expectedVersion: draft?.version,
          standards: [{ standardCode: '1.2', rating: 'MET', evidence: 'Learner forum minutes (colleague)' }],
        },
      },
      await tokens.provider(penmouth.id, 'e2e-provider-colleague'),
    );
    await provider
      .getByLabel('Evidence for standard 1.1', { exact: true })
      .fill('Induction audit, every ward');
    await provider.getByRole('button', { name: 'Save and return to the sections' }).click();
    await provider.getByRole('heading', { name: /Someone else saved this self-assessment/ }).waitFor();
    await checkPage(provider, 'psa-domain-1-conflict');
    await expect(
      provider.getByLabel('Evidence for standard 1.2', { exact: true }).inputValue(),
    ).resolves.toBe('Learner forum minutes (colleague)');
    await expect(
      provider.getByLabel('Evidence for standard 1.1', { exact: true }).inputValue(),
    ).resolves.toBe('Induction audit, every ward');
    await provider.getByRole('button', { name: 'Save and return to the sections' }).click();
    await provider.getByText('Your answers are saved as a draft.').waitFor();
    const merged = await graphAssessment();
    expect(merged?.version).toBe((draft?.version ?? 0) + 2);
    expect(merged?.standards.filter((s) => ['1.1', '1.2'].includes(s.standardCode))).toEqual([
      { standardCode: '1.1', rating: 'PARTLY_MET', evidence: 'Induction audit, every ward' },
      { standardCode: '1.2', rating: 'MET', evidence: 'Learner forum minutes (colleague)' },
    ]);

    // Submitting early lists what is missing, each linked.
    await provider.getByRole('link', { name: 'See what is still missing' }).click();
    await provider.getByRole('heading', { name: 'Still to answer' }).waitFor();
    await checkPage(provider, 'psa-submit-incomplete');
    await provider.getByRole('link', { name: 'Back', exact: true }).click();

    // Domain 2 with the keyboard alone (its first standard not met, with an action); the others by pointer.
    let answered = 0;
    let byKeyboard: { codes: string[]; notMet: string[] } = { codes: [], notMet: [] };
    for (let domain = 1; domain <= 6; domain += 1) {
      if (domain === 2) {
        byKeyboard = await answerDomainByKeyboard(provider, domain, true);
        answered += byKeyboard.codes.length;
      } else answered += (await answerDomain(provider, domain, domain === 1 ? ['1.7'] : [])).length;
    }
    expect(answered).toBe(49);
    const keyed = (await graphAssessment())?.standards.filter((s) =>
      byKeyboard.codes.includes(s.standardCode),
    );
    expect(keyed).toEqual(
      byKeyboard.codes.map((code) => ({
        standardCode: code,
        rating: byKeyboard.notMet.includes(code) ? 'NOT_MET' : 'MET',
        evidence: `Audit of ${code}, ${YEAR}`,
      })),
    );

    // The indicators with the keyboard alone: Tab to each question, Space for yes, an arrow for no.
    await provider
      .getByRole('link', { name: 'Equality, Freedom to Speak Up, sexual safety and SLEC' })
      .click();
    await provider
      .getByRole('heading', { level: 1, name: 'Equality, Freedom to Speak Up, sexual safety and SLEC' })
      .waitFor();
    await checkPage(provider, 'psa-indicators');
    const names = await provider
      .getByRole('radio', { name: 'Yes' })
      .evaluateAll((elements) => elements.map((e) => (e as HTMLInputElement).name));
    for (const name of names) {
      await tabTo(provider, `the question ${name}`, async () =>
        (await focusedName(provider)).startsWith(`INPUT:${name}:`),
      );
      await provider.keyboard.press('Space');
      if (name === 'i-speak-up-without-fear') await provider.keyboard.press('ArrowRight');
    }
    await tabTo(provider, 'the save button', async () => (await focusedName(provider)).startsWith('BUTTON'));
    await provider.keyboard.press('Enter');
    await provider.getByText('Your answers are saved as a draft.').waitFor();
    const answers = await graphAssessment();
    expect(answers?.indicators.every((i) => i.answer === (i.indicator !== 'SPEAK_UP_WITHOUT_FEAR'))).toBe(
      true,
    );
    expect(answers?.standards.every((s) => s.rating !== null && s.evidence !== null)).toBe(true);
    await checkPage(provider, 'psa-task-list-complete');

    // Sign-off: the declaration and the names are needed, then it goes.
    await provider.getByRole('button', { name: 'Sign off and submit' }).click();
    await provider.getByRole('heading', { level: 1, name: 'Sign off and submit' }).waitFor();
    await provider.getByRole('button', { name: 'Sign off and submit' }).click();
    await provider.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await checkPage(provider, 'psa-sign-off-errors');
    await provider.getByLabel('Full name of the senior leader signing off').fill('Dr Ada Okafor');
    await provider.getByLabel('Their job title').fill('Chief Nursing Officer');
    await provider
      .getByLabel('The senior leader named above has reviewed and agrees this self-assessment')
      .check();
    await provider.getByRole('button', { name: 'Sign off and submit' }).click();
    await provider.getByText('Your self-assessment is submitted.').waitFor();
    await checkPage(provider, 'psa-submitted');
    expect((await graphAssessment())?.status).toBe('SUBMITTED');
    await provider.context().close();
  });

  it('the quality team sees who has not submitted, and returns the assessment with comments', async () => {
    const quality = await signedIn(world, 'quality.london', '/self-assessment-reviews');
    await quality
      .getByRole('heading', { level: 1, name: 'Provider Self-Assessment returns: London' })
      .waitFor();
    await checkPage(quality, 'psa-returns');
    const graph = await graphReturns();
    const notSubmitted = graph.filter((r) => !r.submitted).length;
    await quality.getByRole('link', { name: `${notSubmitted} not submitted` }).click();
    const owing = await readTable(
      quality,
      `Placement providers who have not submitted their ${YEAR} self-assessment`,
    );
    expect(
      owing
        .slice(1)
        .map((row) => row[0])
        .sort(),
    ).toEqual(
      graph
        .filter((r) => !r.submitted)
        .map((r) => r.organisation.name)
        .sort(),
    );
    await checkPage(quality, 'psa-returns-not-submitted');

    await quality.getByRole('link', { name: /waiting for review$/ }).click();
    await quality.getByRole('link', { name: penmouth.name }).click();
    await quality
      .getByRole('heading', { level: 1, name: `${penmouth.name}: self-assessment ${YEAR}` })
      .waitFor();
    await checkPage(quality, 'psa-review-submitted');
    await quality.getByRole('button', { name: 'Start the review' }).click();
    await quality.getByText('You started the review.').waitFor();
    secondReviewer = await signedIn(
      world,
      'quality.london',
      `/self-assessment-reviews/${YEAR}/${penmouth.id}`,
    );
    await secondReviewer.getByRole('heading', { name: 'Your decision' }).waitFor();
    await quality.getByRole('button', { name: 'Confirm' }).click();
    await quality.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await checkPage(quality, 'psa-review-errors');
    await quality.getByLabel('Return it to the provider with comments').check();
    await quality
      .getByLabel('Comments for the provider')
      .fill('Standard 1.1: give the dates of the induction audit.');
    await quality.getByRole('button', { name: 'Confirm' }).click();
    await quality.getByText('You returned the self-assessment to the provider with your comments.').waitFor();
    await checkPage(quality, 'psa-review-returned');
    expect((await graphAssessment())?.status).toBe('RETURNED');
    await quality.context().close();
  });

  it('the provider reads the comments, changes an answer and resubmits; the team accepts it and it is locked', async () => {
    const provider = await signedIn(world, 'provider.r2s', `/self-assessment/${YEAR}`);
    await provider.getByRole('heading', { name: 'Returned for changes' }).waitFor();
    await expect(
      provider.getByText('Standard 1.1: give the dates of the induction audit.').count(),
    ).resolves.toBe(1);
    await checkPage(provider, 'psa-returned');
    await provider.getByRole('link', { name: /^Domain 1:/ }).click();
    await provider
      .getByLabel('Evidence for standard 1.1', { exact: true })
      .fill('Induction audits of 3 March and 9 June');
    await provider.getByRole('button', { name: 'Save and return to the sections' }).click();
    await provider.getByText('Your answers are saved as a draft.').waitFor();
    await provider.getByRole('button', { name: 'Sign off and submit' }).click();
    await provider.getByLabel('Full name of the senior leader signing off').fill('Dr Ada Okafor');
    await provider.getByLabel('Their job title').fill('Chief Nursing Officer');
    await provider
      .getByLabel('The senior leader named above has reviewed and agrees this self-assessment')
      .check();
    await provider.getByRole('button', { name: 'Sign off and submit' }).click();
    await provider.getByText('Your self-assessment is submitted.').waitFor();
    expect(await graphAssessment()).toMatchObject({ status: 'SUBMITTED', submissionCount: 2 });

    const quality = await signedIn(
      world,
      'quality.london',
      `/self-assessment-reviews/${YEAR}/${penmouth.id}`,
    );
    await quality.getByRole('button', { name: 'Start the review' }).click();
    await quality.getByText('You started the review.').waitFor();

    // The second reviewer's page still shows the first submission under review: accepting from it would accept
    // the resubmission unseen. The graph's lock refuses it; the page says what happened and keeps the choice.
    const underReview = await graphAssessment();
    await secondReviewer.getByLabel('Accept it').check();
    await secondReviewer.getByLabel('Comments for the provider').fill('Thank you: clear evidence.');
    await secondReviewer.getByRole('button', { name: 'Confirm' }).click();
    await secondReviewer
      .getByRole('heading', { name: 'Someone else changed this self-assessment' })
      .waitFor();
    await checkPage(secondReviewer, 'psa-review-conflict');
    await expect(
      secondReviewer
        .getByText('Returned for changes (“Standard 1.1: give the dates of the induction audit.”)')
        .count(),
    ).resolves.toBe(1);
    await expect(secondReviewer.getByLabel('Accept it').isChecked()).resolves.toBe(true);
    await expect(secondReviewer.getByLabel('Comments for the provider').inputValue()).resolves.toBe(
      'Thank you: clear evidence.',
    );
    expect(await graphAssessment()).toEqual(underReview);
    // Now on the answers as resubmitted: the page shows the changed evidence, and the decision goes.
    await expect(secondReviewer.getByText('Induction audits of 3 March and 9 June').count()).resolves.toBe(1);
    await secondReviewer.getByRole('button', { name: 'Confirm' }).click();
    await secondReviewer.getByText('You accepted the self-assessment. It is now locked.').waitFor();
    await checkPage(secondReviewer, 'psa-review-accepted');
    expect((await graphAssessment())?.status).toBe('ACCEPTED');
    await quality.reload();
    const domain1 = await readTable(
      quality,
      (await quality.getByRole('table').first().locator('caption').textContent())?.trim() ?? '',
    );
    expect(domain1[1]?.[2]).toBe('Induction audits of 3 March and 9 June');

    await provider.goto(`/self-assessment/${YEAR}`);
    await provider.getByText('Accepted').first().waitFor();
    await expect(provider.getByRole('button', { name: 'Sign off and submit' }).count()).resolves.toBe(0);
    await checkPage(provider, 'psa-accepted');
    await provider.getByRole('link', { name: /^Domain 1:/ }).click();
    await expect(
      provider.getByRole('button', { name: 'Save and return to the sections' }).count(),
    ).resolves.toBe(0);
    await checkPage(provider, 'psa-domain-locked');
  });
  it('an education provider raises a concern: the error summary first, then the concern as the graph holds it', async () => {
    const education = await signedIn(world, 'education.10001006', '/concerns/list');
    await education.getByRole('link', { name: 'Raise a concern' }).click();
    await education.waitForURL((url) => url.pathname === '/concerns/raise');
    await expect(education.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Raise a concern');
    await checkPage(education, 'raise-concern-form');
    await education.getByRole('button', { name: 'Raise the concern' }).click();
    await education.getByRole('heading', { name: 'There is a problem' }).waitFor();
    await checkPage(education, 'raise-concern-errors');
    await education.getByRole('link', { name: 'Describe the concern' }).click();
    await expect(
      education.evaluate(() => (document.activeElement as HTMLTextAreaElement | null)?.name),
    ).resolves.toBe('description');
    // The placement provider: a search field that lists the matches (not a select of every provider).
    await education.getByLabel('Search by name or ODS code').fill('Ashfield');
    await education.getByRole('button', { name: 'Search', exact: true }).click();
    await education.getByRole('group', { name: 'Choose the placement provider' }).waitFor();
    await checkPage(education, 'raise-concern-search');
    await education.getByLabel('Ashfield Healthcare NHS Foundation Trust (R4D)').check();
    await education.getByLabel('Category').selectOption({ label: 'Education delivery' });
    await education.getByLabel('What is the concern?').fill('Placement teaching cancelled for six weeks');
    await education.getByLabel('Quality Framework standards at risk (optional)').fill('5.1');
    await education.getByLabel('Programme (optional)').fill('BSc Adult Nursing');
    await education.getByRole('button', { name: 'Raise the concern' }).click();
    await education.getByText(/is raised\. The regional quality team will triage it\./).waitFor();
    await checkPage(education, 'raise-concern-raised');
    const id = new URL(education.url()).pathname.split('/').pop() ?? '';
    const { concern } = await world.gateway.call<{
      concern: {
        source: string;
        status: string;
        category: string;
        standardsAtRisk: string[];
        programme: string | null;
        organisation: { odsCode: string };
      };
    }>(
      `query($id: ID!) { concern(id: $id) { source status category standardsAtRisk programme organisation { odsCode } } }`,
      { id },
      await tokens.qualityTeam('LONDON'),
    );
    expect(concern).toEqual({
      source: 'EDUCATION_PROVIDER',
      status: 'RAISED',
      category: 'EDUCATION_DELIVERY',
      standardsAtRisk: ['5.1'],
      programme: 'BSc Adult Nursing',
      organisation: { odsCode: 'R4D' },
    });
  });
});
