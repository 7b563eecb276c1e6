import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { renderPage } from '@nets/web/ui-nhsuk';
import {
  formBody,
  isChange,
  openQuestionnaire,
  sessionOf,
  withChange,
  type JourneyDependencies,
} from '../../journey/journey-context';
import type { LearnerSession } from '../../session/learner-session';
import { saveDraftAndShowCode } from '../submission/draft.routes';
import { text } from '../placement/placement.rules';
import {
  askedQuestions,
  fieldName,
  firstInputId,
  questionsOnPage,
  raisesSeriousConcern,
  readSection,
  validateSection,
  type Answers,
  type FieldError,
  type Question,
  type Questionnaire,
} from './questionnaire.rules';

/** An item of nhsuk-frontend's radios or checkboxes, or the "or" divider between them. */
type CheckboxItem =
  | { value: string; text: string; checked: boolean; behaviour?: 'exclusive' }
  | { divider: string };

/** What a question's template needs: nhsuk-frontend macro parameters, ready to pass. */
function questionView(
  question: Question,
  allQuestions: readonly Question[],
  answers: Answers,
  errors: readonly FieldError[],
) {
  const error = errors.find((e) => e.field === firstInputId(question));
  const chosen = answers[question.code]?.optionCodes ?? [];
  const condition = question.condition;
  const controller = condition ? allQuestions.find((q) => q.code === condition.questionCode) : undefined;
  const conditionLabels = controller
    ? controller.options.filter((o) => condition?.anyOf.includes(o.code)).map((o) => `‘${o.label}’`)
    : [];
  const conditionHint =
    controller && condition
      ? `Answer this if you answered ${conditionLabels.join(' or ')} to “${controller.text}”`
      : undefined;
  const hints = [conditionHint, question.helpText].filter(Boolean).join('. ');
  return {
    code: question.code,
    type: question.type,
    name: fieldName(question),
    id: firstInputId(question),
    text: question.text,
    hint: hints || undefined,
    required: question.required,
    maxLength: question.maxLength ?? 2000,
    value: answers[question.code]?.text ?? '',
    errorMessage: error ? { text: error.message } : undefined,
    items: question.options.flatMap((option, index): CheckboxItem[] => {
      const item = { value: option.code, text: option.label, checked: chosen.includes(option.code) };
      if (!option.exclusive) return [item];
      // nhsuk-frontend's "none of these" pattern: an "or" before it, and its script unticks the others.
      const divider = index > 0 && !question.options[index - 1].exclusive ? [{ divider: 'or' }] : [];
      return [...divider, { ...item, behaviour: 'exclusive' as const }];
    }),
    // Read by the page script to hide a question until its condition holds; the server decides regardless.
    conditionAttributes: condition
      ? {
          'data-condition-field': `q-${condition.questionCode}`,
          'data-condition-any-of': condition.anyOf.join(' '),
        }
      : {},
  };
}

const sectionPath = (index: number): string => `/questions/${index + 1}`;

/** Stores the answers; only a real change makes the next submission a new one (a new idempotency key). */
function keepAnswers(deps: JourneyDependencies, session: LearnerSession, answers: Answers): void {
  const canonical = (value: Answers) =>
    JSON.stringify(
      Object.keys(value)
        .sort()
        .map((code) => [code, value[code]]),
    );
  const changed = canonical(answers) !== canonical(session.answers);
  session.answers = answers;
  if (changed) deps.sessions.touch(session);
}

/** Where a finished section leads: the next section that asks something, the concern page, or the check. */
function afterSection(questionnaire: Questionnaire, answers: Answers, index: number): string {
  const asked = askedQuestions(questionnaire, answers);
  for (let next = index + 1; next < questionnaire.sections.length; next += 1) {
    if (questionnaire.sections[next].questions.some((q) => asked.has(q.code))) return sectionPath(next);
  }
  return raisesSeriousConcern(questionnaire, answers) ? '/serious-concern' : '/check-answers';
}

export function registerSectionRoutes(app: FastifyInstance, deps: JourneyDependencies): void {
  const sectionIndex = (request: FastifyRequest, questionnaire: Questionnaire): number | undefined => {
    const index = Number((request.params as { index: string }).index) - 1;
    return Number.isInteger(index) && index >= 0 && index < questionnaire.sections.length ? index : undefined;
  };

  const render = (
    reply: FastifyReply,
    questionnaire: Questionnaire,
    index: number,
    answers: Answers,
    change: boolean,
    errors: FieldError[] = [],
  ) => {
    const section = questionnaire.sections[index];
    const all = questionnaire.sections.flatMap((s) => s.questions);
    const questions = questionsOnPage(section, answers, askedQuestions(questionnaire, answers));
    return renderPage(reply, 'section.njk', {
      title: section.title,
      backHref: index === 0 ? '/placement/details' : sectionPath(index - 1),
      section,
      questions: questions.map((q) => questionView(q, all, answers, errors)),
      progress: { current: index + 1, total: questionnaire.sections.length },
      action: withChange(sectionPath(index), change),
      errors,
    });
  };

  app.get('/questions/:index', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const { questionnaire } = await openQuestionnaire(deps);
    const index = sectionIndex(request, questionnaire);
    if (index === undefined) return reply.callNotFound();
    return render(reply, questionnaire, index, session.answers, isChange(request));
  });

  app.post('/questions/:index', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const { questionnaire } = await openQuestionnaire(deps);
    const index = sectionIndex(request, questionnaire);
    if (index === undefined) return reply.callNotFound();
    const change = isChange(request);
    const section = questionnaire.sections[index];
    const body = formBody(request);
    // Every question of the page was posted (or left empty): replace this page's answers with what came.
    const candidate = { ...session.answers, ...readSection(section.questions, body) };
    const onPage = questionsOnPage(section, candidate, askedQuestions(questionnaire, candidate));
    const posted = readSection(onPage, body);
    const answers: Answers = { ...session.answers };
    for (const question of section.questions) delete answers[question.code];
    Object.assign(answers, posted);
    keepAnswers(deps, session, answers);

    if (text(body, 'action') === 'save') return saveDraftAndShowCode(deps, request, reply, session);
    const errors = validateSection(onPage, answers);
    if (errors.length > 0) return render(reply, questionnaire, index, answers, change, errors);
    if (!change) return reply.redirect(afterSection(questionnaire, answers, index), 303);
    const concernPending = raisesSeriousConcern(questionnaire, answers) && !session.contactDecided;
    return reply.redirect(concernPending ? '/serious-concern?change=1' : '/check-answers', 303);
  });

  // JavaScript's autosave: the page's answers so far, kept without validation (no redirect, no page).
  app.post('/questions/:index/autosave', async (request, reply) => {
    const session = sessionOf(deps, request, reply);
    const { questionnaire } = await openQuestionnaire(deps);
    const index = sectionIndex(request, questionnaire);
    if (index === undefined) return reply.callNotFound();
    const section = questionnaire.sections[index];
    const posted = readSection(section.questions, formBody(request));
    const answers: Answers = { ...session.answers };
    for (const question of section.questions) delete answers[question.code];
    keepAnswers(deps, session, { ...answers, ...posted });
    return reply.code(204).send();
  });
}
