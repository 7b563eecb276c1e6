// The app shell, cached so the survey opens with no signal; pages come from the network first, so answers
// are never shown stale. Posts and /graphql always go to the network.
/* global SHELL_VERSION */

const CACHE = `nets-survey-shell-${SHELL_VERSION}`;
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
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname === '/graphql') return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request).catch(
        async () => (await caches.match(url.pathname === '/' ? '/' : '/offline')) ?? Response.error(),
      ),
    );
    return;
  }
  event.respondWith(caches.match(request).then((cached) => cached ?? fetch(request)));
});
