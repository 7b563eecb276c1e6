import 'reflect-metadata';
import { runMigrationProcess } from '@nets/shared/service-runtime';
import { responseService } from '@nets/response/feature-subgraph';
import { RESPONSE_DEFAULTS } from './defaults';

runMigrationProcess(responseService, RESPONSE_DEFAULTS);
