import type { MigrationInterface } from 'typeorm';
import { ReplicaTables1732250000000 } from '@nets/shared/data-access-replicas';
import { ConcernsSchema1732260000000 } from './1732260000000-concerns-schema';
import { ConcernLearnerDisclosure1765080000000 } from './1765080000000-concern-learner-disclosure';

/** In order. Each runs once, in its own transaction, in the explicit migrate step (never at boot). */
export const CONCERNS_MIGRATIONS: Array<new () => MigrationInterface> = [
  ReplicaTables1732250000000,
  ConcernsSchema1732260000000,
  ConcernLearnerDisclosure1765080000000,
];
