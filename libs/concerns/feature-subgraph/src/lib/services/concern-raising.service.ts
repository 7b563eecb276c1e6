import { randomUUID } from 'node:crypto';
import { requireSignedIn, type Identity } from '@nets/shared/auth';
import type { UnitOfWork } from '@nets/shared/data-access-typeorm';
import type { ReplicaRepository } from '@nets/replicas/data-access';
import { CONCERN_CATEGORIES } from '@nets/concerns/contract-events';
import {
  CONCERN_TEXT,
  assertEducationProvider,
  assertMayRaiseAbout,
  checkedLearnerGroups,
  checkedRisk,
  checkedStandards,
  checkedText,
  concernSourceFor,
  raisedConcern,
  requireUuid,
  type ConcernRecord,
  type RaiseConcernInput,
} from '@nets/concerns/domain';
import { BadUserInputError } from '@nets/shared/util-errors';
import type { ConcernOpener } from '../recording/concern-opener';

/** People raising a concern: who may raise what about whom, checked against the registry's replica. */
export class ConcernRaisingService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly opener: ConcernOpener,
    private readonly replicas: ReplicaRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async raise(identity: Identity, input: RaiseConcernInput): Promise<ConcernRecord> {
    const user = requireSignedIn(identity);
    const source = concernSourceFor(user, input.source);
    const organisationId = requireUuid(input.organisationId, 'input.organisationId');
    const siteId = input.siteId ? requireUuid(input.siteId, 'input.siteId') : null;
    const requestedEducationProvider = input.educationProviderId
      ? requireUuid(input.educationProviderId, 'input.educationProviderId')
      : null;
    const description = checkedText(input.description, 'input.description', CONCERN_TEXT.narrative);
    const programme = checkedText(input.programme, 'input.programme', CONCERN_TEXT.name, true);
    const learnerGroups = checkedLearnerGroups(input.learnerGroups ?? [], 'input.learnerGroups');
    const standardsAtRisk = checkedStandards(input.standardsAtRisk ?? [], 'input.standardsAtRisk');
    if (!CONCERN_CATEGORIES.includes(input.category))
      throw new BadUserInputError('Unknown category.', [{ path: 'input.category', message: 'unknown' }]);
    const risk = input.risk ? checkedRisk(input.risk, 'input.risk') : null;
    return this.unitOfWork.run(async (transaction) => {
      const organisation = await this.replicas.currentSuccessor(transaction, organisationId);
      assertMayRaiseAbout(user, organisation, siteId);
      const educationProviderId =
        user.role === 'EDUCATION_PROVIDER_USER' ? (user.organisationId ?? null) : requestedEducationProvider;
      if (educationProviderId && user.role !== 'EDUCATION_PROVIDER_USER')
        assertEducationProvider(await this.replicas.organisation(transaction, educationProviderId));
      const now = this.clock();
      return this.opener.open(
        transaction,
        raisedConcern({
          id: randomUUID(),
          source,
          organisationId: organisation.id,
          originalOrganisationId: organisationId,
          region: organisation.region,
          siteId,
          programme,
          learnerGroups,
          educationProviderId,
          category: input.category,
          standardsAtRisk,
          description,
          likelihood: risk?.likelihood ?? null,
          consequence: risk?.consequence ?? null,
          controls: risk?.controls ?? null,
          raisedBy: user.subject,
          raisedByRole: user.role,
          raisedAt: now,
        }),
        { what: `Concern raised (${source})`, why: null },
      );
    });
  }
}
