import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expectNoAxeViolations, expectReflow } from '@nets/web/testing';

/**
 * What a learner does on each page, by role and label as they see it. Every step runs axe on the state it
 * reaches and checks that it reflows at the learner's width and zoom; with SURVEY_WEB_SCREENSHOTS=<folder> it
 * also keeps a screenshot of it (`<state>-<width>.png`, `<state>-<width>-zoom200.png` at 200% zoom).
 */
export async function checkPage(page: Page, state: string): Promise<void> {
  await expectNoAxeViolations(page, state);
  await expectReflow(page, state);
  const folder = process.env['SURVEY_WEB_SCREENSHOTS'];
  if (folder) {
    mkdirSync(folder, { recursive: true });
    const width = page.viewportSize()?.width ?? 0;
    const zoom = await page.evaluate(() => window.devicePixelRatio);
    const name = `${state}-${width}${zoom === 2 ? '-zoom200' : ''}.png`;
    await page.screenshot({ path: join(folder, name), fullPage: true });
  }
}

/** checkPage at each width in turn (a phone, a desktop), the page as it is; the learner's viewport comes back. */
export async function checkPageAtWidths(page: Page, state: string, widths: number[]): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 320, height: 720 };
  for (const width of widths) {
    await page.setViewportSize({ width, height: viewport.height });
    await checkPage(page, state);
  }
  await page.setViewportSize(viewport);
}

export interface Learner {
  page: Page;
  /** JavaScript on: the enhancements run (search as you type, focus on the error summary). */
  javaScript: boolean;
  /** Press keys only: Tab to a control, Space or Enter to use it. */
  keyboard?: boolean;
}

const isFocused = (control: Locator): Promise<boolean> =>
  control.evaluate((element) => element === document.activeElement);

