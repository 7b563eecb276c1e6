// nhsuk-frontend's own behaviour (the header's "More" menu, error summary focus, tables, conditional reveals);
// pages work without it.
import { initAll } from '/assets/nhsuk/nhsuk-frontend.min.js';

initAll();

// A conditional reveal shared by two radios (a self-assessment standard's action, for "partly met" and "not
// met"): nhsuk-frontend syncs the radios one by one, so the last one's state would win. Show it while either
// is checked. Runs after nhsuk-frontend's own handlers (registered above), on clicks (keyboard selection
// clicks too) and when the browser restores a page.
function syncSharedReveals() {
  const byTarget = new Map();
  for (const input of document.querySelectorAll('input[type="radio"][aria-controls]')) {
    const id = input.getAttribute('aria-controls');
    byTarget.set(id, [...(byTarget.get(id) ?? []), input]);
  }
  for (const [id, inputs] of byTarget) {
    const target = document.getElementById(id);
    if (inputs.length < 2 || !target) continue;
    const open = inputs.some((input) => input.checked);
    target.classList.toggle('nhsuk-radios__conditional--hidden', !open);
    for (const input of inputs) input.setAttribute('aria-expanded', String(input.checked && open));
  }
}
syncSharedReveals();
document.addEventListener('click', syncSharedReveals);
window.addEventListener('pageshow', syncSharedReveals);
