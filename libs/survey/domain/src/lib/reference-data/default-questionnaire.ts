/**
 * The default NETS questionnaire for this product: the question set a new survey cycle starts from.
 *
 * The questions are written for this product (not copied from any published NETS instrument). They feed every
 * measure in ./measures.ts and map to standards of the HEE Quality Framework 2021 (./quality-framework-2021.ts).
 *
 * Rules the data keeps (asserted in reference-data.spec.ts):
 * - question codes are unique across the whole questionnaire;
 * - a condition only refers to a question that comes EARLIER in document order (across sections) and only to
 *   option codes that question has;
 * - fixed option sets: AGREEMENT_SCALE = STRONGLY_DISAGREE, DISAGREE, NEUTRAL, AGREE, STRONGLY_AGREE;
 *   YES_NO = YES, NO; YES_NO_NA = YES, NO, NA; FREE_TEXT = [];
 * - a conditional question marked `required` is required only when it is shown.
 */

import type { QuestionOption, QuestionnaireContent } from '@nets/survey/contract-events';

const AGREEMENT_OPTIONS: readonly QuestionOption[] = [
  { code: 'STRONGLY_DISAGREE', label: 'Strongly disagree' },
  { code: 'DISAGREE', label: 'Disagree' },
  { code: 'NEUTRAL', label: 'Neither agree nor disagree' },
  { code: 'AGREE', label: 'Agree' },
  { code: 'STRONGLY_AGREE', label: 'Strongly agree' },
];

const YES_NO_OPTIONS: readonly QuestionOption[] = [
  { code: 'YES', label: 'Yes' },
  { code: 'NO', label: 'No' },
];

const RATING_OPTIONS: readonly QuestionOption[] = [
  { code: 'VERY_POOR', label: 'Very poor' },
  { code: 'POOR', label: 'Poor' },
  { code: 'ACCEPTABLE', label: 'Acceptable' },
  { code: 'GOOD', label: 'Good' },
  { code: 'EXCELLENT', label: 'Excellent' },
];

const FEEDBACK_HELP =
  'Please do not include the names of people or places. Names, places, contact details and other identifiers are removed before comments are shared with providers, and comments are only shared where at least three learners have responded.';

