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
    target.classList.toggle('nhsuk-radios__conditional--hidden', !inputs.some((input) => input.checked));
  }
  // nhsuk-frontend 10 marks a radio that reveals fields with aria-expanded, which ARIA does not allow on a radio
  // (axe: aria-allowed-attr); the revealed fields follow the radios, so nothing is lost without it (as survey-web).
  for (const radio of document.querySelectorAll('input[type="radio"][aria-expanded]'))
    radio.removeAttribute('aria-expanded');
}
syncSharedReveals();
document.addEventListener('click', syncSharedReveals);
window.addEventListener('pageshow', syncSharedReveals);
