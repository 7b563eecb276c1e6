import { randomUUID } from 'node:crypto';
import type { Identity } from '@nets/shared/auth';
import { type UnitOfWork } from '@nets/shared/data-access-typeorm';
import { BadUserInputError, ConflictError, NotFoundError, type ErrorDetail } from '@nets/shared/util-errors';
import { questionsInOrder, type LearnerGroupDefinition, type Question } from '@nets/survey/contract-events';
import type { ResponseDraftRepository } from '@nets/response/data-access';
import type { DraftRecord } from '@nets/response/domain';
import {
  DEFAULT_MAX_TEXT_LENGTH,
  type SubmittedAnswer,
  newResumeToken,
  sha256Hex,
  MAX_ANSWERS,
  MAX_CODE_LENGTH,
  MAX_SHORT_TEXT,
  checkLearnerGroup,
  checkPlacementDates,
  checkStrings,
  placementWindow,
  type PlacementWindow,
} from '@nets/response/domain';
import { assertLearner, checkResumeToken, isWellFormedResumeToken } from '../access/learner-access';
import { assertOpen, isUuid, type ReplicaReads } from '../replicas/replica-reads';
import type { SubmissionRateLimiter } from '../access/submission-rate-limiter';

export interface DraftProfile {
  learnerGroup?: string | null;
  profession?: string | null;
  programme?: string | null;
  yearOfTraining?: number | null;
}

export interface DraftPlacement {
  organisationId?: string | null;
  siteId?: string | null;
  specialty?: string | null;
  startDate?: string | null;
  endDate?: string | null;
}

export interface SaveDraftInput {
  resumeToken?: string | null;
  questionnaireId: string;
  profile?: DraftProfile | null;
  placement?: DraftPlacement | null;
  answers: readonly SubmittedAnswer[];
}

export interface DraftAnswer {
  questionCode: string;
  optionCodes: string[] | null;
  text: string | null;
}

export interface DraftContent {
  profile: DraftProfile;
  placement: DraftPlacement;
  answers: DraftAnswer[];
}

export interface DraftView extends DraftContent {
  questionnaireId: string;
  cycleYear: number;
  savedAt: Date;
  expiresAt: Date | null;
}

/**
 * Saved progress. Drafts are partial, so only their shape is checked here (known questions, sizes); the full
 * rules apply at submission. Contact details are never part of a draft.
 */
export class DraftService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly drafts: ResponseDraftRepository,
    private readonly replicas: ReplicaReads,
    private readonly rateLimiter: SubmissionRateLimiter,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async save(
    input: SaveDraftInput,
    caller: { identity: Identity; clientAddress: string },
  ): Promise<{ resumeToken: string; savedAt: Date; expiresAt: Date | null; omittedQuestionCodes: string[] }> {
    assertLearner(caller.identity);
    await this.rateLimiter.consume(caller.clientAddress);
    const tokenProblems = input.resumeToken == null ? [] : checkResumeToken(input.resumeToken);
    if (tokenProblems.length > 0) throw new BadUserInputError('The draft is not valid.', tokenProblems);
    const { questionnaire, cycle } = await this.replicas.questionnaireAndCycle(
      this.unitOfWork.reads,
      input.questionnaireId,
    );
    const open = assertOpen(cycle, questionnaire.year);
    const questions = questionsInOrder(questionnaire.content);
    // A serious concern leaves the service only on the restricted topic, so its text is never kept in a draft.
    const concernCodes = new Set(questions.filter((q) => q.role === 'SERIOUS_CONCERN').map((q) => q.code));
    const omittedQuestionCodes = input.answers
      .filter((a) => concernCodes.has(a.questionCode) && (a.text ?? '').length > 0)
      .map((a) => a.questionCode);
    const content = toContent({
      ...input,
      answers: input.answers.filter((a) => !concernCodes.has(a.questionCode)),
    });
    const details = [
      ...checkStrings(input, ''),
      ...checkDraftShape(
        content,
        new Map(questions.map((q) => [q.code, q])),
        placementWindow(questionnaire.year, open.closesAt),
        questionnaire.learnerGroups ?? [],
      ),
    ];
    if (details.length > 0) throw new BadUserInputError('The draft is not valid.', details);
    const savedAt = this.clock();
    // Tokens are always the server's: a client-chosen token would let anyone who guesses it read the draft.
    const resumeToken = input.resumeToken ?? newResumeToken();
    if (input.resumeToken != null && !isWellFormedResumeToken(input.resumeToken)) {
      throw new NotFoundError('No draft with this resume token.');
    }
    const hash = sha256Hex(resumeToken);
    await this.unitOfWork.run(async (transaction) => {
      if (input.resumeToken == null) {
        await this.drafts.insert(transaction, {
          id: randomUUID(),
          resumeTokenHash: hash,
          cycleYear: questionnaire.year,
          questionnaireId: questionnaire.questionnaireId,
          content,
          status: 'OPEN',
          savedAt,
        });
        return;
      }
      const draft = await this.drafts.findByTokenHash(transaction, hash, true);
      this.assertResumable(draft, open.year);
      await this.drafts.updateContent(transaction, draft.id, questionnaire.questionnaireId, content, savedAt);
    });
    return { resumeToken, savedAt, expiresAt: open.closesAt, omittedQuestionCodes };
  }

  async resume(resumeToken: string): Promise<DraftView> {
    const problems = checkResumeToken(resumeToken);
    if (problems.length > 0) throw new BadUserInputError('The resume token is not valid.', problems);
    if (!isWellFormedResumeToken(resumeToken)) throw new NotFoundError('No draft with this resume token.');
    const transaction = this.unitOfWork.reads;
    const draft = await this.drafts.findByTokenHash(transaction, sha256Hex(resumeToken));
    const cycle = draft ? await this.replicas.cycle(transaction, draft.cycleYear) : undefined;
    this.assertResumable(draft, cycle?.status === 'OPEN' ? cycle.year : undefined);
    const content = draft.content as DraftContent;
    return {
      ...content,
      questionnaireId: draft.questionnaireId,
      cycleYear: draft.cycleYear,
      savedAt: draft.savedAt,
      expiresAt: cycle?.closesAt ?? null,
    };
  }

  private assertResumable(
    draft: DraftRecord | undefined,
    openYear: number | undefined,
  ): asserts draft is DraftRecord {
    if (!draft) throw new NotFoundError('No draft with this resume token.');
    if (draft.status === 'SUBMITTED') throw new ConflictError('This draft has already been submitted.');
    if (draft.status === 'EXPIRED' || draft.cycleYear !== openYear) {
      throw new ConflictError('This draft has expired: its survey cycle has closed.');
    }
  }
}

