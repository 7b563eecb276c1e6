import type { FastifyInstance } from 'fastify';
import { renderPage } from '@nets/web/ui-nhsuk';
import type { JourneyDependencies } from '../../journey/journey-context';

const formatDay = (iso: string): string =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

export function registerStartRoutes(app: FastifyInstance, deps: JourneyDependencies): void {
  app.get('/', async (_request, reply) => {
    const cycle = await deps.graph.openCycle();
    const questionnaire = cycle?.questionnaire;
    return renderPage(reply, 'start.njk', {
      title: 'Tell us about your placement',
      cycle: cycle && {
        name: cycle.name,
        closesOn: formatDay(cycle.closesAt),
        sections: questionnaire?.sections.length ?? 0,
        questions: questionnaire?.sections.reduce((n, s) => n + s.questions.length, 0) ?? 0,
      },
    });
  });

  app.get('/accessibility-statement', async (_request, reply) =>
    renderPage(reply, 'accessibility-statement.njk', { title: 'Accessibility statement', backHref: '/' }),
  );

  // What the service worker shows for a page it has not cached when there is no signal.
  app.get('/offline', async (_request, reply) =>
    renderPage(reply, 'offline.njk', { title: 'You are offline' }),
  );

  app.get('/manifest.webmanifest', async (_request, reply) =>
    reply.type('application/manifest+json').send({
      name: 'National Education and Training Survey',
      short_name: 'NETS',
      description: 'The National Education and Training Survey: tell us about the quality of your placement.',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#f0f4f5',
      theme_color: '#005eb8',
      lang: 'en-GB',
      icons: [
        { src: '/assets/nhsuk/assets/images/nhsuk-icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/assets/nhsuk/assets/images/nhsuk-icon-512.png', sizes: '512x512', type: 'image/png' },
      ],
    }),
  );
}
