/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The only script the pages load, and only to enhance them: every page works without it.
import { initAll } from 'nhsuk-frontend';
import { persistedDocuments } from '../__generated__/persisted-documents';

const LOCAL_PREFIX = 'nets-survey:';

/** Questions that depend on an answer on the same page are hidden until that answer makes them apply. */
function conditionalQuestions(root: Document): void {
  const groups = [...root.querySelectorAll<HTMLElement>('[data-condition-field]')];
  if (groups.length === 0) return;
  const update = () => {
    for (const group of groups) {
      const field = group.dataset['conditionField'] ?? '';
      const anyOf = (group.dataset['conditionAnyOf'] ?? '').split(' ');
      const controller = root
        .querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`)
        ?.closest<HTMLElement>('.nhsuk-form-group');
      const chosen = [
        ...root.querySelectorAll<HTMLInputElement>(`[name="${CSS.escape(field)}"]:checked`),
      ].map((i) => i.value);
      group.hidden = Boolean(controller?.hidden) || !chosen.some((value) => anyOf.includes(value));
    }
  };
  root.addEventListener('change', update);
  update();
}

interface OrganisationHit {
  id: string;
  odsCode: string;
  name: string;
}

/** Search as you type: the same query as the results page, through /graphql on this origin. */
function organisationSearch(root: Document): void {
  const form = root.querySelector<HTMLFormElement>('[data-organisation-search]');
  const results = root.querySelector<HTMLElement>('[data-organisation-results]');
  const input = form?.querySelector<HTMLInputElement>('input[name="search"]');
  if (!form || !results || !input) return;
  const change = new URL(window.location.href).searchParams.get('change') === '1';
  let timer: number | undefined;
  let latest = 0;
  const render = (search: string, hits: OrganisationHit[], total: number) => {
    results.replaceChildren();
    if (hits.length === 0) {
      const p = document.createElement('p');
      p.textContent = `No organisations match “${search}”. Check the spelling, or search by the organisation’s ODS code.`;
      results.append(p);
      return;
    }
    const chooser = document.createElement('form');
    chooser.method = 'post';
    chooser.action = `/placement/organisation${change ? '?change=1' : ''}`;
    chooser.noValidate = true;
    const hidden = Object.assign(document.createElement('input'), {
      type: 'hidden',
      name: 'search',
      value: search,
    });
    const group = document.createElement('div');
    group.className = 'nhsuk-form-group';
    const fieldset = document.createElement('fieldset');
    fieldset.className = 'nhsuk-fieldset';
    const legend = document.createElement('legend');
    legend.className = 'nhsuk-fieldset__legend nhsuk-fieldset__legend--s';
    legend.textContent = `${total} ${total === 1 ? 'organisation matches' : 'organisations match'} your search`;
    const radios = document.createElement('div');
    radios.className = 'nhsuk-radios';
    hits.forEach((hit, index) => {
      const id = `organisationId${index === 0 ? '' : `-${index + 1}`}`;
      const item = document.createElement('div');
      item.className = 'nhsuk-radios__item';
      const radio = Object.assign(document.createElement('input'), {
        className: 'nhsuk-radios__input',
        type: 'radio',
        name: 'organisationId',
        value: hit.id,
        id,
      });
      radio.setAttribute('aria-describedby', `${id}-item-hint`);
      const label = Object.assign(document.createElement('label'), {
        className: 'nhsuk-label nhsuk-radios__label',
        htmlFor: id,
        textContent: hit.name,
      });
      const hint = Object.assign(document.createElement('div'), {
        className: 'nhsuk-hint nhsuk-radios__hint',
        id: `${id}-item-hint`,
        textContent: `ODS code ${hit.odsCode}`,
      });
      item.append(radio, label, hint);
      radios.append(item);
    });
    fieldset.append(legend, radios);
    group.append(fieldset);
    const button = Object.assign(document.createElement('button'), {
      className: 'nhsuk-button',
      type: 'submit',
      textContent: 'Continue',
    });
    chooser.append(hidden, group, button);
    results.append(chooser);
  };
  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    const search = input.value.trim();
    if (search.length < 2) return;
    timer = window.setTimeout(() => {
      const request = ++latest;
      const { body } = persistedDocuments.SurveyWebOrganisationSearch;
      fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true' },
        body: JSON.stringify({
          query: body,
          operationName: 'SurveyWebOrganisationSearch',
          variables: { search },
        }),
      })
        .then(
          (response) =>
            response.json() as Promise<{
              data?: { organisations: { totalCount: number; edges: Array<{ node: OrganisationHit }> } };
            }>,
        )
        .then((answer) => {
          if (request !== latest || !answer.data) return;
          render(
            search,
            answer.data.organisations.edges.map((e) => e.node),
            answer.data.organisations.totalCount,
          );
        })
        // The search button and results page still work: the enhancement just stays quiet.
        .catch(() => undefined);
    }, 250);
  });
}

/** A copy of the page's answers in this browser, and on the server session, as the learner types. */
function autosave(root: Document): void {
  const form = root.querySelector<HTMLFormElement>('form[data-autosave]');
  if (!form) return;
  const key = `${LOCAL_PREFIX}${window.location.pathname}`;
  const target = form.dataset['autosave'] ?? '';
  const fields = () => new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
  const hasAnswers = [...form.elements].some(
    (element) =>
      (element instanceof HTMLInputElement && element.checked) ||
      (element instanceof HTMLTextAreaElement && element.value !== ''),
  );
  const stored = safeStorage()?.getItem(key);
  if (!hasAnswers && stored) {
    // The server lost this page's answers (a dropped connection or an expired session): bring back ours.
    for (const [name, value] of new URLSearchParams(stored)) {
      for (const element of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
        `[name="${CSS.escape(name)}"]`,
      )) {
        if (
          element instanceof HTMLInputElement &&
          (element.type === 'radio' || element.type === 'checkbox')
        ) {
          if (element.value === value) element.checked = true;
        } else if (element.value === '') {
          element.value = value;
        }
      }
    }
    form.dispatchEvent(new Event('change', { bubbles: true }));
  }
  let timer: number | undefined;
  const save = () => {
    const data = fields();
    data.delete('action');
    safeStorage()?.setItem(key, data.toString());
    window.clearTimeout(timer);
    timer = window.setTimeout(() => {
      if (navigator.onLine)
        void fetch(target, { method: 'POST', body: data, credentials: 'same-origin' }).catch(() => undefined);
    }, 1500);
  };
  form.addEventListener('change', save);
  form.addEventListener('input', save);
}

function safeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Once the answers are sent, the copies in this browser are removed (a shared phone keeps nothing). */
function forgetLocalCopies(root: Document): void {
  if (!root.querySelector('[data-submitted]')) return;
  const storage = safeStorage();
  if (!storage) return;
  for (const key of Object.keys(storage)) if (key.startsWith(LOCAL_PREFIX)) storage.removeItem(key);
}

function copyButtons(root: Document): void {
  for (const button of root.querySelectorAll<HTMLButtonElement>('[data-copy-target]')) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    const status = button.parentElement?.querySelector<HTMLElement>('[data-copy-status]');
    button.addEventListener('click', () => {
      const text = root.getElementById(button.dataset['copyTarget'] ?? '')?.textContent?.trim() ?? '';
      navigator.clipboard.writeText(text).then(
        () => {
          if (status) status.textContent = 'Copied';
        },
        () => {
          if (status) status.textContent = 'Could not copy: select the code and copy it yourself';
        },
      );
    });
  }
}

/** With no signal, sending waits for the connection instead of failing, and then goes by itself. */
function submitWhenOnline(root: Document): void {
  const form = root.querySelector<HTMLFormElement>('form[data-submit-queue]');
  if (!form) return;
  let waiting = false;
  form.addEventListener('submit', (event) => {
    if (navigator.onLine) return;
    event.preventDefault();
    if (!form.querySelector('[data-offline-note]')) {
      const note = document.createElement('div');
      note.className = 'nhsuk-inset-text';
      note.dataset['offlineNote'] = '';
      note.setAttribute('role', 'status');
      const text = document.createElement('p');
      text.textContent =
        'You are offline. Your answers will be sent when your connection comes back: keep this page open.';
      note.append(text);
      form.prepend(note);
    }
    if (waiting) return;
    waiting = true;
    // The online event does not always come (a page opened with no signal, a tab in the background): look too.
    const send = () => {
      if (!navigator.onLine) return;
      window.removeEventListener('online', send);
      window.clearInterval(timer);
      // Not form.submit(): the page's button has id="submit", which shadows the method on the form.
      HTMLFormElement.prototype.submit.call(form);
    };
    const timer = window.setInterval(send, 2000);
    window.addEventListener('online', send);
  });
}

/**
 * nhsuk-frontend 10 marks a radio that reveals more fields with aria-expanded, which ARIA does not allow on a
 * radio (axe: aria-allowed-attr, critical). The revealed fields follow the radio, so nothing is lost without it:
 * it is removed after each of the library's updates (on load, on pageshow, on a click that changes the choice).
 */
function radiosWithoutAriaExpanded(root: Document): void {
  const strip = () => {
    for (const radio of root.querySelectorAll('input[type="radio"][aria-expanded]'))
      radio.removeAttribute('aria-expanded');
  };
  strip();
  window.addEventListener('pageshow', strip);
  root.addEventListener('change', strip);
}

initAll(document);
radiosWithoutAriaExpanded(document);
conditionalQuestions(document);
organisationSearch(document);
autosave(document);
forgetLocalCopies(document);
copyButtons(document);
submitWhenOnline(document);
if ('serviceWorker' in navigator) void navigator.serviceWorker.register('/sw.js').catch(() => undefined);
