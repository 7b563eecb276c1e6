import { randomUUID } from 'node:crypto';
import { canReadOrganisation, isNational, type Identity, type UserIdentity } from '@nets/shared/auth';
import { isUniqueViolation, type Transaction, type UnitOfWork } from '@nets/shared/data-access-typeorm';
import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnauthenticatedError,
  type ErrorDetail,
} from '@nets/shared/util-errors';
import type { NhsRegion, SelfRating } from '@nets/provider-assessment/contract-events';
import {
  type OrganisationRepository,
  type SelfAssessmentRepository,
} from '@nets/provider-assessment/data-access';
import {
  PSA_DOMAINS,
  PSA_INDICATOR_KEYS,
  PSA_STANDARDS,
  indicatorsForYear,
  type OrganisationRecord,
  type SelfAssessmentCycleRecord,
  type SelfAssessmentRecord,
  type SelfAssessmentStatus,
  applyAnswers,
  blankAnswers,
  checkCanSubmit,
  checkEditable,
  SELF_ASSESSMENT_TEXT,
  checkSignOff,
  isLate,
  nextStatusOnReview,
  standardsRated,
  submissionProblems,
  textDetail,
  type IndicatorAnswerInput,
  type ReviewDecision,
  type StandardAnswerInput,
  summarise,
  type SelfAssessmentSummary,
} from '@nets/provider-assessment/domain';
import { emitAssessmentEvent } from '../provider-assessment-events';
import { toSelfAssessmentView, type SelfAssessmentView } from '../presenters/self-assessment.presenter';

export interface SaveSelfAssessmentInput {
  organisationId: string;
  year: number;
  standards?: StandardAnswerInput[] | null;
  indicators?: IndicatorAnswerInput[] | null;
  /**
   * The version the caller read (0 when it read no assessment): a save over a different one is refused with
   * CONFLICT. Omitted (null), the save applies to whatever is there (API clients that do not track versions).
   */
  expectedVersion?: number | null;
}

export interface SelfAssessmentReturn {
  organisation: OrganisationRecord;
  status: SelfAssessmentStatus | 'NOT_STARTED';
  submitted: boolean;
  late: boolean;
  assessment: SelfAssessmentView | null;
}

const SUBMITTED: ReadonlySet<SelfAssessmentStatus> = new Set(['SUBMITTED', 'UNDER_REVIEW', 'ACCEPTED']);

export interface ImportRow {
  odsCode: string;
  ratings: string;
  indicators: string;
}

const RATING_LETTERS: Readonly<Record<string, SelfRating>> = { M: 'MET', P: 'PARTLY_MET', N: 'NOT_MET' };

