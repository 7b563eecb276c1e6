import type { MigrationInterface } from 'typeorm';
import { ReplicaTables1732250000000 } from './1732250000000-replica-tables';
import { ReplicaOrganisationSnapshot1765100000000 } from './1765100000000-replica-organisation-snapshot';

export { ReplicaOrganisationSnapshot1765100000000, ReplicaTables1732250000000 };

/** The replica tables, in order: a service that keeps replicas puts these first in its migrations. */
export const REPLICA_MIGRATIONS: Array<new () => MigrationInterface> = [
  ReplicaTables1732250000000,
  ReplicaOrganisationSnapshot1765100000000,
];
