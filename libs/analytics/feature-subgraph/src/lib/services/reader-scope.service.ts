import type { Identity } from '@nets/shared/auth';
import type { UnitOfWork } from '@nets/shared/data-access-typeorm';
import type { RegistryRepository } from '@nets/analytics/data-access';
import {
  educationProviderRegionFor,
  scopeFilter,
  type CanonicalTableId,
  type CellFilter,
} from '@nets/analytics/domain';

/** The reader's filter (`scopeFilter`, the one home of the rule), with the registry facts it needs looked up. */
export class ReaderScopeService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly registry: RegistryRepository,
  ) {}

  async scope(identity: Identity, table: CanonicalTableId, where: CellFilter): Promise<CellFilter> {
    const region = educationProviderRegionFor(identity, table);
    const educationProviders =
      region === undefined
        ? undefined
        : await this.registry.educationProvidersIn(this.unitOfWork.reads, region);
    return scopeFilter(identity, table, where, educationProviders);
  }
}
