import 'reflect-metadata';
import { runServiceProcess } from '@nets/shared/service-runtime';
import { responseService } from '@nets/response/feature-subgraph';
import { RESPONSE_DEFAULTS } from './defaults';

runServiceProcess(responseService, RESPONSE_DEFAULTS);
