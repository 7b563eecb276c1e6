import 'reflect-metadata';
import { runMigrationProcess } from '@nets/shared/service-runtime';
import { concernsService } from '@nets/concerns/feature-subgraph';
import { CONCERNS_DEFAULTS } from './defaults';

runMigrationProcess(concernsService, CONCERNS_DEFAULTS);
