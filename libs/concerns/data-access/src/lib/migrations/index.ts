import type { MigrationInterface } from 'typeorm';
import { REPLICA_MIGRATIONS } from '@nets/replicas/data-access';
import { ConcernsSchema1732260000000 } from './1732260000000-concerns-schema';
import { ConcernLearnerDisclosure1765080000000 } from './1765080000000-concern-learner-disclosure';
import { Notifications1765150000000 } from './1765150000000-notifications';

/** In order. Each runs once, in its own transaction, in the explicit migrate step (never at boot). */
export const CONCERNS_MIGRATIONS: Array<new () => MigrationInterface> = [
  ...REPLICA_MIGRATIONS,
  ConcernsSchema1732260000000,
  ConcernLearnerDisclosure1765080000000,
  Notifications1765150000000,
];
