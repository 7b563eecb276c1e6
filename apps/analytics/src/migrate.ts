import 'reflect-metadata';
import { runMigrationProcess } from '@nets/shared/service-runtime';
import { analyticsService } from '@nets/analytics/feature-subgraph';
import { ANALYTICS_DEFAULTS } from './defaults';

runMigrationProcess(analyticsService, ANALYTICS_DEFAULTS);