export const DEFAULT_QUESTIONNAIRE: QuestionnaireContent = {
  title: 'National Education and Training Survey',
  description:
    'Tell us about the quality of your learning environment in this placement, training post or work-based learning. ' +
    'The survey is open to all healthcare students and trainees and takes about 10 minutes. Your answers are confidential: ' +
    'results are only reported for groups of three or more learners, and names and places are removed from comments. ' +
    'The only exception is if you choose to raise a serious concern at the end of the survey.',
  sections: [
    {
      code: 'PLACEMENT_AND_INDUCTION',
      title: 'Your placement and induction',
      description: 'Think about the placement or training post you are answering for.',
      questions: [
        {
          code: 'Q_INDUCTION',
          type: 'AGREEMENT_SCALE',
          text: 'My induction prepared me well for this placement or training post.',
          helpText:
            'For example: your role in the team, who to ask for support, the policies you must follow, how to access resources and how to raise concerns.',
          required: true,
          options: AGREEMENT_OPTIONS,
          measureKey: 'induction',
          standardCodes: ['3.9'],
        },
        {
          code: 'Q_VALUED_TEAM_MEMBER',
          type: 'AGREEMENT_SCALE',
          text: 'I felt like a valued member of the team I worked with.',
          required: true,
          options: AGREEMENT_OPTIONS,
          standardCodes: ['3.8'],
        },
        {
          code: 'Q_INCLUSIVE_ENVIRONMENT',
          type: 'AGREEMENT_SCALE',
          text: 'I was treated fairly and with respect, whatever my background.',
          required: true,
          options: AGREEMENT_OPTIONS,
          standardCodes: ['1.2', '1.3', '1.8'],
        },
        {
          code: 'Q_LEARNING_FACILITIES',
          type: 'AGREEMENT_SCALE',
          text: 'I had the facilities I needed for learning, such as study space, IT and WiFi, and library and knowledge services.',
          required: true,
          options: AGREEMENT_OPTIONS,
          standardCodes: ['1.11'],
        },
      ],
    },
    {
      code: 'SUPERVISION',
      title: 'Supervision',
      questions: [
        {
          code: 'Q_NAMED_SUPERVISOR',
          type: 'YES_NO',
          text: 'Did you know who was responsible for supervising you during this placement?',
          required: true,
          options: YES_NO_OPTIONS,
          standardCodes: ['3.5', '3.6'],
        },
        {
          code: 'Q_SUPERVISION_QUALITY',
          type: 'SINGLE_CHOICE',
          text: 'How would you rate the overall quality of the supervision you received?',
          helpText: 'Include both clinical (day-to-day) supervision and educational supervision.',
          required: true,
          options: RATING_OPTIONS,
          measureKey: 'supervision-quality',
          standardCodes: ['3.4', '3.5', '3.6'],
        },
        {
          code: 'Q_UNSUPERVISED_TASKS',
          type: 'YES_NO',
          text: 'Were you ever expected to carry out activities or tasks without supervision that you had not been trained or prepared for?',
          required: true,
          options: YES_NO_OPTIONS,
          measureKey: 'not-unsupervised-beyond-competence',
          standardCodes: ['1.5', '3.5', '4.4'],
        },
        {
          code: 'Q_FEEDBACK_ON_PERFORMANCE',
          type: 'AGREEMENT_SCALE',
          text: 'I received regular, constructive feedback on my performance.',
          required: true,
          options: AGREEMENT_OPTIONS,
          standardCodes: ['1.4', '3.6'],
        },
      ],
    },
    {
      code: 'LEARNING_OPPORTUNITIES',
      title: 'Learning opportunities',
      questions: [
        {
          code: 'Q_LEARNING_OPPORTUNITIES',
          type: 'AGREEMENT_SCALE',
          text: 'I had enough access to learning opportunities to meet my learning outcomes or curriculum requirements.',
          required: true,
          options: AGREEMENT_OPTIONS,
          measureKey: 'learning-opportunities',
          standardCodes: ['3.2', '5.1'],
        },
        {
          code: 'Q_MULTIDISCIPLINARY_LEARNING',
          type: 'AGREEMENT_SCALE',
          text: 'I was able to learn from and with people in other professions.',
          required: true,
          options: AGREEMENT_OPTIONS,
          measureKey: 'multidisciplinary-learning',
          standardCodes: ['1.12', '5.4'],
        },
        {
          code: 'Q_LEARNER_FORUM',
          type: 'YES_NO',
          text: 'Did you have access to a group or forum where you could meet other learners and share experiences?',
          helpText:
            'This could be in person or online, for example a learner forum, peer support group or network.',
          required: true,
          options: YES_NO_OPTIONS,
          measureKey: 'learner-forum-access',
          standardCodes: ['1.2', '1.12'],
        },
        {
          code: 'Q_SIMULATION',
          type: 'YES_NO',
          text: 'Did you have access to simulation or immersive learning during this placement?',
          helpText: 'For example simulated clinical scenarios, skills labs, or virtual or augmented reality.',
          required: true,
          options: YES_NO_OPTIONS,
          measureKey: 'simulation-access',
          standardCodes: ['3.2', '5.4'],
        },
      ],
    },
    {
      code: 'WORKLOAD',
      title: 'Workload',
      questions: [
        {
          code: 'Q_WORKLOAD',
          type: 'SINGLE_CHOICE',
          text: 'Which best describes how your workload affected your learning?',
          required: true,
          options: [
            { code: 'TOO_BUSY', label: 'Too busy to give me the learning opportunities I needed' },
            { code: 'ABOUT_RIGHT', label: 'About right for my learning' },
            { code: 'TOO_QUIET', label: 'Too quiet to give me the learning opportunities I needed' },
          ],
          measureKey: 'workload-negative-impact',
          standardCodes: ['5.1', '5.6'],
        },
        {
          code: 'Q_PROTECTED_EDUCATION_TIME',
          type: 'AGREEMENT_SCALE',
          text: 'My rota and workload allowed me to attend the teaching sessions my programme requires.',
          required: true,
          options: AGREEMENT_OPTIONS,
          standardCodes: ['5.6'],
        },
      ],
    },
    {
      code: 'WELLBEING',
      title: 'Wellbeing',
      questions: [
        {
          code: 'Q_WELLBEING_KNOW_HOW',
          type: 'YES_NO',
          text: 'Do you know how to access health and wellbeing support in this organisation?',
          helpText: 'For example occupational health, counselling, or mental health and wellbeing services.',
          required: true,
          options: YES_NO_OPTIONS,
          measureKey: 'wellbeing-know-how-to-access',
          standardCodes: ['3.1'],
        },
        {
          code: 'Q_WELLBEING_ABLE_TO_ACCESS',
          type: 'YES_NO',
          text: 'Do you feel able to use the health and wellbeing support this organisation offers?',
          required: true,
          options: YES_NO_OPTIONS,
          measureKey: 'wellbeing-able-to-access',
          standardCodes: ['3.1'],
        },
      ],
    },
    {
      code: 'PATIENT_SAFETY_AND_CONCERNS',
      title: 'Patient safety and raising concerns',
      questions: [
        {
          code: 'Q_SAFE_CARE',
          type: 'AGREEMENT_SCALE',
          text: 'I saw examples of safe, effective and compassionate care.',
          required: true,
          options: AGREEMENT_OPTIONS,
          measureKey: 'saw-safe-care',
          standardCodes: ['1.5'],
        },
        {
          code: 'Q_SUGGEST_IMPROVEMENTS',
          type: 'AGREEMENT_SCALE',
          text: 'I was encouraged to suggest ways that patient care could be improved.',
          required: true,
          options: AGREEMENT_OPTIONS,
          measureKey: 'encouraged-to-suggest-improvements',
          standardCodes: ['1.4', '1.9'],
        },
        {
          code: 'Q_KNOW_HOW_TO_RAISE_CONCERNS',
          type: 'YES_NO',
          text: 'Do you know how to raise a concern in this organisation, about patient safety, standards of care or your education and training?',
          required: true,
          options: YES_NO_OPTIONS,
          measureKey: 'knows-how-to-raise-concerns',
          standardCodes: ['1.7', '3.9'],
        },
        {
          code: 'Q_COMFORTABLE_RAISING_CONCERNS',
          type: 'AGREEMENT_SCALE',
          text: 'I would feel comfortable raising a concern here, without fear of negative consequences.',
          required: true,
          options: AGREEMENT_OPTIONS,
          measureKey: 'comfortable-raising-concerns',
          standardCodes: ['1.7'],
        },
        {
          code: 'Q_FTSU_GUARDIAN',
          type: 'YES_NO',
          text: 'Do you know how to get support from the Freedom to Speak Up Guardian in this organisation?',
          required: true,
          options: YES_NO_OPTIONS,
          measureKey: 'knows-ftsu-guardian',
          standardCodes: ['1.7'],
        },
      ],
    },
    {
      code: 'BULLYING_DISCRIMINATION_SEXUAL_SAFETY',
      title: 'Bullying, discrimination and sexual safety',
      description:
        'These questions ask about difficult experiences. Your answers are confidential and are only reported for groups of three or more learners. If you need support now, speak to your supervisor, your education provider or the Freedom to Speak Up Guardian.',
      questions: [
        {
          code: 'Q_BULLYING',
          type: 'YES_NO',
          text: 'During this placement, have you experienced bullying or harassment?',
          required: true,
          options: YES_NO_OPTIONS,
          measureKey: 'bullying-experienced',
          standardCodes: ['1.3', '1.6'],
        },
        {
          code: 'Q_BULLYING_REPORTED',
          type: 'YES_NO',
          text: 'Did you report the bullying or harassment to your education, placement or training provider?',
          required: true,
          options: YES_NO_OPTIONS,
          condition: { questionCode: 'Q_BULLYING', anyOf: ['YES'] },
          measureKey: 'bullying-reported',
          standardCodes: ['1.7'],
        },
        {
          code: 'Q_BULLYING_DEALT_WITH',
          type: 'YES_NO',
          text: 'Do you feel the organisation dealt with your concern?',
          required: true,
          options: YES_NO_OPTIONS,
          condition: { questionCode: 'Q_BULLYING_REPORTED', anyOf: ['YES'] },
          measureKey: 'bullying-dealt-with',
          standardCodes: ['1.6', '1.7'],
        },
        {
          code: 'Q_DISCRIMINATION_PATIENTS',
          type: 'YES_NO',
          text: 'During this placement, have you experienced discrimination from patients, service users or their relatives or carers?',
          helpText:
            'For example because of your ethnicity, sex, gender identity, sexual orientation, disability, religion or age.',
          required: true,
          options: YES_NO_OPTIONS,
          measureKey: 'discrimination-by-patients',
          standardCodes: ['1.3', '1.6'],
        },
        {
          code: 'Q_DISCRIMINATION_REPORTED',
          type: 'YES_NO',
          text: 'Did you report the discrimination to your education, placement or training provider?',
          required: true,
          options: YES_NO_OPTIONS,
          condition: { questionCode: 'Q_DISCRIMINATION_PATIENTS', anyOf: ['YES'] },
          measureKey: 'discrimination-reported',
          standardCodes: ['1.7', '2.3'],
        },
        {
          code: 'Q_DISCRIMINATION_DEALT_WITH',
          type: 'YES_NO',
          text: 'Do you feel the organisation dealt with your concern?',
          required: true,
          options: YES_NO_OPTIONS,
          condition: { questionCode: 'Q_DISCRIMINATION_REPORTED', anyOf: ['YES'] },
          measureKey: 'discrimination-dealt-with',
          standardCodes: ['1.7', '2.3'],
        },
        {
          code: 'Q_SEXUAL_BEHAVIOUR',
          type: 'MULTIPLE_CHOICE',
          text: 'During this placement, have you experienced or witnessed unwanted, harmful or inappropriate sexual behaviour? Select all that apply.',
          helpText:
            'This includes comments, jokes, gestures, unwanted touching or any other behaviour of a sexual nature.',
          required: true,
          options: [
            { code: 'BY_STAFF', label: 'Yes, by other staff' },
            { code: 'BY_PATIENTS', label: 'Yes, by patients, service users or their relatives or carers' },
            { code: 'NO', label: 'No', exclusive: true },
          ],
          maxSelections: 2,
          measureKey: 'sexual-behaviour-by-staff',
          standardCodes: ['1.3', '1.6'],
        },
        {
          code: 'Q_SEXUAL_BEHAVIOUR_REPORTED',
          type: 'YES_NO',
          text: 'Did you report what you experienced or witnessed to your education, placement or training provider?',
          required: true,
          options: YES_NO_OPTIONS,
          condition: { questionCode: 'Q_SEXUAL_BEHAVIOUR', anyOf: ['BY_STAFF', 'BY_PATIENTS'] },
          measureKey: 'sexual-behaviour-reported',
          standardCodes: ['1.7'],
        },
        {
          code: 'Q_SEXUAL_BEHAVIOUR_TIMELY_ACTION',
          type: 'YES_NO',
          text: 'Do you feel the organisation took appropriate action in good time?',
          required: true,
          options: YES_NO_OPTIONS,
          condition: { questionCode: 'Q_SEXUAL_BEHAVIOUR_REPORTED', anyOf: ['YES'] },
          measureKey: 'sexual-behaviour-timely-action',
          standardCodes: ['1.6', '1.7'],
        },
      ],
    },
    {
      code: 'OVERALL',
      title: 'Overall',
      questions: [
        {
          code: 'Q_EDUCATION_VALUED',
          type: 'AGREEMENT_SCALE',
          text: 'This organisation (your employer or placement provider) values education and training.',
          required: true,
          options: AGREEMENT_OPTIONS,
          measureKey: 'education-valued',
          standardCodes: ['1.1', '2.4'],
        },
        {
          code: 'Q_OVERALL_EXPERIENCE',
          type: 'SINGLE_CHOICE',
          text: 'Overall, how would you rate your educational experience in this placement or training post?',
          required: true,
          options: RATING_OPTIONS,
          measureKey: 'overall-experience',
          standardCodes: ['1.1', '3.6', '5.1'],
        },
        {
          code: 'Q_RECOMMEND',
          type: 'AGREEMENT_SCALE',
          text: 'I would recommend this placement or training post to a friend or colleague as a place to work or train.',
          required: true,
          options: AGREEMENT_OPTIONS,
          measureKey: 'would-recommend',
          standardCodes: ['1.1', '6.1'],
        },
        {
          code: 'Q_RECOMMEND_REASONS',
          type: 'MULTIPLE_CHOICE',
          text: 'What are the main reasons you would recommend it? Choose up to five.',
          required: true,
          options: [
            { code: 'SUPPORTIVE_COLLEAGUES', label: 'Supportive colleagues' },
            { code: 'ADEQUATE_TEACHING', label: 'Good education, teaching or coaching' },
            { code: 'SUPPORTIVE_ENVIRONMENT', label: 'A supportive learning environment' },
            { code: 'ADEQUATE_SUPERVISION', label: 'Good supervision of clinical duties' },
            { code: 'LEARNING_OPPORTUNITIES', label: 'The learning opportunities available' },
            { code: 'GOOD_INDUCTION', label: 'A good induction' },
            { code: 'MANAGEABLE_WORKLOAD', label: 'A manageable workload' },
            { code: 'MULTIDISCIPLINARY_TEAMWORK', label: 'Working and learning with other professions' },
            { code: 'QUALITY_OF_CARE', label: 'High-quality patient care' },
            { code: 'WELLBEING_SUPPORT', label: 'Support for my health and wellbeing' },
            { code: 'CAREER_PROSPECTS', label: 'Career prospects' },
            { code: 'OTHER', label: 'Something else' },
          ],
          maxSelections: 5,
          condition: { questionCode: 'Q_RECOMMEND', anyOf: ['AGREE', 'STRONGLY_AGREE'] },
          standardCodes: ['1.1'],
        },
        {
          code: 'Q_CONSIDERED_LEAVING',
          type: 'YES_NO',
          text: 'During this placement, have you considered leaving your education or training programme?',
          required: true,
          options: YES_NO_OPTIONS,
          measureKey: 'considered-leaving',
          standardCodes: ['6.1'],
        },
        {
          code: 'Q_LEAVING_REASONS',
          type: 'MULTIPLE_CHOICE',
          text: 'What are the main reasons you considered leaving? Choose up to five.',
          required: true,
          options: [
            { code: 'LACK_OF_LEARNING_OPPORTUNITIES', label: 'Not enough learning opportunities' },
            { code: 'INADEQUATE_TEACHING', label: 'Poor education, teaching or coaching' },
            { code: 'INADEQUATE_SUPERVISION', label: 'Poor supervision' },
            { code: 'CULTURE', label: 'The culture of the learning environment' },
            { code: 'ROTA_STAFFING', label: 'Rota or staffing problems' },
            { code: 'WORKLOAD_TOO_HIGH', label: 'Workload too high' },
            { code: 'STRESS', label: 'Stress' },
            { code: 'OVERWHELMED', label: 'Feeling overwhelmed' },
            { code: 'BULLYING_OR_DISCRIMINATION', label: 'Bullying, harassment or discrimination' },
            { code: 'FINANCIAL_PRESSURES', label: 'Financial pressures' },
            { code: 'HEALTH', label: 'My own physical or mental health' },
            { code: 'PERSONAL_OR_FAMILY', label: 'Personal or family circumstances' },
            { code: 'TRAVEL', label: 'Travel or location of placements' },
            { code: 'CAREER_CHANGE', label: 'I want a different career' },
            { code: 'OTHER', label: 'Something else' },
          ],
          maxSelections: 5,
          condition: { questionCode: 'Q_CONSIDERED_LEAVING', anyOf: ['YES'] },
          standardCodes: ['6.1'],
        },
        {
          code: 'Q_CAREERS_ADVICE',
          type: 'AGREEMENT_SCALE',
          text: 'I had opportunities to get careers advice and learn about other roles and career pathways.',
          required: true,
          options: AGREEMENT_OPTIONS,
          standardCodes: ['6.2'],
        },
      ],
    },
    {
      code: 'COMMENTS',
      title: 'Your comments',
      description: 'Your comments help providers see what to keep doing and what to change.',
      questions: [
        {
          code: 'Q_WORKED_WELL',
          type: 'FREE_TEXT',
          text: 'What worked well in this placement or training post?',
          helpText: FEEDBACK_HELP,
          required: false,
          options: [],
          maxLength: 2000,
          standardCodes: [],
          role: 'FEEDBACK',
        },
        {
          code: 'Q_COULD_IMPROVE',
          type: 'FREE_TEXT',
          text: 'What could be improved in this placement or training post?',
          helpText: FEEDBACK_HELP,
          required: false,
          options: [],
          maxLength: 2000,
          standardCodes: [],
          role: 'FEEDBACK',
        },
      ],
    },
    {
      code: 'SERIOUS_CONCERNS',
      title: 'Serious concerns',
      description:
        'This survey is not the place to report a patient safety incident: please use your organisation’s usual incident reporting process first. ' +
        'If you raise a serious concern here, we have a duty to act on it, so you may be identifiable from your response, and your concern will be shared with the regional quality team.',
      questions: [
        {
          code: 'Q_SERIOUS_CONCERN',
          type: 'YES_NO',
          text: 'Do you wish to raise a serious concern (patient safety or serious concern about your placement)?',
          required: true,
          options: YES_NO_OPTIONS,
          standardCodes: ['1.5', '1.7'],
        },
        {
          code: 'Q_SERIOUS_CONCERN_DETAILS',
          type: 'FREE_TEXT',
          text: 'Please describe your concern.',
          helpText:
            'Tell us what happened, where and when, and whether you have already raised it locally. Your concern goes to the regional quality team, who will follow it up.',
          required: true,
          options: [],
          maxLength: 4000,
          condition: { questionCode: 'Q_SERIOUS_CONCERN', anyOf: ['YES'] },
          standardCodes: ['1.5', '1.7'],
          role: 'SERIOUS_CONCERN',
        },
      ],
    },
  ],
};
