import { configOrExit, runMain } from '@nets/shared/service-runtime';
import { createLogger } from '@nets/shared/util-logger';
import { staffPortalConfigSchema } from './config';
import { startStaffPortal } from './server';

const config = configOrExit(staffPortalConfigSchema);
const logger = createLogger('staff-portal', config.LOG_LEVEL);
runMain('staff-portal', logger, () => startStaffPortal(config, logger));
