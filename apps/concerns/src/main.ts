import 'reflect-metadata';
import { runServiceProcess } from '@nets/shared/service-runtime';
import { concernsService } from '@nets/concerns/feature-subgraph';
import { CONCERNS_DEFAULTS } from './defaults';

runServiceProcess(concernsService, CONCERNS_DEFAULTS);