/** Tabs through the page (from where focus is) until the control has focus; fails if it never gets it. */
async function tabTo(page: Page, control: Locator, sameGroup?: Locator): Promise<void> {
  for (let presses = 0; presses < 250; presses += 1) {
    if (await isFocused(control)) return;
    if (sameGroup && (await sameGroup.evaluate((group) => group.contains(document.activeElement)))) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${control.toString()}`);
}

/** Presses or clicks, as the learner does. */
async function activate(learner: Learner, name: string, role: 'button' | 'link' = 'button'): Promise<void> {
  const target = learner.page.getByRole(role, { name, exact: true });
  if (learner.keyboard) {
    await tabTo(learner.page, target);
    await learner.page.keyboard.press('Enter');
  } else {
    await target.click();
  }
}

/** A radio: Tab into its group, then arrow keys (which select) until it is chosen. A checkbox: Tab, Space. */
async function pick(
  learner: Learner,
  control: Locator,
  group: Locator,
  kind: 'radio' | 'checkbox',
): Promise<void> {
  if (!learner.keyboard) return control.check();
  const { page } = learner;
  if (kind === 'checkbox') {
    await tabTo(page, control);
    if (!(await control.isChecked())) await page.keyboard.press('Space');
    return;
  }
  await tabTo(page, control, group);
  if (await isFocused(control)) {
    if (!(await control.isChecked())) await page.keyboard.press('Space');
    return;
  }
  for (let presses = 0; presses < 30 && !(await control.isChecked()); presses += 1)
    await page.keyboard.press('ArrowDown');
  if (!(await control.isChecked())) throw new Error(`Arrow keys never chose ${control.toString()}`);
}

async function choose(learner: Learner, label: string): Promise<void> {
  const control = learner.page.getByRole('radio', { name: label, exact: true });
  await pick(learner, control, learner.page.locator('fieldset').filter({ has: control }), 'radio');
}

async function type(learner: Learner, label: string, value: string): Promise<void> {
  const field = learner.page.getByLabel(label, { exact: true });
  if (learner.keyboard) {
    await tabTo(learner.page, field);
    await learner.page.keyboard.type(value);
  } else {
    await field.fill(value);
  }
}

export async function startSurvey(learner: Learner): Promise<void> {
  await learner.page.goto('/');
  await checkPage(learner.page, 'start');
  await activate(learner, 'Start now');
}

/** The learner's university or college (found by a part of its name) and programme, when they name them. */
export interface EducationChoice {
  search: string;
  name: string;
  programme: string;
}

export async function choosePlacement(
  learner: Learner,
  organisation: { name: string; odsCode: string },
  education?: EducationChoice,
): Promise<void> {
  const { page } = learner;
  await page.getByRole('heading', { name: 'Where was your placement?' }).waitFor();
  await checkPage(page, 'placement-search');
  await type(learner, 'Search for the organisation by name or ODS code', organisation.odsCode);
  if (!learner.javaScript) await activate(learner, 'Search');
  // With JavaScript the results come as the learner types; without it, from the results page.
  await page.getByRole('radio', { name: organisation.name }).waitFor();
  await checkPage(page, 'placement-results');
  await choose(learner, organisation.name);
  await activate(learner, 'Continue');
  await page.getByRole('group', { name: 'Which learner group are you in?' }).waitFor();
  await checkPage(page, 'learner-group');
  await choose(learner, 'Nursing');
  await activate(learner, 'Continue');
  await page.getByRole('group', { name: 'What is your profession or training programme type?' }).waitFor();
  await checkPage(page, 'profession');
  await choose(learner, 'Student nurse (adult)');
  await activate(learner, 'Continue');
  await page.getByRole('heading', { name: 'Which university or college runs your course?' }).waitFor();
  await checkPage(page, 'education-search');
  if (education) {
    await type(learner, 'Search for your university or college by name', education.search);
    // No search as you type here: the results page answers the Search button, with or without JavaScript.
    await activate(learner, 'Search');
    await page.getByRole('radio', { name: education.name }).waitFor();
    await checkPage(page, 'education-results');
    await choose(learner, education.name);
    await activate(learner, 'Continue');
    await page.getByRole('group', { name: 'Which programme are you on?' }).waitFor();
    await checkPage(page, 'programme');
    await choose(learner, education.programme);
    await activate(learner, 'Continue');
  } else {
    await activate(learner, 'Skip this question');
  }
  await page.getByRole('heading', { name: 'About your placement and training' }).waitFor();
  await checkPage(page, 'placement-details');
  await type(learner, 'Course title (optional)', 'BSc Adult Nursing');
  await type(learner, 'Year of training (optional)', '2');
  await activate(learner, 'Continue');
}

/** Answers for the default questionnaire: question text → option label(s) or free text. */
export type Choices = Record<string, string | string[]>;

/**
 * Answers every section page as it comes: the question named in `choices` as given, every other question
 * shown with its last option (Strongly agree, No…) (or left empty when it is free text), until check your answers or the
 * serious-concern page.
 */
export async function answerSections(learner: Learner, choices: Choices = {}): Promise<void> {
  const { page } = learner;
  const journeyPage = /^\/(questions\/\d+|check-answers|serious-concern)$/;
  const path = () => new URL(page.url()).pathname;
  // Each Continue leads to another page: wait for it before reading it.
  let previous: string | undefined = path().startsWith('/questions/') ? undefined : path();
  for (;;) {
    await page.waitForURL((url) => url.pathname !== previous && journeyPage.test(url.pathname));
    await page.waitForLoadState();
    if (!path().startsWith('/questions/')) return;
    previous = path();
    await checkPage(page, `section-${path().split('/')[2]}`);
    const groups = page.getByRole('group');
    for (let g = 0; g < (await groups.count()); g += 1) {
      const group = groups.nth(g);
      if (!(await group.isVisible())) continue;
      const legend = ((await group.locator('legend').first().textContent()) ?? '').trim();
      const wanted = choices[legend];
      const radios = group.getByRole('radio');
      const checkboxes = group.getByRole('checkbox');
      const kind = (await radios.count()) > 0 ? 'radio' : 'checkbox';
      const options = kind === 'radio' ? radios : checkboxes;
      if ((await options.count()) === 0) continue;
      const labels = wanted === undefined ? [] : Array.isArray(wanted) ? wanted : [wanted];
      if (labels.length === 0) {
        await pick(learner, options.last(), group, kind);
        continue;
      }
      for (const label of labels)
        await pick(learner, group.getByRole(kind, { name: label, exact: true }), group, kind);
    }
    for (const [question, text] of Object.entries(choices)) {
      if (typeof text !== 'string') continue;
      const box = page.getByRole('textbox', { name: question });
      if ((await box.count()) > 0 && (await box.isVisible())) await type(learner, question, text);
    }
    await activate(learner, 'Continue');
  }
}

export async function sendAnswers(
  learner: Learner,
): Promise<{ receiptCode: string; followUpCode: string | null }> {
  const { page } = learner;
  await page.getByRole('heading', { name: 'Check your answers before sending them' }).waitFor();
  await checkPage(page, 'check-answers');
  await activate(learner, 'Send your answers');
  await page.getByRole('heading', { name: 'Your answers have been sent' }).waitFor();
  await checkPage(page, learner.javaScript ? 'confirmation' : 'confirmation-no-js');
  const receiptCode = (await page.getByText(/^R-[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/).textContent())?.trim() ?? '';
  const followUp = page.getByText(/^SC-[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
  const followUpCode = (await followUp.count()) > 0 ? ((await followUp.textContent())?.trim() ?? null) : null;
  return { receiptCode, followUpCode };
}
