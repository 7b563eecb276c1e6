import type { DataSource } from 'typeorm';
import { requireRole, type Identity } from '@nets/shared/auth';
import { inTransaction, isUniqueViolation } from '@nets/shared/data-access-typeorm';
import type { IsfConfigRepository, IsfLevelRecord } from '@nets/concerns/data-access';
import { BadUserInputError, ConflictError } from '@nets/shared/util-errors';
import { textProblem } from '@nets/shared/util-text';
import { CONCERN_TEXT } from '../domain/concern-input.rules';

/** The framework has four levels; room to grow, not to store thousands. */
const MAX_LEVELS = 10;

export type IsfLevelInput = Omit<IsfLevelRecord, 'version'>;

/** Administrators publish a new version of the ISF levels; concerns keep the version they were graded with. */
export class IsfConfigService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly isf: IsfConfigRepository,
  ) {}

  async configure(identity: Identity, levels: readonly IsfLevelInput[]): Promise<IsfLevelRecord[]> {
    const admin = requireRole(identity, 'ADMIN');
    const details = levels.flatMap((level, index) => [
      ...(Number.isInteger(level.level) && level.level >= 1
        ? []
        : [{ path: `levels[${index}].level`, message: 'a positive whole number' }]),
      ...(level.name.trim() ? [] : [{ path: `levels[${index}].name`, message: 'required' }]),
      ...textDetails(level.name, `levels[${index}].name`, CONCERN_TEXT.name),
      ...textDetails(level.description, `levels[${index}].description`, CONCERN_TEXT.line),
      ...(Number.isInteger(level.reviewIntervalDays) &&
      level.reviewIntervalDays >= 1 &&
      level.reviewIntervalDays <= 366
        ? []
        : [{ path: `levels[${index}].reviewIntervalDays`, message: 'from 1 to 366 days' }]),
    ]);
    const numbers = levels.map((level) => level.level).sort((a, b) => a - b);
    if (levels.length === 0 || levels.length > MAX_LEVELS || numbers.some((n, i) => n !== i + 1))
      details.push({ path: 'levels', message: 'levels must be numbered 1, 2, 3, … without gaps' });
    if (details.length > 0) throw new BadUserInputError('The ISF levels are not valid.', details);
    try {
      const version = await inTransaction(this.dataSource, (manager) =>
        this.isf.addVersion(
          manager,
          levels.map((level) => ({
            ...level,
            name: level.name.trim(),
            description: level.description.trim(),
          })),
          admin.subject,
        ),
      );
      return this.isf.byVersion(this.dataSource.manager, version);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('Another ISF version was saved at the same moment.');
      throw error;
    }
  }
}

function textDetails(value: string, path: string, rule: { max: number; multiline?: boolean }) {
  const problem = textProblem(value, rule);
  return problem ? [{ path, message: problem }] : [];
}
