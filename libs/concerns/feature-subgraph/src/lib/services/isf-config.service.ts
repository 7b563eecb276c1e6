import { requireRole, type Identity } from '@nets/shared/auth';
import { isUniqueViolation, type UnitOfWork } from '@nets/shared/data-access-typeorm';
import type { IsfConfigRepository } from '@nets/concerns/data-access';
import { checkedIsfLevels, type IsfLevelInput, type IsfLevelRecord } from '@nets/concerns/domain';
import { ConflictError } from '@nets/shared/util-errors';

/** Administrators publish a new version of the ISF levels; concerns keep the version they were graded with. */
export class IsfConfigService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly isf: IsfConfigRepository,
  ) {}

  async configure(identity: Identity, levels: readonly IsfLevelInput[]): Promise<IsfLevelRecord[]> {
    const admin = requireRole(identity, 'ADMIN');
    const checked = checkedIsfLevels(levels);
    try {
      const version = await this.unitOfWork.run((transaction) =>
        this.isf.addVersion(transaction, checked, admin.subject),
      );
      return this.isf.byVersion(this.unitOfWork.reads, version);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('Another ISF version was saved at the same moment.');
      throw error;
    }
  }
}
