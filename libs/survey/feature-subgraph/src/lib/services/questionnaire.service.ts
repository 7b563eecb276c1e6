import { randomUUID } from 'node:crypto';
import type { UserIdentity } from '@nets/shared/auth';
import { type UnitOfWork } from '@nets/shared/data-access-typeorm';
import { BadUserInputError, ConflictError, NotFoundError } from '@nets/shared/util-errors';
import { questionnaireContentSchema, type QuestionnaireContent } from '@nets/survey/contract-events';
import { type QuestionnaireRepository, type SurveyCycleRepository } from '@nets/survey/data-access';
import { DEFAULT_QUESTIONNAIRE, type QuestionnaireRecord, contentTextProblems } from '@nets/survey/domain';
import { emitSurveyEvent } from '../survey-events';
import type { ReferenceDataService } from './reference-data.service';

export interface SaveDraftInput {
  year: number;
  questionnaireId?: string | null;
  useDefault?: boolean | null;
  /** Parsed and checked here: GraphQL input or any other client shape. */
  content?: unknown;
}

export class QuestionnaireService {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly questionnaires: QuestionnaireRepository,
    private readonly cycles: SurveyCycleRepository,
    private readonly referenceData: ReferenceDataService,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async get(id: string): Promise<QuestionnaireRecord | undefined> {
    return isUuid(id) ? this.questionnaires.findById(this.unitOfWork.reads, id) : undefined;
  }

  async byIds(ids: readonly string[]): Promise<Array<QuestionnaireRecord | undefined>> {
    const found = new Map(
      (await this.questionnaires.findByIds(this.unitOfWork.reads, ids.filter(isUuid))).map((q) => [q.id, q]),
    );
    return ids.map((id) => found.get(id));
  }

  forYear(year: number): Promise<QuestionnaireRecord[]> {
    return this.questionnaires.listForYear(this.unitOfWork.reads, year);
  }

  async saveDraft(input: SaveDraftInput): Promise<QuestionnaireRecord> {
    const content = this.draftContent(input);
    return this.unitOfWork.run(async (transaction) => {
      const cycle = await this.cycles.findByYear(transaction, input.year, true);
      if (!cycle) throw new NotFoundError(`No ${input.year} cycle.`);
      if (cycle.status === 'CLOSED') throw new ConflictError(`The ${input.year} cycle is closed.`);
      if (input.questionnaireId) {
        const named = isUuid(input.questionnaireId)
          ? await this.questionnaires.findById(transaction, input.questionnaireId, true)
          : undefined;
        if (!named || named.year !== input.year) {
          throw new NotFoundError(`No questionnaire ${input.questionnaireId} in the ${input.year} cycle.`);
        }
        if (named.status === 'PUBLISHED') {
          throw new ConflictError(
            `Version ${named.version} was published and is frozen; save a new draft without its id instead.`,
          );
        }
      }
      const draft = await this.questionnaires.findDraft(transaction, input.year, true);
      if (draft) {
        await this.questionnaires.updateDraftContent(transaction, draft.id, content);
        return { ...draft, content, updatedAt: this.clock() };
      }
      const id = randomUUID();
      await this.questionnaires.insertDraft(transaction, { id, year: input.year, content });
      const created = await this.questionnaires.findById(transaction, id);
      if (!created) throw new Error('draft vanished');
      return created;
    });
  }

  async publish(year: number, actor: UserIdentity): Promise<QuestionnaireRecord> {
    const rules = await this.referenceData.publicationRules();
    return this.unitOfWork.run(async (transaction) => {
      const cycle = await this.cycles.findByYear(transaction, year, true);
      if (!cycle) throw new NotFoundError(`No ${year} cycle.`);
      if (cycle.status === 'CLOSED') throw new ConflictError(`The ${year} cycle is closed.`);
      const draft = await this.questionnaires.findDraft(transaction, year, true);
      if (!draft) throw new ConflictError(`The ${year} cycle has no draft questionnaire to publish.`);
      const problems = rules.problemsOf(draft.content);
      if (problems.length > 0) {
        throw new BadUserInputError(
          `The questionnaire cannot be published: ${problems.length} problem(s).`,
          problems,
        );
      }
      const version = await this.questionnaires.nextVersion(transaction, year);
      const publishedAt = this.clock();
      await this.questionnaires.markPublished(transaction, draft.id, {
        version,
        publishedAt,
        publishedBy: actor.subject,
      });
      if (cycle.status === 'OPEN') {
        // New learners get the new version; responses keep pointing at the version they answered.
        await this.cycles.update(transaction, year, { questionnaireId: draft.id });
      }
      await emitSurveyEvent(transaction, 'nets.survey.questionnaire-published.v1', year, {
        questionnaireId: draft.id,
        year,
        version,
        publishedAt: publishedAt.toISOString(),
        content: draft.content,
        measures: rules.measuresFedBy(draft.content),
        learnerGroups: rules.learnerGroups,
      });
      return { ...draft, status: 'PUBLISHED', version, publishedAt, publishedBy: actor.subject };
    });
  }

  private draftContent(input: SaveDraftInput): QuestionnaireContent {
    if (input.useDefault && input.content) {
      throw new BadUserInputError('Give either content or useDefault, not both.');
    }
    const raw = input.useDefault ? DEFAULT_QUESTIONNAIRE : input.content;
    if (!raw) throw new BadUserInputError('Give the questionnaire content, or useDefault: true.');
    const parsed = questionnaireContentSchema.safeParse(stripNulls(raw));
    if (!parsed.success) {
      throw new BadUserInputError(
        'The questionnaire content is malformed.',
        parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
      );
    }
    const problems = contentTextProblems(parsed.data);
    if (problems.length > 0)
      throw new BadUserInputError(
        'The questionnaire content has text that is too long or not allowed.',
        problems,
      );
    return parsed.data;
  }
}

/** GraphQL sends absent optional input fields as null; the content schema uses absent. */
function stripNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripNulls);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== null && item !== undefined)
        .map(([key, item]) => [key, stripNulls(item)]),
    );
  }
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isUuid(value: string): boolean {
  return UUID.test(value);
}
