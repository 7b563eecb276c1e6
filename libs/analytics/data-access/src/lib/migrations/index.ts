import type { MigrationInterface } from 'typeorm';
import { REPLICA_MIGRATIONS } from '@nets/replicas/data-access';
import { AnalyticsReadModel1732260000000 } from './1732260000000-analytics-read-model';
import { AnalyticsWideCounters1765040000000 } from './1765040000000-analytics-wide-counters';
import { AnalyticsResultsRelease1765060000000 } from './1765060000000-analytics-results-release';
import { AnalyticsEducationProviderCounters1765080000000 } from './1765080000000-analytics-education-provider-counters';

/** In order. Each runs once, in its own transaction, in the explicit migrate step (never at boot). */
export const ANALYTICS_MIGRATIONS: Array<new () => MigrationInterface> = [
  ...REPLICA_MIGRATIONS,
  AnalyticsReadModel1732260000000,
  AnalyticsWideCounters1765040000000,
  AnalyticsResultsRelease1765060000000,
  AnalyticsEducationProviderCounters1765080000000,
];
