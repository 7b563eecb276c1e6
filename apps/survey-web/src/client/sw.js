// The app shell, cached so the survey opens with no signal; pages come from the network first, so answers
// are never shown stale. Posts and /graphql always go to the network.
/* global SHELL_VERSION */

const CACHE = `nets-survey-shell-${SHELL_VERSION}`;
// The last copy of each journey page the learner saw, so the form opens where they were with no signal (and
// its answers are sent when the signal returns). Pages with a code (saved, confirmation, follow-up) are never
// kept, and the copies go as soon as the answers are sent: a shared phone keeps nothing.
const PAGES = 'nets-survey-pages';
const JOURNEY_PAGE = /^\/(placement\/[a-z-]+|questions\/\d+|serious-concern|check-answers)$/;
const SENT_PAGE = '/confirmation';
const SHELL = [
  '/',
  '/offline',
  '/app.js',
  '/app.css',
  '/manifest.webmanifest',
  '/assets/nhsuk/nhsuk-frontend.min.css',
  '/assets/nhsuk/assets/images/favicon.svg',
  '/assets/nhsuk/assets/images/nhsuk-icon-192.png',
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((key) => key !== CACHE && key !== PAGES).map((key) => caches.delete(key))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname === '/graphql') return;
  if (request.mode === 'navigate') {
    if (url.pathname === SENT_PAGE) event.waitUntil(caches.delete(PAGES));
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && JOURNEY_PAGE.test(url.pathname)) {
            const copy = response.clone();
            event.waitUntil(caches.open(PAGES).then((cache) => cache.put(request, copy)));
          }
          return response;
        })
        .catch(
          async () =>
            (await caches.match(request, { ignoreVary: true })) ??
            (await caches.match(url.pathname === '/' ? '/' : '/offline')) ??
            Response.error(),
        ),
    );
    return;
  }
  event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
});
