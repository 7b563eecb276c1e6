// nhsuk-frontend's own behaviour (the header's "More" menu, error summary focus, tables); pages work without it.
import { initAll } from '/assets/nhsuk/nhsuk-frontend.min.js';

initAll();
