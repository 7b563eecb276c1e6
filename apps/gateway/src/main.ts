import { readFileSync } from 'node:fs';
import { createTokenVerifier, toAuthConfig } from '@nets/shared/auth';
import { gatewayConfigSchema, startGateway, subgraphUrlOverrides } from '@nets/shared/gateway';
import { configOrExit, runMain } from '@nets/shared/service-runtime';
import { createLogger } from '@nets/shared/util-logger';

const config = configOrExit(gatewayConfigSchema);
const logger = createLogger('gateway', config.LOG_LEVEL);
runMain('gateway', logger, () =>
  startGateway({
    config,
    supergraphSdl: readFileSync(config.SUPERGRAPH_PATH, 'utf8'),
    subgraphUrls: subgraphUrlOverrides(process.env),
    tokenVerifier: createTokenVerifier(toAuthConfig(config, config.NETS_ENV)),
    logger,
  }),
);
