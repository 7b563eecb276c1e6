import { randomUUID } from 'node:crypto';
import type { Identity } from '@nets/shared/auth';
import type { ImportedResponseInput, SubmitResponseInput } from '../../__generated__/resolvers-types';
import {
  appendToOutboxIn,
  type OutboxEntry,
  type Transaction,
  type UnitOfWork,
} from '@nets/shared/data-access-typeorm';
import { BadUserInputError, ConflictError, NotFoundError, type ErrorDetail } from '@nets/shared/util-errors';
import type { QuestionnairePublished } from '@nets/survey/contract-events';
import type { SurveyCycleReplica } from '@nets/replicas/domain';
import type { ResponseDraftRepository, ResponseRepository } from '@nets/response/data-access';
import {
  checkContact,
  checkEducation,
  checkIdempotencyKey,
  checkPlacement,
  checkProfile,
  checkStrings,
  fingerprint,
  PROGRAMMES,
  type ProgrammeDefinition,
  isIsoDay,
  newFollowUpCode,
  newReceiptCode,
  placementWindow,
  sha256Hex,
  validateAnswers,
  type NewCommentRecord,
  type NewResponseRecord,
  type SubmissionRecord,
} from '@nets/response/domain';
import { responseSubmittedEntry, seriousConcernEntry } from '../response-events';
import { assertOpen, type ReplicaReads } from '../replicas/replica-reads';
import { assertLearner, checkResumeToken } from '../access/learner-access';
import type { SubmissionRateLimiter } from '../access/submission-rate-limiter';

export interface ResponseReceipt {
  receiptCode: string;
  seriousConcernFollowUpCode: string | null;
  submittedOn: string;
}

export const MAX_IMPORT_BATCH = 500;

interface PreparedResponse {
  submission: SubmissionRecord;
  followUpCode: string | null;
  record: NewResponseRecord;
  outbox: OutboxEntry[];
  submittedOn: string;
}

