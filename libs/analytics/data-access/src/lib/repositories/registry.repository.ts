import { managerOf, type Transaction } from '@nets/shared/data-access-typeorm';

/** What the reader scope needs of this service's copy of the organisation registry (`organisation_replica`). */
export class RegistryRepository {
  /** The education providers (universities, colleges, trusts that teach) the registry places in a region. */
  async educationProvidersIn(transaction: Transaction, region: string): Promise<string[]> {
    const rows = await managerOf(transaction).query<Array<{ id: string }>>(
      `SELECT id FROM organisation_replica
       WHERE organisation->>'region' = $1 AND organisation->'roles' ? 'EDUCATION_PROVIDER'
       ORDER BY id`,
      [region],
    );
    return rows.map((r) => r.id);
  }
}
