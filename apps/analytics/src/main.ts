import 'reflect-metadata';
import { runServiceProcess } from '@nets/shared/service-runtime';
import { analyticsService } from '@nets/analytics/feature-subgraph';
import { ANALYTICS_DEFAULTS } from './defaults';

runServiceProcess(analyticsService, ANALYTICS_DEFAULTS);
