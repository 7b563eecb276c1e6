// Container HEALTHCHECK for every NETS image: GET http://127.0.0.1:$PORT/healthz, exit 0 on a 2xx
// answer within 3 s, 1 otherwise. Plain JavaScript and Node's own fetch: the slim image has no curl.
'use strict';

// Each app's default PORT (the code's defaults), for a container started without PORT.
const DEFAULT_PORTS = {
  gateway: 4000,
  survey: 4101,
  'provider-assessment': 4102,
  response: 4103,
  analytics: 4104,
  concerns: 4105,
  'survey-web': 4200,
  'identity-provider': 4300,
};

const port = process.env.PORT || DEFAULT_PORTS[process.env.NETS_APP];
if (!port) {
  console.error(`healthcheck: PORT is not set and app "${process.env.NETS_APP}" has no known default`);
  process.exit(1);
}

fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(3000) }).then(
  (response) => {
    if (!response.ok) console.error(`healthcheck: /healthz answered ${response.status}`);
    process.exit(response.ok ? 0 : 1);
  },
  (error) => {
    console.error(`healthcheck: ${error.message}`);
    process.exit(1);
  },
);
