import { randomUUID } from 'node:crypto';
import { errorCode } from '../graphql-client';
import { waitFor } from '../wait-for';
import type { GatewayClient } from './gateway-client';
import type { RegisteredOrganisation } from './registry.steps';
import type { OpenSurvey, QuestionView } from './survey-cycle.steps';

export interface AnswerInput {
  questionCode: string;
  optionCodes?: string[];
  text?: string;
}

export type AnswerOverrides = Record<string, string[] | string>;

/** The text a learner writes in a free-text question no override names, or undefined to leave it blank. */
export type FreeTextAnswer = (question: QuestionView) => string | undefined;

export interface Receipt {
  receiptCode: string;
  seriousConcernFollowUpCode: string | null;
  submittedOn: string;
}

/** A neutral-to-positive choice for any question, so overrides only name what a journey is about. */
function defaultChoice(question: QuestionView): string[] | undefined {
  const codes = question.options.map((option) => option.code);
  switch (question.type) {
    case 'AGREEMENT_SCALE':
      return ['AGREE'];
    case 'YES_NO':
    case 'YES_NO_NA':
      return ['NO'];
    case 'SINGLE_CHOICE':
      return [codes[Math.floor(codes.length / 2)]];
    case 'MULTIPLE_CHOICE':
      return [codes[codes.length - 1]];
    case 'FREE_TEXT':
      return undefined;
  }
}

/**
 * Answers the questionnaire as the form would: in document order, only the questions whose display
 * condition holds, every required one, with `overrides` (option codes or free text) where given and
 * `freeText` for the free-text questions they do not name.
 */
export function answersFor(
  survey: OpenSurvey,
  overrides: AnswerOverrides = {},
  freeText: FreeTextAnswer = () => undefined,
): AnswerInput[] {
  const chosen = new Map<string, string[]>();
  const answers: AnswerInput[] = [];
  for (const question of survey.questionnaire.sections.flatMap((section) => section.questions)) {
    const condition = question.condition;
    if (condition && !(chosen.get(condition.questionCode) ?? []).some((c) => condition.anyOf.includes(c)))
      continue;
    const override = overrides[question.code];
    if (question.type === 'FREE_TEXT') {
      const text = typeof override === 'string' ? override : freeText(question);
      if (text !== undefined) answers.push({ questionCode: question.code, text });
      else if (question.required) throw new Error(`${question.code} needs a text override`);
      continue;
    }
    const optionCodes = Array.isArray(override) ? override : defaultChoice(question);
    if (!optionCodes) continue;
    chosen.set(question.code, optionCodes);
    answers.push({ questionCode: question.code, optionCodes });
  }
  return answers;
}

/** Where the learner was placed: a registered organisation, or just its id and its sites' ids. */
export type Placement = Pick<RegisteredOrganisation, 'id'> & { sites: ReadonlyArray<{ id: string }> };

/** A nursing student's submission of `answers` to `organisation`'s first site, with a fresh idempotency key. */
export function submissionFor(
  survey: { questionnaire: { id: string } },
  organisation: Placement,
  answers: AnswerInput[],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    idempotencyKey: randomUUID(),
    questionnaireId: survey.questionnaire.id,
    profile: { learnerGroup: 'NURSING', profession: 'STUDENT_NURSE_ADULT', programme: 'BSc Nursing' },
    placement: {
      organisationId: organisation.id,
      siteId: organisation.sites[0]?.id,
      specialty: 'Acute medicine',
    },
    answers,
    ...extra,
  };
}

const SUBMIT = `mutation SubmitResponse($input: SubmitResponseInput!) {
  submitResponse(input: $input) { receiptCode seriousConcernFollowUpCode submittedOn }
}`;

/**
 * Submits as an anonymous learner's app does, retrying with the same idempotency key until the response
 * service has learned the organisation and questionnaire from their events (it refuses them until then).
 */
export async function submitWhenKnown(
  gateway: GatewayClient,
  input: Record<string, unknown>,
  { timeoutMs = 45_000 }: { timeoutMs?: number } = {},
): Promise<Receipt> {
  return waitFor(
    async () => {
      const response = await gateway.request<{ submitResponse: Receipt }>(SUBMIT, { input });
      if (response.errors?.length)
        throw new Error(`${String(errorCode(response))}: ${response.errors[0].message}`);
      return response.data?.submitResponse;
    },
    { timeoutMs, intervalMs: 300, description: 'the response service to accept the submission' },
  );
}
