import type { MigrationInterface } from 'typeorm';
import { ReplicaTables1732250000000 } from '@nets/shared/data-access-replicas';
import { ConcernsSchema1732260000000 } from './1732260000000-concerns-schema';

/** In order. Each runs once, in its own transaction, in the explicit migrate step (never at boot). */
export const CONCERNS_MIGRATIONS: Array<new () => MigrationInterface> = [
  ReplicaTables1732250000000,
  ConcernsSchema1732260000000,
];
