import { createEvent } from '@nets/shared/contract-events';
import {
  organisationsTopic,
  type NhsRegion,
  type OrganisationSnapshot,
} from '@nets/provider-assessment/contract-events';
import { responsesTopic, type ResponseSubmitted } from '@nets/response/contract-events';
import { surveyTopic, type QuestionnairePublished } from '@nets/survey/contract-events';

/** One message as `publishTestEvents` takes it. */
export interface KeyedEvent {
  key: string;
  event: { id: string; type: string; source: string };
}

export const MEASURE_KEY = 'induction';
export const REASON_QUESTION = 'Q_RECOMMEND_REASONS';
export const REASON_OPTIONS = ['SUPPORTIVE', 'TEACHING', 'WELLBEING', 'FACILITIES', 'ROTAS'] as const;

/** A UUID that names what it stands for: the year in the first group, a serial in the last. */
export function testId(year: number, serial: number): string {
  return `${year.toString(16).padStart(8, '0')}-0000-4000-8000-${serial.toString(16).padStart(12, '0')}`;
}

/** A questionnaire of one higher-is-better measure (agree is positive) and one multiple-choice reason question. */
export function testQuestionnaire(year: number): QuestionnairePublished {
  return {
    questionnaireId: testId(year, 0xfff),
    year,
    version: 1,
    publishedAt: `${year}-01-10T00:00:00.000Z`,
    content: {
      title: `NETS ${year}`,
      description: 'Test questionnaire',
      sections: [
        {
          code: 'MAIN',
          title: 'Main',
          questions: [
            {
              code: 'Q_INDUCTION',
              type: 'AGREEMENT_SCALE',
              text: 'I had a good induction.',
              required: true,
              options: [
                { code: 'DISAGREE', label: 'Disagree' },
                { code: 'AGREE', label: 'Agree' },
              ],
              standardCodes: [],
            },
            {
              code: REASON_QUESTION,
              type: 'MULTIPLE_CHOICE',
              text: 'Why would you recommend it?',
              required: false,
              options: REASON_OPTIONS.map((code) => ({ code, label: `Label ${code}` })),
              standardCodes: [],
            },
          ],
        },
      ],
    },
    measures: [
      {
        key: MEASURE_KEY,
        title: 'Induction',
        description: 'Positive induction',
        questionCode: 'Q_INDUCTION',
        positiveOptionCodes: ['AGREE'],
        polarity: 'HIGHER_IS_BETTER',
        standardCodes: [],
        firstYear: 2019,
        theme: 'Learning environment',
      },
    ],
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
}

export function organisationEvent(organisation: TestOrganisation): KeyedEvent {
  const snapshot: OrganisationSnapshot = {
    id: organisation.id,
    odsCode: `R${organisation.id.slice(-4)}`,
    name: `Trust ${organisation.id.slice(-4)}`,
    kind: 'NHS_TRUST',
    roles: ['PLACEMENT_PROVIDER'],
    region: organisation.region,
    sites: organisation.siteIds.map((id) => ({ id, code: `S${id.slice(-4)}`, name: `Site ${id.slice(-4)}` })),
    status: 'ACTIVE',
    successorId: null,
  };
  return {
    key: organisation.id,
    event: createEvent(
      organisationsTopic,
      'nets.organisation.registered.v1',
      { organisation: snapshot },
      { source: '/nets/provider-assessment' },
    ),
  };
}

export interface TestAnswer {
  organisationId: string;
  siteId: string | null;
  learnerGroup: string;
  profession: string;
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