/** Takes learners' responses: validation against the exact questionnaire version, one transaction, outbox. */
export class SubmissionService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly responses: ResponseRepository,
    private readonly drafts: ResponseDraftRepository,
    private readonly replicas: ReplicaReads,
    private readonly rateLimiter: SubmissionRateLimiter,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async submit(
    input: SubmitResponseInput,
    caller: { identity: Identity; clientAddress: string },
  ): Promise<ResponseReceipt> {
    assertLearner(caller.identity);
    await this.rateLimiter.consume(caller.clientAddress);
    const keyProblems = [
      ...checkIdempotencyKey(input.idempotencyKey),
      ...(input.resumeToken == null ? [] : checkResumeToken(input.resumeToken, 'resumeToken')),
      ...checkStrings(
        {
          profile: input.profile,
          placement: input.placement,
          education: input.education,
          seriousConcernContact: input.seriousConcernContact,
        },
        '',
      ),
    ];
    if (keyProblems.length > 0) throw new BadUserInputError('The response is not valid.', keyProblems);
    const requestHash = requestFingerprint(input);
    let checked: { prepared: PreparedResponse; draftHash: string | undefined; submittedOn: string };
    try {
      checked = await this.validated(input, requestHash);
    } catch (error) {
      // A retry of a stored submission gets its receipt even when its input no longer passes (the cycle has
      // closed, its draft is submitted). Looked up only here, so a first attempt costs no read for it; a first
      // attempt that passes and a retry that raced it meet at the claim below.
      const earlier = await this.earlierReceipt(input.idempotencyKey, requestHash);
      if (earlier) return earlier;
      throw error;
    }
    const { draftHash, submittedOn } = checked;
    const prepared = { value: checked.prepared };

    const { submission, record, outbox } = prepared.value;
    const stored = draftHash
      ? await this.unitOfWork.run(async (transaction) => {
          if (!(await this.responses.submit(transaction, submission, record, outbox))) return false;
          if (!(await this.drafts.markSubmitted(transaction, draftHash))) {
            throw new ConflictError('This draft has already been submitted or has expired.');
          }
          return true;
        })
      : // One statement, committed on its own: a single round trip (see ResponseRepository.submit).
        await this.responses.submit(this.unitOfWork.reads, submission, record, outbox);
    if (!stored) {
      // A concurrent retry with the same key committed first: answer with its receipt.
      const first = await this.earlierReceipt(input.idempotencyKey, requestHash);
      if (first) return first;
      throw new ConflictError('This submission is being stored by another request; retry in a moment.');
    }
    // Handed to the learner this once: nothing kept here links the code (or its hash) to the response.
    return {
      receiptCode: prepared.value.submission.receiptCode,
      seriousConcernFollowUpCode: prepared.value.followUpCode,
      submittedOn,
    };
  }

  /** The maintained programme list learners choose from. */
  programmes(): Array<Omit<ProgrammeDefinition, 'learnerGroups'> & { learnerGroups: string[] }> {
    return PROGRAMMES.map((programme) => ({ ...programme, learnerGroups: [...programme.learnerGroups] }));
  }

  /** Administrators back-fill past cycles: same validation, recorded as imported, idempotent by key. */
  async importClosedCycle(
    year: number,
    inputs: readonly ImportedResponseInput[],
  ): Promise<{ imported: number; alreadyImported: number }> {
    if (inputs.length === 0) return { imported: 0, alreadyImported: 0 };
    if (inputs.length > MAX_IMPORT_BATCH) {
      throw new BadUserInputError(`Import at most ${MAX_IMPORT_BATCH} responses per call.`);
    }
    const transaction = this.unitOfWork.reads;
    const cycle = await this.replicas.cycle(transaction, year);
    if (cycle?.status === 'OPEN') {
      throw new ConflictError(`The ${year} cycle is open: learners submit its responses themselves.`);
    }
    const details: ErrorDetail[] = [];
    const keys = new Set<string>();
    inputs.forEach((input, index) => {
      details.push(...checkIdempotencyKey(input.idempotencyKey, `responses[${index}].idempotencyKey`));
      if (keys.has(input.idempotencyKey)) {
        details.push({ path: `responses[${index}].idempotencyKey`, message: 'Repeated in this batch.' });
      }
      keys.add(input.idempotencyKey);
    });
    inputs.forEach((input, index) => {
      details.push(
        ...checkStrings(
          { profile: input.profile, placement: input.placement, education: input.education },
          `responses[${index}]`,
        ),
      );
    });
    if (details.length > 0) throw new BadUserInputError('The import is not valid.', details);

    const writtenOn = this.clock().toISOString().slice(0, 10);
    const existing = new Map(
      (await this.responses.findSubmissions(transaction, [...keys])).map((s) => [s.idempotencyKey, s]),
    );
    const prepared: PreparedResponse[] = [];
    let alreadyImported = 0;
    for (const [index, input] of inputs.entries()) {
      const path = `responses[${index}]`;
      const requestHash = requestFingerprint(input);
      const earlier = existing.get(input.idempotencyKey);
      if (earlier) {
        if (earlier.requestHash !== requestHash) {
          details.push({ path: `${path}.idempotencyKey`, message: 'Already used for a different response.' });
        }
        alreadyImported += 1;
        continue;
      }
      let questionnaire: QuestionnairePublished;
      try {
        questionnaire = await this.replicas.questionnaire(transaction, input.questionnaireId);
      } catch (error) {
        if (!(error instanceof BadUserInputError)) throw error;
        details.push({ path: `${path}.questionnaireId`, message: error.message });
        continue;
      }
      if (questionnaire.year !== year) {
        details.push({
          path: `${path}.questionnaireId`,
          message: `This questionnaire is for ${questionnaire.year}.`,
        });
        continue;
      }
      if (!isIsoDay(input.submittedOn) || !input.submittedOn.startsWith(`${year}-`)) {
        details.push({ path: `${path}.submittedOn`, message: `Give a day of ${year} as YYYY-MM-DD.` });
        continue;
      }
      const result = await this.prepare(
        transaction,
        { ...input, seriousConcernContact: null },
        questionnaire,
        cycle,
        { submittedOn: input.submittedOn, writtenOn, imported: true, requestHash },
      );
      details.push(...result.details.map((d) => ({ ...d, path: `${path}.${d.path ?? ''}` })));
      prepared.push(result.value);
    }
    if (details.length > 0) throw new BadUserInputError('The import is not valid.', details);

    const imported = await this.unitOfWork.run(async (transaction) => {
      const outbox: OutboxEntry[] = [];
      let count = 0;
      for (const item of prepared) {
        if (!(await this.responses.claimSubmission(transaction, item.submission))) continue;
        await this.responses.insertResponse(transaction, item.record);
        outbox.push(...item.outbox);
        count += 1;
      }
      await appendToOutboxIn(transaction, outbox);
      return count;
    });
    return { imported, alreadyImported: alreadyImported + (prepared.length - imported) };
  }

  /** Everything a submission must pass before it is stored: reads only (cached copies). */
  private async validated(
    input: SubmitResponseInput,
    requestHash: string,
  ): Promise<{ prepared: PreparedResponse; draftHash: string | undefined; submittedOn: string }> {
    const transaction = this.unitOfWork.reads;
    const { questionnaire, cycle } = await this.replicas.questionnaireAndCycle(
      transaction,
      input.questionnaireId,
    );
    assertOpen(cycle, questionnaire.year);
    const submittedOn = this.clock().toISOString().slice(0, 10);
    const prepared = await this.prepare(transaction, input, questionnaire, cycle, {
      submittedOn,
      writtenOn: submittedOn,
      imported: false,
      requestHash,
    });
    if (prepared.details.length > 0)
      throw new BadUserInputError('The response is not valid.', prepared.details);
    const draftHash = input.resumeToken == null ? undefined : sha256Hex(input.resumeToken);
    if (draftHash) await this.assertDraftSubmittable(transaction, draftHash, questionnaire.year);
    return { prepared: prepared.value, draftHash, submittedOn };
  }

  private async earlierReceipt(key: string, requestHash: string): Promise<ResponseReceipt | undefined> {
    const [earlier] = await this.responses.findSubmissions(this.unitOfWork.reads, [key]);
    if (!earlier) return undefined;
    if (earlier.requestHash !== requestHash) {
      throw new ConflictError('This idempotency key was already used for a different response.');
    }
    // The follow-up code was handed out once, with the first receipt, and is kept nowhere.
    return {
      receiptCode: earlier.receiptCode,
      seriousConcernFollowUpCode: null,
      submittedOn: earlier.submittedOn ?? '',
    };
  }

  private async assertDraftSubmittable(transaction: Transaction, hash: string, year: number): Promise<void> {
    const draft = await this.drafts.findByTokenHash(transaction, hash);
    if (!draft) throw new NotFoundError('No draft with this resume token.');
    if (draft.status === 'SUBMITTED') throw new ConflictError('This draft has already been submitted.');
    if (draft.status === 'EXPIRED' || draft.cycleYear !== year) {
      throw new ConflictError('This draft has expired: its survey cycle has closed.');
    }
  }

  /** Validates one response and builds what the transaction writes. Reads only. */
  private async prepare(
    transaction: Transaction,
    input: SubmitResponseInput,
    questionnaire: QuestionnairePublished,
    cycle: SurveyCycleReplica | undefined,
    options: { submittedOn: string; writtenOn: string; imported: boolean; requestHash: string },
  ): Promise<{ details: ErrorDetail[]; value: PreparedResponse }> {
    const organisation = await this.replicas.organisation(transaction, input.placement.organisationId);
    const educationProvider = input.education
      ? await this.replicas.organisation(transaction, input.education.organisationId)
      : undefined;
    const { details: answerProblems, answers } = validateAnswers(questionnaire.content, input.answers);
    const concern = options.imported ? undefined : answers.seriousConcern;
    const details = [
      ...checkProfile(input.profile, questionnaire.learnerGroups ?? []),
      ...checkPlacement(
        input.placement,
        organisation,
        placementWindow(questionnaire.year, cycle?.year === questionnaire.year ? cycle.closesAt : null),
      ),
      ...(input.education
        ? checkEducation(input.education, educationProvider, input.profile.learnerGroup)
        : []),
      ...answerProblems,
      ...checkContact(input.seriousConcernContact, concern !== undefined),
    ];
    const responseId = randomUUID();
    const followUpCode = concern ? newFollowUpCode() : null;
    // Stored PENDING with the response; CommentRedactionService redacts them before anything can read them.
    const comments: NewCommentRecord[] =
      details.length === 0
        ? answers.comments.map((comment) => ({
            id: randomUUID(),
            questionCode: comment.questionCode,
            originalText: comment.text,
            redactedText: '',
            status: 'PENDING',
            reviewReasons: [],
          }))
        : [];
    const placement = {
      organisationId: input.placement.organisationId,
      siteId: input.placement.siteId ?? null,
    };
    const profile = {
      learnerGroup: input.profile.learnerGroup,
      profession: input.profile.profession,
      programme: input.profile.programme ?? null,
      yearOfTraining: input.profile.yearOfTraining ?? null,
    };
    const education = input.education
      ? { organisationId: input.education.organisationId, programme: input.education.programme }
      : null;
    const record: NewResponseRecord = {
      id: responseId,
      cycleYear: questionnaire.year,
      questionnaireId: questionnaire.questionnaireId,
      questionnaireVersion: questionnaire.version,
      ...placement,
      region: organisation?.region ?? '',
      ...profile,
      educationProviderId: education?.organisationId ?? null,
      programmeCode: education?.programme ?? null,
      specialty: input.placement.specialty?.trim() ?? null,
      placementStart: input.placement.startDate ?? null,
      placementEnd: input.placement.endDate ?? null,
      submittedOn: options.submittedOn,
      imported: options.imported,
      answers: answers.coded,
      comments,
    };
    const outbox: OutboxEntry[] = [];
    if (details.length === 0) {
      outbox.push(
        responseSubmittedEntry(
          {
            responseId,
            cycleYear: questionnaire.year,
            questionnaireId: questionnaire.questionnaireId,
            questionnaireVersion: questionnaire.version,
            submittedOn: options.submittedOn,
            profile,
            placement,
            education,
            answers: answers.coded,
            imported: options.imported,
          },
          options.writtenOn,
        ),
      );
      if (concern && followUpCode) {
        const contact = input.seriousConcernContact;
        outbox.push(
          seriousConcernEntry(
            {
              concernId: randomUUID(),
              followUpCodeHash: sha256Hex(followUpCode),
              cycleYear: questionnaire.year,
              raisedOn: options.submittedOn,
              placement,
              learnerGroup: profile.learnerGroup,
              profession: profile.profession,
              text: concern.text,
              contactDetails: contact
                ? { name: contact.name ?? null, email: contact.email ?? null, phone: contact.phone ?? null }
                : null,
            },
            options.writtenOn,
          ),
        );
      }
    }
    return {
      details,
      value: {
        submission: {
          idempotencyKey: input.idempotencyKey,
          requestHash: options.requestHash,
          responseId,
          receiptCode: newReceiptCode(),
        },
        followUpCode,
        record,
        outbox,
        submittedOn: options.submittedOn,
      },
    };
  }
}

/** Contact details are left out: a hash of a phone number is not safe to keep. */
function requestFingerprint(
  input: Omit<SubmitResponseInput, 'idempotencyKey' | 'seriousConcernContact'> & { submittedOn?: string },
): string {
  return fingerprint({
    questionnaireId: input.questionnaireId,
    profile: input.profile,
    placement: input.placement,
    education: input.education,
    answers: input.answers,
    submittedOn: input.submittedOn,
  });
}
