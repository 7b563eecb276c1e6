import { configOrExit, runMain } from '@nets/shared/service-runtime';
import { createLogger } from '@nets/shared/util-logger';
import { identityProviderConfigSchema } from './config';
import { startIdentityProvider } from './server';

const config = configOrExit(identityProviderConfigSchema);
const logger = createLogger('identity-provider', config.LOG_LEVEL);
runMain('identity-provider', logger, () => startIdentityProvider(config, logger));
