import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';
import { ReplicaRepository, type OrganisationReplica } from '@nets/shared/data-access-replicas';

/** The organisation registry as this service's replica holds it, read in the caller's unit of work. */
export class OrganisationRegistryRepository {
  constructor(private readonly replicas = new ReplicaRepository()) {}

  organisation(transaction: Transaction, id: string): Promise<OrganisationReplica | undefined> {
    return this.replicas.organisation(managerOf(transaction), id);
  }

  /** Follows merges to the organisation that carries on. */
  currentSuccessor(transaction: Transaction, id: string): Promise<OrganisationReplica | undefined> {
    return this.replicas.currentSuccessor(managerOf(transaction), id);
  }
}
