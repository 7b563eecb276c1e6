import type { FastifyInstance } from 'fastify';
import { renderPage } from '@nets/web/ui-nhsuk';
import { PUBLIC_ROUTE } from '../../auth/sign-in.routes';
import type { StaffFeature } from '../staff-feature';

function register(app: FastifyInstance): void {
  app.get('/', PUBLIC_ROUTE, async (_request, reply) =>
    renderPage(reply, 'features/home/views/start.njk', { title: 'NETS Reporting Tool' }),
  );
  app.get('/accessibility-statement', PUBLIC_ROUTE, async (_request, reply) =>
    renderPage(reply, 'features/home/views/accessibility-statement.njk', {
      title: 'Accessibility statement for the NETS Reporting Tool',
    }),
  );
}

/** The sign-in landing page and the accessibility statement: public, outside the navigation. */
export const homeFeature: StaffFeature = { name: 'home', register };
