import { createEvent } from '@nets/shared/contract-events';
import { type NhsRegion, type OrganisationSnapshot } from '@nets/provider-assessment/contract-events';
import { responsesTopic, type ResponseSubmitted } from '@nets/response/contract-events';
import { surveyTopic, type QuestionnairePublished } from '@nets/survey/contract-events';
import {
  organisationRegisteredEvent,
  testMeasure,
  testQuestion,
  testQuestionnaireContent,
  testSection,
  type KeyedEvent,
} from '@nets/platform/testing';

export type { KeyedEvent } from '@nets/platform/testing';

export const MEASURE_KEY = 'induction';
export const REASON_QUESTION = 'Q_RECOMMEND_REASONS';
export const REASON_OPTIONS = ['SUPPORTIVE', 'TEACHING', 'WELLBEING', 'FACILITIES', 'ROTAS'] as const;

/** A UUID that names what it stands for: the year in the first group, a serial in the last. */
export function testId(year: number, serial: number): string {
  return `${year.toString(16).padStart(8, '0')}-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
}

/** Agree is positive: the question of the induction measure. */
export const INDUCTION_QUESTION = testQuestion('Q_INDUCTION', 'AGREEMENT_SCALE', 'I had a good induction.', [
  { code: 'DISAGREE', label: 'Disagree' },
  { code: 'AGREE', label: 'Agree' },
]);

export const INDUCTION_MEASURE = testMeasure({
  key: MEASURE_KEY,
  title: 'Induction',
  description: 'Positive induction',
  questionCode: INDUCTION_QUESTION.code,
  positiveOptionCodes: ['AGREE'],
  theme: 'Learning environment',
});

/** A questionnaire of one higher-is-better measure (agree is positive) and one multiple-choice reason question. */
export function testQuestionnaire(year: number): QuestionnairePublished {
  return {
    questionnaireId: testId(year, 0xfff),
    year,
    version: 1,
    publishedAt: `${year}-01-10T00:00:00.000Z`,
    content: testQuestionnaireContent(`NETS ${year}`, 'Test questionnaire', [
      testSection('MAIN', 'Main', [
        INDUCTION_QUESTION,
        testQuestion(
          REASON_QUESTION,
          'MULTIPLE_CHOICE',
          'Why would you recommend it?',
          REASON_OPTIONS.map((code) => ({ code, label: `Label ${code}` })),
          { required: false },
        ),
      ]),
    ]),
    measures: [INDUCTION_MEASURE],
  };
}

export function questionnaireEvent(year: number): KeyedEvent {
  return {
    key: String(year),
    event: createEvent(surveyTopic, 'nets.survey.questionnaire-published.v1', testQuestionnaire(year), {
      source: '/nets/survey',
    }),
  };
}

export interface TestOrganisation {
  id: string;
  region: NhsRegion;
  siteIds: readonly string[];
  /** A university: an education provider, not a placement provider. */
  educationProvider?: boolean;
}

export function organisationEvent(organisation: TestOrganisation): KeyedEvent {
  const snapshot: OrganisationSnapshot = {
    id: organisation.id,
    odsCode: `R${organisation.id.slice(-4)}`,
    name: `${organisation.educationProvider ? 'University' : 'Trust'} ${organisation.id.slice(-4)}`,
    kind: organisation.educationProvider ? 'UNIVERSITY' : 'NHS_TRUST',
    roles: [organisation.educationProvider ? 'EDUCATION_PROVIDER' : 'PLACEMENT_PROVIDER'],
    region: organisation.region,
    sites: organisation.siteIds.map((id) => ({ id, code: `S${id.slice(-4)}`, name: `Site ${id.slice(-4)}` })),
    status: 'ACTIVE',
    successorId: null,
  };
  return organisationRegisteredEvent(snapshot);
}

export interface TestAnswer {
  organisationId: string;
  siteId: string | null;
  learnerGroup: string;
  profession: string;
  /** The learner's education provider; none (null or absent): the learner named none. */
  educationProviderId?: string | null;
  positive: boolean;
  reasons?: readonly string[];
}

export function responseEvent(year: number, answer: TestAnswer, serial: number): KeyedEvent {
  const data: ResponseSubmitted = {
    responseId: testId(year, 0x100000 + serial),
    cycleYear: year,
    questionnaireId: testId(year, 0xfff),
    questionnaireVersion: 1,
    submittedOn: `${year}-02-01`,
    profile: {
      learnerGroup: answer.learnerGroup,
      profession: answer.profession,
      programme: null,
      yearOfTraining: null,
    },
    placement: { organisationId: answer.organisationId, siteId: answer.siteId },
    education: answer.educationProviderId
      ? { organisationId: answer.educationProviderId, programme: 'TEST_PROGRAMME' }
      : null,
    answers: [
      { questionCode: 'Q_INDUCTION', optionCodes: [answer.positive ? 'AGREE' : 'DISAGREE'] },
      ...(answer.reasons && answer.reasons.length > 0
        ? [{ questionCode: REASON_QUESTION, optionCodes: [...answer.reasons] }]
        : []),
    ],
    imported: false,
  };
  return {
    key: answer.organisationId,
    event: createEvent(responsesTopic, 'nets.response.submitted.v1', data, { source: '/nets/response' }),
  };
}
