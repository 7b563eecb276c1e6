import type { Page } from 'playwright-core';
import { errorCode, testToken, waitFor } from '@nets/shared/testing';
import {
  checkPage,
  checkPageAtWidths,
  answerSections,
  choosePlacement,
  sendAnswers,
  startSurvey,
  type Learner,
} from '../support/learner-steps';
import { AT_200_PERCENT_ZOOM, newLearner, startWebWorld, YEAR, type WebWorld } from '../support/web-world';

/**
 * The learner's survey in Chromium against the real platform (gateway, five services, PostgreSQL, Kafka):
 * the journeys of issue 16, each page and error state checked with axe.
 */
const CONCERN_TEXT = 'A learner on Ward 4 was left alone to give controlled drugs without supervision.';
const REPLY = 'Thank you. We have spoken to the trust and will visit the ward next week.';
const RAISE_CONCERN = {
  'Do you wish to raise a serious concern (patient safety or serious concern about your placement)?': 'Yes',
  'Please describe your concern.': CONCERN_TEXT,
};
const CODE_COPIED = ['clipboard-read', 'clipboard-write'];
const submitted: string[] = [];

// In one Jest run over every project (`npm test`) a project's `testTimeout` is ignored: set it for this file.
jest.setTimeout(420_000);

describe('the learner’s survey on the web', () => {
  let world: WebWorld;

  beforeAll(async () => {
    world = await startWebWorld('web');
  }, 420_000);

  afterAll(async () => {
    await world?.stop();
  });

  /** The next learner's serious concern to reach the region's quality team, as the quality team sees it. */
  const concernsSeen = new Set<string>();
  const qualityTeam = () => testToken({ role: 'QUALITY_TEAM', region: 'MIDLANDS', subject: 'web-qt' });
  const nextLearnerConcern = async () => {
    const token = await qualityTeam();
    return waitFor(
      async () => {
        const { concerns } = await world.gateway.call<{
          concerns: { nodes: Array<{ id: string; version: number; source: string }> };
        }>(
          `query($org: ID!) { concerns(filter: { organisationId: $org }) { nodes { id version source } } }`,
          { org: world.trust.id },
          token,
        );
        const concern = concerns.nodes.find(
          (node) => node.source === 'LEARNER_SERIOUS_CONCERN' && !concernsSeen.has(node.id),
        );
        if (concern) concernsSeen.add(concern.id);
        return concern;
      },
      { timeoutMs: 60_000, intervalMs: 300, description: 'the serious concern to reach the quality team' },
    );
  };

  /** What the clipboard of the learner's browser holds. */
  const clipboardOf = (page: Page): Promise<string> => page.evaluate(() => navigator.clipboard.readText());

  it('learner answers the whole survey with the keyboard alone', async () => {
    const { context, page } = await newLearner(world);
    const learner: Learner = { page, javaScript: true, keyboard: true };
    await startSurvey(learner);
    await choosePlacement(learner, world.trust, {
      search: 'Leicester',
      name: world.university.name,
      programme: 'BSc Nursing (adult)',
    });
    await answerSections(learner);
    const receipt = await sendAnswers(learner);
    expect(receipt.receiptCode).toMatch(/^R-/);
    expect(receipt.followUpCode).toBeNull();
    submitted.push(receipt.receiptCode);
    await context.close();
  });

  it('learner sees every validation message, linked from the error summary that takes focus', async () => {
    const { context, page } = await newLearner(world, { viewport: { width: 1280, height: 900 } });
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    const expectErrors = async (state: string, messages: string[]) => {
      await summary.waitFor();
      await expect(
        summary.evaluate((element) => document.activeElement?.contains(element) ?? false),
      ).resolves.toBe(true);
      const links = (await summary.getByRole('link').allTextContents()).map((text) => text.trim());
      expect(links).toEqual(expect.arrayContaining(messages));
      expect(await page.title()).toMatch(/^Error: /);
      await checkPage(page, state);
    };

    await page.goto('/placement/organisation?search=R');
    await expectErrors('error-search', ['Enter at least 2 letters of the name or the ODS code']);
    await page.goto(`/placement/organisation?search=${world.trust.odsCode}`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectErrors('error-organisation', ['Select the organisation where your placement was']);
    await page.goto('/placement/learner-group');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectErrors('error-learner-group', ['Select your learner group']);
    await page.getByRole('radio', { name: 'Nursing', exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('group', { name: 'What is your profession or training programme type?' }).waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectErrors('error-profession', ['Select your profession']);

    await page.goto('/placement/education?search=U');
    await expectErrors('error-education-search', [
      'Enter at least 2 letters of the university or college’s name',
    ]);
    await page.goto('/placement/education?search=Leicester');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectErrors('error-education', ['Select your university or college']);
    // The education-provider search offers no placement provider.
    await page.goto(`/placement/education?search=${encodeURIComponent(world.trust.name)}`);
    await page.getByRole('heading', { name: 'Which university or college runs your course?' }).waitFor();
    expect(await page.getByRole('radio', { name: world.trust.name }).count()).toBe(0);

    await page.goto('/placement/details');
    await page.getByLabel('Course title (optional)').fill('Nursing <script>');
    await page.getByLabel('Year of training (optional)').fill('12');
    await page
      .getByRole('group', { name: 'When did your placement start? (optional)' })
      .getByLabel('Day')
      .fill('31');
    await page
      .getByRole('group', { name: 'When did your placement start? (optional)' })
      .getByLabel('Month')
      .fill('2');
    await page
      .getByRole('group', { name: 'When did your placement start? (optional)' })
      .getByLabel('Year')
      .fill('2025');
    await page
      .getByRole('group', { name: 'When did your placement end? (optional)' })
      .getByLabel('Day')
      .fill('3');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectErrors('error-details', [
      "Course title must be 100 characters or fewer, using only letters, numbers, spaces and . , & ( ) / ' -",
      'Year of training must be a whole number from 1 to 10',
      'Start date must be a real date, for example 27 3 2025',
      'End date must include a day, month and year',
    ]);
    await page.getByRole('link', { name: 'Year of training must be a whole number from 1 to 10' }).click();
    await expect(
      page.getByLabel('Year of training (optional)').evaluate((e) => e === document.activeElement),
    ).resolves.toBe(true);
    const start = page.getByRole('group', { name: 'When did your placement start? (optional)' });
    const end = page.getByRole('group', { name: 'When did your placement end? (optional)' });
    await page.getByLabel('Course title (optional)').fill('BSc Nursing');
    await page.getByLabel('Year of training (optional)').fill('2');
    await start.getByLabel('Day').fill('10');
    await start.getByLabel('Month').fill('3');
    await end.getByLabel('Month').fill('1');
    await end.getByLabel('Year').fill('2025');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectErrors('error-dates', ['End date must be the same as or after the start date']);

    // A section left empty: one message per required question shown.
    await page.goto('/questions/1');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectErrors('error-section', [
      'Select an answer: My induction prepared me well for this placement or training post',
    ]);
    await expect(summary.getByRole('link').count()).resolves.toBe(4);

    // Too many reasons, and a conditional question that became required on the same page.
    await page.goto('/questions/8');
    const overall = page;
    await overall
      .getByRole('group', { name: /I would recommend this placement/ })
      .getByRole('radio', { name: 'Agree', exact: true })
      .check();
    const reasons = overall.getByRole('group', { name: /main reasons you would recommend/ });
    await expect(reasons.isVisible()).resolves.toBe(true);
    for (const reason of [
      'Supportive colleagues',
      'A good induction',
      'A manageable workload',
      'Career prospects',
      'Something else',
      'High-quality patient care',
    ])
      await reasons.getByRole('checkbox', { name: reason }).check();
    await overall
      .getByRole('group', { name: /considered leaving/ })
      .getByRole('radio', { name: 'Yes', exact: true })
      .check();
    await overall.getByRole('button', { name: 'Continue' }).click();
    await expectErrors('error-conditional', [
      'Select 5 answers or fewer',
      'Select at least one answer: What are the main reasons you considered leaving? Choose up to five',
    ]);

    // The serious concern: its description is required once the learner says yes.
    await page.goto('/questions/10');
    await page.getByRole('radio', { name: 'Yes', exact: true }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectErrors('error-concern', ['Enter your answer: Please describe your concern']);
    await page.getByRole('textbox', { name: 'Please describe your concern.' }).fill('x'.repeat(4001));
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectErrors('error-concern-length', ['Your answer must be 4000 characters or fewer']);

    await page.goto('/resume');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectErrors('error-resume-empty', ['Enter your resume code']);
    await page.getByLabel('Continue a saved survey').fill('not-a-real-code');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expectErrors('error-resume-unknown', [
      'We could not find a saved survey with this code. Check the code and try again',
    ]);

    await page.goto('/follow-up');
    await page.getByRole('button', { name: 'See the status of your concern' }).click();
    await expectErrors('error-follow-up-empty', ['Enter your follow-up code']);
    await page.getByLabel('Follow up a serious concern').fill('12345');
    await page.getByRole('button', { name: 'See the status of your concern' }).click();
    await expectErrors('error-follow-up-format', [
      'Enter the follow-up code as it was shown to you, like SC-AB12-CD34-EF56-GH78',
    ]);
    await page.getByLabel('Follow up a serious concern').fill('SC-0000-0000-0000-0000');
    await page.getByRole('button', { name: 'See the status of your concern' }).click();
    await expectErrors('error-follow-up-unknown', [
      'We could not find a concern with this code. Check the code and try again. A concern sent in the last few minutes may not have reached the quality team yet',
    ]);
    await context.close();
  });

  it('learner resumes a saved draft by link and by code', async () => {
    const first = await newLearner(world, { viewport: { width: 1280, height: 900 } });
    const learner: Learner = { page: first.page, javaScript: true };
    await startSurvey(learner);
    await choosePlacement(learner, world.trust);
    await first.page.getByRole('heading', { name: 'Your placement and induction' }).waitFor();
    for (const group of await first.page.getByRole('group').all())
      await group.getByRole('radio', { name: 'Strongly agree' }).check();
    await first.page.getByRole('button', { name: 'Save and come back later' }).click();
    await first.page.getByRole('heading', { name: 'Your answers have been saved' }).waitFor();
    await checkPage(first.page, 'saved');
    const link = (await first.page.getByRole('link', { name: /\/resume\// }).getAttribute('href')) ?? '';
    const code = (await first.page.getByText(/^[A-Za-z0-9_-]{40,}$/).textContent())?.trim() ?? '';
    expect(link.endsWith(`/resume/${code}`)).toBe(true);
    await first.context.close();

    // Another device, by the link: the placement and the first section come back; it continues at section 2.
    const byLink = await newLearner(world);
    await byLink.page.goto(link);
    await byLink.page.getByText('Section 2 of 10').waitFor();
    await byLink.page.goto('/questions/1');
    for (const group of await byLink.page.getByRole('group').all())
      await expect(group.getByRole('radio', { name: 'Strongly agree' }).isChecked()).resolves.toBe(true);
    await byLink.context.close();

    // And by the code, typed in.
    const byCode = await newLearner(world);
    const resumed: Learner = { page: byCode.page, javaScript: true };
    await byCode.page.goto('/resume');
    await checkPage(byCode.page, 'resume');
    await byCode.page.getByLabel('Continue a saved survey').fill(code);
    await byCode.page.getByRole('button', { name: 'Continue' }).click();
    await byCode.page.getByText('Section 2 of 10').waitFor();
    await answerSections(resumed);
    const receipt = await sendAnswers(resumed);
    submitted.push(receipt.receiptCode);

    // Sent: the draft cannot be continued again.
    await byCode.page.goto('/resume');
    await byCode.page.getByLabel('Continue a saved survey').fill(code);
    await byCode.page.getByRole('button', { name: 'Continue' }).click();
    await byCode.page
      .getByRole('link', {
        name: 'This saved survey can no longer be continued: it has been sent, or the survey has closed',
      })
      .waitFor();
    await checkPage(byCode.page, 'error-resume-sent');
    await byCode.context.close();
  });

  it('a network drop during submit followed by a retry stores one response', async () => {
    const { context, page } = await newLearner(world);
    const learner: Learner = { page, javaScript: true };
    await startSurvey(learner);
    await choosePlacement(learner, world.trust);
    await answerSections(learner);
    await page.getByRole('heading', { name: 'Check your answers before sending them' }).waitFor();
    const form = page.getByRole('button', { name: 'Send your answers' }).locator('xpath=ancestor::form');
    const key = (await form.evaluate((f: HTMLFormElement) =>
      new FormData(f).get('idempotencyKey'),
    )) as string;
    expect(key).toMatch(/^[0-9a-f-]{36}$/);

    // The post reaches the web server and the graph stores the response, then the signal drops.
    let reachedServer = false;
    await page.route('**/check-answers', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      await route.fetch({ maxRedirects: 0 });
      reachedServer = true;
      await route.abort('internetdisconnected');
    });
    await page.getByRole('button', { name: 'Send your answers' }).click();
    await waitFor(async () => reachedServer || undefined, {
      timeoutMs: 60_000,
      intervalMs: 200,
      description: 'the post',
    });
    await page.unroute('**/check-answers');

    // The browser sends the same form again (a reload re-posts it): same key, same response.
    const retry = await page.request.post('/check-answers', {
      form: { idempotencyKey: key },
      maxRedirects: 0,
    });
    expect(retry.status()).toBe(303);
    expect(retry.headers()['location']).toBe('/confirmation');
    await page.goto('/confirmation');
    const receiptCode =
      (await page.getByText(/^R-[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/).textContent())?.trim() ?? '';
    // Going back to the check page after the drop shows the receipt, not a second chance to send.
    await page.goto('/check-answers');
    await page.getByRole('heading', { name: 'Your answers have been sent' }).waitFor();
    submitted.push(receiptCode);
    await context.close();
  });

  it('learner raises a serious concern with JavaScript off, and follows its status and the quality team’s reply', async () => {
    const { context, page } = await newLearner(world, { javaScriptEnabled: false });
    const learner: Learner = { page, javaScript: false };
    await startSurvey(learner);
    await choosePlacement(learner, world.trust);
    await answerSections(learner, RAISE_CONCERN);
    await page.getByRole('heading', { name: 'What happens to your serious concern' }).waitFor();
    await checkPageAtWidths(page, 'serious-concern', [320, 1280]);
    await page.getByRole('radio', { name: 'Yes, share my contact details' }).check();
    await page.getByLabel('Email address (optional)').fill('not-an-email');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page
      .getByRole('link', { name: 'Enter an email address in the correct format, like name@example.com' })
      .waitFor();
    await checkPageAtWidths(page, 'error-contact', [320, 1280]);
    await page.getByLabel('Email address (optional)').fill('learner@example.com');
    await page.getByRole('button', { name: 'Continue' }).click();
    const receipt = await sendAnswers(learner);
    expect(receipt.followUpCode).toMatch(/^SC-/);
    submitted.push(receipt.receiptCode);

    await checkPageAtWidths(page, 'confirmation-no-js', [1280]);
    // Without JavaScript there is no copy button, and the code is there to read and select.
    await expect(page.getByRole('button', { name: 'Copy follow-up code' }).count()).resolves.toBe(0);
    await page.getByText(receipt.followUpCode ?? '', { exact: true }).click({ clickCount: 3 });
    await expect(page.evaluate(() => window.getSelection()?.toString().trim())).resolves.toBe(
      receipt.followUpCode,
    );

    // The regional quality team replies through the graph.
    const concern = await nextLearnerConcern();
    await world.gateway.call(
      `mutation($id: ID!, $v: Int!, $text: String!) { replyToLearner(id: $id, expectedVersion: $v, text: $text) { version } }`,
      { id: concern.id, v: concern.version, text: REPLY },
      await qualityTeam(),
    );

    await page.getByRole('link', { name: 'Follow up your concern' }).click();
    await checkPage(page, 'follow-up');
    await page.getByLabel('Follow up a serious concern').fill(receipt.followUpCode ?? '');
    await page.getByRole('button', { name: 'See the status of your concern' }).click();
    await page.getByRole('heading', { name: /^Your serious concern / }).waitFor();
    await expect(page.getByText('Received', { exact: true }).count()).resolves.toBe(1);
    await expect(page.getByText(REPLY).count()).resolves.toBe(1);
    await checkPageAtWidths(page, 'follow-up-status', [320, 1280]);
    await context.close();
  });

  it('learner raises a serious concern at 200% zoom, copies the codes, and sees that no reply has come yet', async () => {
    const { context, page } = await newLearner(world, { ...AT_200_PERCENT_ZOOM, permissions: CODE_COPIED });
    const learner: Learner = { page, javaScript: true };
    await startSurvey(learner);
    await page.getByLabel('Search for the organisation by name or ODS code').fill('Nowhere General');
    await page.getByText(/^No organisations match/).waitFor();
    await checkPage(page, 'placement-no-results');
    await choosePlacement(learner, world.trust);
    await page.getByText('Section 1 of 10').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await checkPage(page, 'error-section');
    await answerSections(learner, RAISE_CONCERN);
    await page.getByRole('heading', { name: 'What happens to your serious concern' }).waitFor();
    await checkPage(page, 'serious-concern');

    // Saved here, the concern is withheld from the draft, and the page says so; the resume code copies.
    await page.goto('/questions/10');
    await page.getByRole('button', { name: 'Save and come back later' }).click();
    await page.getByText('Your serious concern is not saved').waitFor();
    await checkPage(page, 'saved-concern-withheld');
    const resumeCode = (await page.getByText(/^[A-Za-z0-9_-]{40,}$/).textContent())?.trim() ?? '';
    await page.getByRole('button', { name: 'Copy resume code' }).click();
    await page.locator('[data-copy-status]').filter({ hasText: 'Copied' }).waitFor({ state: 'attached' });
    await expect(clipboardOf(page)).resolves.toBe(resumeCode);

    await page.goto('/serious-concern');
    await page.getByRole('radio', { name: 'No, stay anonymous apart from what I wrote' }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    const receipt = await sendAnswers(learner);
    expect(receipt.followUpCode).toMatch(/^SC-/);
    submitted.push(receipt.receiptCode);
    await page.getByRole('button', { name: 'Copy follow-up code' }).click();
    await page.locator('[data-copy-status]').filter({ hasText: 'Copied' }).waitFor({ state: 'attached' });
    await expect(clipboardOf(page)).resolves.toBe(receipt.followUpCode);

    // Once the quality team has it, the follow-up page shows its status, and no reply yet.
    await nextLearnerConcern();
    await page.getByRole('link', { name: 'Follow up your concern' }).click();
    await page.getByLabel('Follow up a serious concern').fill(receipt.followUpCode ?? '');
    await page.getByRole('button', { name: 'See the status of your concern' }).click();
    await page.getByText('The quality team has not replied yet. Check again later.').waitFor();
    await checkPage(page, 'follow-up-status-empty');
    await context.close();
  });

  it('learner opens the form with no signal and sends it when the signal returns: one response stored', async () => {
    const { context, page } = await newLearner(world, { serviceWorkers: 'allow' });
    const learner: Learner = { page, javaScript: true };
    await page.goto('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await startSurvey(learner);
    await choosePlacement(learner, world.trust);
    await answerSections(learner);
    await page.getByRole('heading', { name: 'Check your answers before sending them' }).waitFor();

    // No signal: the learner opens the form again, and the service worker serves it.
    await context.setOffline(true);
    const reopened = await page.goto('/check-answers');
    expect(reopened?.fromServiceWorker()).toBe(true);
    await page.getByRole('heading', { name: 'Check your answers before sending them' }).waitFor();
    await page.getByRole('button', { name: 'Send your answers' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Your answers will be sent when your connection comes back' })
      .waitFor();
    await checkPage(page, 'check-answers-offline');
    expect(new URL(page.url()).pathname).toBe('/check-answers');

    // The signal returns: the answers go by themselves, once.
    await context.setOffline(false);
    await page.getByRole('heading', { name: 'Your answers have been sent' }).waitFor();
    const receiptCode =
      (await page.getByText(/^R-[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/).textContent())?.trim() ?? '';
    submitted.push(receiptCode);

    // Sent: the copies of the pages are gone, so with no signal the form no longer opens on this phone.
    await waitFor(
      async () =>
        (await page.evaluate(async () => (await caches.keys()).includes('nets-survey-pages')))
          ? undefined
          : true,
      { timeoutMs: 10_000, intervalMs: 100, description: 'the copies of the pages to go' },
    );
    await context.setOffline(true);
    await page.goto('/check-answers');
    await page.getByRole('heading', { name: 'You are offline' }).waitFor();
    await context.close();
  });

  it('counts every response sent from the web once: analytics’ live national respondents', async () => {
    expect(new Set(submitted).size).toBe(6);
    const analyst = await testToken({ role: 'NATIONAL_ANALYST', subject: 'web-analyst' });
    const release = await waitFor(
      async () => {
        const response = await world.gateway.request<{ resultsRelease: { respondents: number | null } }>(
          `query($year: Int!) { resultsRelease(year: $year) { respondents } }`,
          { year: YEAR },
          analyst,
        );
        if (errorCode(response)) throw new Error(JSON.stringify(response.errors));
        return response.data?.resultsRelease.respondents === submitted.length
          ? response.data.resultsRelease
          : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500, description: `analytics to count ${submitted.length} responses` },
    );
    expect(release.respondents).toBe(6);
  });

  it('serves the start page, the accessibility statement and the offline page at phone and desktop widths and at 200% zoom', async () => {
    for (const screen of [
      { viewport: { width: 320, height: 900 } },
      { viewport: { width: 1280, height: 900 } },
      AT_200_PERCENT_ZOOM,
    ]) {
      const { context, page } = await newLearner(world, screen);
      await page.goto('/');
      await page.getByRole('heading', { name: 'Tell us about your placement' }).waitFor();
      await checkPage(page, 'start');
      await page.getByRole('link', { name: 'Accessibility statement' }).click();
      await page.getByRole('heading', { name: /^Accessibility statement/ }).waitFor();
      await checkPage(page, 'accessibility-statement');
      await page.goto('/offline');
      await checkPage(page, 'offline');
      const missing = await page.goto('/no-such-page');
      expect(missing?.status()).toBe(404);
      await checkPage(page, 'not-found');
      await context.close();
    }
  });

  it('learner opens the survey with no signal once the app shell is cached', async () => {
    const { context, page } = await newLearner(world, { serviceWorkers: 'allow' });
    await page.goto('/');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Tell us about your placement' }).waitFor();
    await page.goto('/placement/organisation');
    await page.getByRole('heading', { name: 'You are offline' }).waitFor();
    await checkPage(page, 'offline-fallback');
    await context.close();
  });
});