/** The Provider Self-Assessment: cycles, the provider's answers, the review workflow and summaries. */
export class SelfAssessmentService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly assessments: SelfAssessmentRepository,
    private readonly organisations: OrganisationRepository,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Writes `next` over the version it was read at; CONFLICT when that version moved on meanwhile. */
  private async write(transaction: Transaction, next: SelfAssessmentRecord): Promise<SelfAssessmentRecord> {
    if (!(await this.assessments.update(transaction, next)))
      throw new ConflictError('Someone else changed this self-assessment at the same moment; reload it.');
    return { ...next, version: next.version + 1 };
  }

  questionSet(year: number) {
    return {
      year,
      domains: PSA_DOMAINS.map((domain) => ({
        ...domain,
        standards: PSA_STANDARDS.filter((s) => s.domainNumber === domain.number).map((s) => ({
          standardCode: s.code,
          title: s.title,
          prompt:
            `Standard ${s.code} — ${s.title}. How fully does your organisation meet it? ` +
            'Give the evidence you hold and, where it is not fully met, the action you will take, who owns it and by when.',
        })),
      })),
      indicators: indicatorsForYear(year).map((i) => ({ indicator: i.key, question: i.question })),
    };
  }

  cycles(): Promise<SelfAssessmentCycleRecord[]> {
    return this.assessments.listCycles(this.unitOfWork.reads);
  }

  cycle(year: number): Promise<SelfAssessmentCycleRecord | undefined> {
    return this.assessments.findCycle(this.unitOfWork.reads, year);
  }

  async createCycle(input: SelfAssessmentCycleRecord): Promise<SelfAssessmentCycleRecord> {
    const problems: ErrorDetail[] = [];
    const lastYear = this.clock().getUTCFullYear() + 5;
    if (!Number.isInteger(input.year) || input.year < 2019 || input.year > lastYear) {
      problems.push({ path: 'year', message: `The year must be a whole year from 2019 to ${lastYear}.` });
    }
    for (const key of ['opensAt', 'dueAt'] as const) {
      const at = input[key];
      if (Number.isNaN(at.getTime())) problems.push({ path: key, message: 'Not a date.' });
      else if (Math.abs(at.getUTCFullYear() - input.year) > 2)
        problems.push({ path: key, message: `Within two years of the cycle year ${input.year}.` });
    }
    if (!(input.opensAt < input.dueAt))
      problems.push({ path: 'dueAt', message: 'The due date must be after the opening.' });
    if (problems.length > 0) throw new BadUserInputError('The cycle is not valid.', problems);
    try {
      await this.unitOfWork.run((transaction) => this.assessments.insertCycle(transaction, input));
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError(`A ${input.year} self-assessment cycle already exists.`);
      throw error;
    }
    return input;
  }

  /** Batched for `Organisation.selfAssessment`: keys are `organisationId:year`. */
  async byKeys(keys: readonly string[]): Promise<Array<SelfAssessmentView | undefined>> {
    const pairs = keys.map((key) => {
      const [organisationId, year] = key.split(':');
      return { organisationId, year: Number(year) };
    });
    const found = await this.assessments.findMany(this.unitOfWork.reads, pairs);
    const cycles = new Map<number, SelfAssessmentCycleRecord | undefined>();
    for (const year of new Set(pairs.map((p) => p.year))) cycles.set(year, await this.cycle(year));
    const byKey = new Map(found.map((a) => [`${a.organisationId}:${a.year}`, a]));
    return keys.map((key) => {
      const record = byKey.get(key);
      const cycle = record ? cycles.get(record.year) : undefined;
      return record && cycle ? toSelfAssessmentView(record, cycle.dueAt, this.clock()) : undefined;
    });
  }

  /** Throws unless the caller may read the organisation's assessments. */
  assertReadable(identity: Identity, organisation: Pick<OrganisationRecord, 'id' | 'region'>): void {
    if (identity.kind !== 'user') throw new UnauthenticatedError('Sign in to see self-assessments.');
    if (!canReadOrganisation(identity, organisation)) {
      throw new ForbiddenError("You may only see your own organisation's self-assessment, or your region's.");
    }
  }

  async list(
    identity: UserIdentity,
    year: number,
    region?: NhsRegion | null,
    status?: SelfAssessmentStatus | null,
  ): Promise<SelfAssessmentView[]> {
    const filter = { year, status: status ?? undefined } as {
      year: number;
      status?: SelfAssessmentStatus;
      region?: NhsRegion;
      organisationId?: string;
    };
    if (isNational(identity)) filter.region = region ?? undefined;
    else if (identity.role === 'QUALITY_TEAM') {
      if (region && region !== identity.region) throw new ForbiddenError('You may only see your own region.');
      filter.region = identity.region;
    } else if (identity.organisationId) filter.organisationId = identity.organisationId;
    else return [];
    const cycle = await this.cycle(year);
    if (!cycle) return [];
    const records = await this.assessments.list(this.unitOfWork.reads, filter);
    // The quality team's scope is the organisation's current region; filter again on the registry.
    const organisations = new Map(
      (
        await this.organisations.findByIds(this.unitOfWork.reads, [
          ...new Set(records.map((r) => r.organisationId)),
        ])
      ).map((o) => [o.id, o]),
    );
    return records
      .filter((record) => {
        const organisation = organisations.get(record.organisationId);
        return organisation !== undefined && canReadOrganisation(identity, organisation);
      })
      .map((record) => toSelfAssessmentView(record, cycle.dueAt, this.clock()));
  }

  /** Every active placement provider in the caller's scope, with where its assessment of the year stands. */
  async returns(
    identity: UserIdentity,
    year: number,
    region?: NhsRegion | null,
  ): Promise<SelfAssessmentReturn[]> {
    let scope: NhsRegion | undefined;
    if (isNational(identity)) scope = region ?? undefined;
    else if (identity.role === 'QUALITY_TEAM') {
      if (region && region !== identity.region) throw new ForbiddenError('You may only see your own region.');
      scope = identity.region;
    } else {
      throw new ForbiddenError(
        'Only quality teams and national roles see who has returned the self-assessment.',
      );
    }
    const transaction = this.unitOfWork.reads;
    const cycle = await this.cycle(year);
    if (!cycle) throw new NotFoundError(`There is no ${year} self-assessment cycle.`);
    const providers = await this.organisations.activePlacementProviders(transaction, scope);
    const found = await this.assessments.findMany(
      transaction,
      providers.map((p) => ({ organisationId: p.id, year })),
    );
    const byOrganisation = new Map(found.map((a) => [a.organisationId, a]));
    const now = this.clock();
    return providers.map((organisation) => {
      const record = byOrganisation.get(organisation.id);
      const assessment = record ? toSelfAssessmentView(record, cycle.dueAt, now) : null;
      return {
        organisation,
        status: assessment?.status ?? 'NOT_STARTED',
        submitted: assessment !== null && SUBMITTED.has(assessment.status),
        late: assessment ? assessment.late : isLate(null, cycle.dueAt, now),
        assessment,
      };
    });
  }

  async save(identity: UserIdentity, input: SaveSelfAssessmentInput): Promise<SelfAssessmentView> {
    return this.unitOfWork.run(async (transaction) => {
      const { organisation, cycle } = await this.forProvider(
        transaction,
        identity,
        input.organisationId,
        input.year,
      );
      const now = this.clock();
      const current = await this.assessments.find(transaction, organisation.id, input.year, true);
      if (current) checkEditable(current.status);
      checkVersion(current, input.expectedVersion);
      const answers = applyAnswers(
        input.year,
        current ?? blankAnswers(input.year),
        input.standards ?? [],
        input.indicators ?? [],
      );
      const next: SelfAssessmentRecord = current
        ? { ...current, ...answers, updatedAt: now }
        : {
            id: randomUUID(),
            organisationId: organisation.id,
            region: organisation.region,
            year: input.year,
            status: 'DRAFT',
            ...answers,
            signOff: null,
            firstSubmittedAt: null,
            submittedAt: null,
            late: false,
            submissionCount: 0,
            reviews: [],
            imported: false,
            createdAt: now,
            updatedAt: now,
            version: 1,
          };
      if (current) return toSelfAssessmentView(await this.write(transaction, next), cycle.dueAt, now);
      try {
        await this.assessments.insert(transaction, [next]);
      } catch (error) {
        // Two first saves at once: the other one created it; this one did not read it.
        if (isUniqueViolation(error))
          throw new ConflictError('Someone else saved this self-assessment at the same moment; reload it.');
        throw error;
      }
      return toSelfAssessmentView(next, cycle.dueAt, now);
    });
  }

  /** `expectedVersion` as for save: the senior leader signs off the answers they read, not a colleague's later ones. */
  async submit(
    identity: UserIdentity,
    organisationId: string,
    year: number,
    signOff: { name: string; jobTitle: string },
    expectedVersion?: number | null,
  ): Promise<SelfAssessmentView> {
    const signer = checkSignOff(signOff);
    return this.unitOfWork.run(async (transaction) => {
      const { cycle } = await this.forProvider(transaction, identity, organisationId, year);
      const current = await this.assessments.find(transaction, organisationId, year, true);
      checkVersion(current, expectedVersion);
      if (!current)
        throw new ConflictError(`There is no ${year} self-assessment to submit; save answers first.`);
      checkCanSubmit(current.status);
      const problems = submissionProblems(current);
      if (problems.length > 0) {
        throw new BadUserInputError(
          `The assessment is incomplete: ${problems.length} answers are missing.`,
          problems,
        );
      }
      const now = this.clock();
      const firstSubmittedAt = current.firstSubmittedAt ?? now;
      const next: SelfAssessmentRecord = {
        ...current,
        status: 'SUBMITTED',
        signOff: { ...signer, signedAt: now.toISOString(), signedBy: identity.subject },
        firstSubmittedAt,
        submittedAt: now,
        late: isLate(firstSubmittedAt, cycle.dueAt, now),
        submissionCount: current.submissionCount + 1,
        updatedAt: now,
      };
      const written = await this.write(transaction, next);
      await emitAssessmentEvent(transaction, 'nets.assessment.submitted.v1', {
        assessmentId: next.id,
        organisationId,
        year,
        submittedAt: now.toISOString(),
        late: next.late,
        standardsNotMet: standardsRated(next, 'NOT_MET'),
        standardsPartlyMet: standardsRated(next, 'PARTLY_MET'),
        resubmission: next.submissionCount > 1,
      });
      return toSelfAssessmentView(written, cycle.dueAt, now);
    });
  }

  /** `expectedVersion` as for save: a decision is taken on the submission the reviewer read, not a later one. */
  async review(
    identity: UserIdentity,
    input: {
      organisationId: string;
      year: number;
      decision: ReviewDecision;
      comments?: string | null;
      expectedVersion?: number | null;
    },
  ): Promise<SelfAssessmentView> {
    const comments = input.comments?.trim() || null;
    const commentProblems = textDetail(comments, 'input.comments', SELF_ASSESSMENT_TEXT.reviewComments);
    if (commentProblems.length > 0)
      throw new BadUserInputError('The comments are not valid.', commentProblems);
    return this.unitOfWork.run(async (transaction) => {
      const organisation = await this.organisation(transaction, input.organisationId);
      if (identity.role !== 'QUALITY_TEAM' || identity.region !== organisation.region) {
        throw new ForbiddenError(
          "Only the organisation's regional quality team reviews its self-assessment.",
        );
      }
      const cycle = await this.requireCycle(transaction, input.year);
      const current = await this.assessments.find(transaction, organisation.id, input.year, true);
      if (!current) throw new NotFoundError(`${organisation.odsCode} has no ${input.year} self-assessment.`);
      checkVersion(current, input.expectedVersion);
      const status = nextStatusOnReview(current.status, input.decision, comments);
      const now = this.clock();
      const next: SelfAssessmentRecord = {
        ...current,
        status,
        reviews: [
          ...current.reviews,
          { decision: input.decision, comments, reviewer: identity.subject, at: now.toISOString() },
        ],
        updatedAt: now,
      };
      const written = await this.write(transaction, next);
      const ref = { assessmentId: next.id, organisationId: organisation.id, year: input.year };
      if (status === 'ACCEPTED') {
        await emitAssessmentEvent(transaction, 'nets.assessment.accepted.v1', {
          ...ref,
          reviewedAt: now.toISOString(),
        });
      } else if (status === 'RETURNED') {
        await emitAssessmentEvent(transaction, 'nets.assessment.returned.v1', {
          ...ref,
          reviewedAt: now.toISOString(),
          comments: comments ?? '',
        });
      }
      return toSelfAssessmentView(written, cycle.dueAt, now);
    });
  }

  /** Back-fills a year's returns as accepted and imported; any rejected row and nothing is stored. */
  async importReturns(year: number, rows: readonly ImportRow[]) {
    return this.unitOfWork.run(async (transaction) => {
      const cycle = await this.requireCycle(transaction, year);
      const codes = rows.map((row) => row.odsCode.trim().toUpperCase());
      const organisations = new Map(
        (await this.organisations.findByOdsCodes(transaction, codes)).map((o) => [o.odsCode, o]),
      );
      const already = await this.assessments.existing(
        transaction,
        year,
        [...organisations.values()].map((o) => o.id),
      );
      const asked = new Set(indicatorsForYear(year).map((i) => i.key));
      const rejected: Array<{ index: number; odsCode: string; reasons: string[] }> = [];
      const records: SelfAssessmentRecord[] = [];
      const seen = new Set<string>();
      const now = this.clock();
      rows.forEach((row, index) => {
        const code = codes[index];
        const reasons: string[] = [];
        const organisation = organisations.get(code);
        if (!organisation) reasons.push(`No organisation ${code}.`);
        else if (!organisation.roles.includes('PLACEMENT_PROVIDER'))
          reasons.push(`${code} is not a placement provider.`);
        else if (already.has(organisation.id)) reasons.push(`${code} already has a ${year} self-assessment.`);
        if (seen.has(code)) reasons.push(`${code} appears twice.`);
        seen.add(code);
        if (!new RegExp(`^[MPN]{${PSA_STANDARDS.length}}$`).test(row.ratings)) {
          reasons.push(`ratings must be ${PSA_STANDARDS.length} letters M, P or N.`);
        }
        const letters = [...row.indicators];
        if (letters.length !== PSA_INDICATOR_KEYS.length || letters.some((l) => !'YN-'.includes(l))) {
          reasons.push(`indicators must be ${PSA_INDICATOR_KEYS.length} letters Y, N or -.`);
        } else {
          PSA_INDICATOR_KEYS.forEach((key, i) => {
            if (asked.has(key) === (letters[i] === '-')) {
              reasons.push(
                asked.has(key) ? `${key} must be answered in ${year}.` : `${key} is not asked in ${year}.`,
              );
            }
          });
        }
        if (reasons.length > 0 || !organisation) {
          rejected.push({ index, odsCode: code, reasons });
          return;
        }
        records.push({
          id: randomUUID(),
          organisationId: organisation.id,
          region: organisation.region,
          year,
          status: 'ACCEPTED',
          standards: PSA_STANDARDS.map((s, i) => ({
            code: s.code,
            rating: RATING_LETTERS[row.ratings[i]],
            evidence: null,
            action: null,
          })),
          indicators: PSA_INDICATOR_KEYS.flatMap((key, i) =>
            asked.has(key) ? [{ key, answer: letters[i] === 'Y' }] : [],
          ),
          signOff: null,
          firstSubmittedAt: cycle.dueAt,
          submittedAt: cycle.dueAt,
          late: false,
          submissionCount: 1,
          reviews: [],
          imported: true,
          createdAt: now,
          updatedAt: now,
          version: 1,
        });
      });
      const committed = rejected.length === 0;
      if (committed) await this.assessments.insert(transaction, records);
      return { committed, imported: committed ? records.length : 0, rejected };
    });
  }

  async summary(year: number, region?: NhsRegion | null): Promise<SelfAssessmentSummary> {
    // The summary compares with the two years before: keep every year it reads a year there can be.
    if (year < 2000 || year > 2100)
      throw new BadUserInputError('year must be from 2000 to 2100.', [
        { path: 'year', message: 'out of range' },
      ]);
    const transaction = this.unitOfWork.reads;
    const [counted, indicatorTallies, ratingTallies] = await Promise.all([
      this.assessments.countCounted(transaction, year, region ?? undefined),
      this.assessments.indicatorTallies(transaction, [year, year - 1, year - 2], region ?? undefined),
      this.assessments.ratingTallies(transaction, year, region ?? undefined),
    ]);
    return summarise(year, region ?? null, counted, indicatorTallies, ratingTallies);
  }

  /** The provider's own users only, for an active placement provider, in a cycle that has opened. */
  private async forProvider(
    transaction: Transaction,
    identity: UserIdentity,
    organisationId: string,
    year: number,
  ) {
    if (identity.role !== 'PROVIDER_USER' || identity.organisationId !== organisationId) {
      throw new ForbiddenError("Only the organisation's own users answer its self-assessment.");
    }
    const organisation = await this.organisation(transaction, organisationId);
    if (organisation.status !== 'ACTIVE') throw new ConflictError(`${organisation.odsCode} is closed.`);
    if (!organisation.roles.includes('PLACEMENT_PROVIDER')) {
      throw new ConflictError(
        `${organisation.odsCode} is not a placement provider; it has no self-assessment.`,
      );
    }
    const cycle = await this.requireCycle(transaction, year);
    if (this.clock() < cycle.opensAt)
      throw new ConflictError(`The ${year} self-assessment opens on ${cycle.opensAt.toISOString()}.`);
    return { organisation, cycle };
  }

  private async organisation(transaction: Transaction, id: string): Promise<OrganisationRecord> {
    const [found] = UUID.test(id) ? await this.organisations.findByIds(transaction, [id]) : [];
    if (!found) throw new NotFoundError(`No organisation ${id}.`);
    return found;
  }

  private async requireCycle(transaction: Transaction, year: number): Promise<SelfAssessmentCycleRecord> {
    const cycle = await this.assessments.findCycle(transaction, year);
    if (!cycle) throw new NotFoundError(`There is no ${year} self-assessment cycle.`);
    return cycle;
  }
}

/**
 * The optimistic lock of every command on an assessment: the version the caller read (0 when it read none)
 * must be the current one, else CONFLICT and nothing changes. Null or omitted: not checked (older clients).
 */
function checkVersion(current: SelfAssessmentRecord | undefined, expectedVersion?: number | null): void {
  const expected = expectedVersion ?? null;
  if (expected === null || expected === (current?.version ?? 0)) return;
  throw new ConflictError(
    current
      ? `Someone else changed this self-assessment since you read it (version ${current.version}, not ${expected}); reload it and try again.`
      : `The self-assessment you read (version ${expected}) no longer exists; reload it.`,
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