function toContent(input: SaveDraftInput): DraftContent {
  return {
    profile: { ...(input.profile ?? {}) },
    placement: { ...(input.placement ?? {}) },
    answers: input.answers.map((a) => ({
      questionCode: a.questionCode,
      optionCodes: a.optionCodes ? [...a.optionCodes] : null,
      text: a.text ?? null,
    })),
  };
}

/**
 * A draft is partial, so each part is checked only if given: codes against the questionnaire version's
 * learner groups and questions, plausible numbers and dates, ids that are UUIDs, each question once, sizes.
 */
function checkDraftShape(
  content: DraftContent,
  questions: ReadonlyMap<string, Question>,
  window: PlacementWindow,
  learnerGroups: readonly LearnerGroupDefinition[],
): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const strings = { ...content.profile, ...content.placement };
  for (const [field, value] of Object.entries(strings)) {
    if (typeof value === 'string' && value.length > MAX_SHORT_TEXT) {
      details.push({ path: field, message: `At most ${MAX_SHORT_TEXT} characters.` });
    }
  }
  const { learnerGroup, profession, yearOfTraining } = content.profile;
  if (learnerGroup != null) details.push(...checkLearnerGroup(learnerGroup, profession, learnerGroups));
  if (yearOfTraining != null && (yearOfTraining < 1 || yearOfTraining > 10)) {
    details.push({ path: 'profile.yearOfTraining', message: 'Year of training must be between 1 and 10.' });
  }
  for (const field of ['organisationId', 'siteId'] as const) {
    const id = content.placement[field];
    if (id != null && !isUuid(id)) {
      details.push({ path: `placement.${field}`, message: 'Not a UUID.' });
    }
  }
  details.push(...checkPlacementDates(content.placement, window));
  if (content.answers.length > MAX_ANSWERS) {
    details.push({ path: 'answers', message: `At most ${MAX_ANSWERS} answers.` });
    return details;
  }
  const seen = new Set<string>();
  content.answers.forEach((answer, index) => {
    const path = `answers[${index}]`;
    const question = questions.get(answer.questionCode);
    const max = question?.maxLength ?? DEFAULT_MAX_TEXT_LENGTH;
    const options = new Set(question?.options.map((option) => option.code));
    const unknownOptions = (answer.optionCodes ?? []).filter((code) => !options.has(code));
    if (!question) {
      details.push({
        path,
        message: `There is no question ${answer.questionCode.slice(0, MAX_CODE_LENGTH)}.`,
      });
    } else if (seen.has(answer.questionCode)) {
      details.push({ path, message: `Question ${answer.questionCode} is answered more than once.` });
    } else if ((answer.text?.length ?? 0) > max) {
      details.push({ path, message: `At most ${max} characters.` });
    } else if ((answer.optionCodes?.length ?? 0) > 50) {
      details.push({ path, message: 'Too many options.' });
    } else if (unknownOptions.length > 0) {
      details.push({
        path,
        message: `Question ${answer.questionCode} has no option ${unknownOptions[0].slice(0, MAX_CODE_LENGTH)}.`,
      });
    }
    seen.add(answer.questionCode);
  });
  return details;
}
