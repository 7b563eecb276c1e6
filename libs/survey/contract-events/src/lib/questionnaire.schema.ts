import { z } from 'zod';

export const QUESTION_TYPES = [
  'AGREEMENT_SCALE',
  'YES_NO',
  'YES_NO_NA',
  'SINGLE_CHOICE',
  'MULTIPLE_CHOICE',
  'FREE_TEXT',
] as const;
export const QUESTION_ROLES = ['SERIOUS_CONCERN', 'FEEDBACK'] as const;
export const MEASURE_POLARITIES = ['HIGHER_IS_BETTER', 'LOWER_IS_BETTER'] as const;

export const questionOptionSchema = z.object({
  code: z.string().min(1),
  label: z.string().min(1),
  /**
   * Chosen alone or not at all: a multiple-choice answer that includes this option may include no other
   * (e.g. "No" beside "Yes, by other staff"). Absent means false; older versions never carry it.
   */
  exclusive: z.boolean().optional(),
});

export const displayConditionSchema = z.object({
  questionCode: z.string().min(1),
  anyOf: z.array(z.string().min(1)).min(1).readonly(),
});

export const questionSchema = z.object({
  code: z.string().min(1),
  type: z.enum(QUESTION_TYPES),
  text: z.string().min(1),
  helpText: z.string().optional(),
  required: z.boolean(),
  options: z.array(questionOptionSchema).readonly(),
  maxSelections: z.number().int().positive().optional(),
  maxLength: z.number().int().positive().optional(),
  condition: displayConditionSchema.optional(),
  measureKey: z.string().optional(),
  standardCodes: z.array(z.string()).readonly(),
  role: z.enum(QUESTION_ROLES).optional(),
});

export const sectionSchema = z.object({
  code: z.string().min(1),
  title: z.string().min(1),
  description: z.string().optional(),
  questions: z.array(questionSchema).readonly(),
});

/** The content of one questionnaire version, as authored and as published. */
export const questionnaireContentSchema = z.object({
  title: z.string().min(1),
  description: z.string(),
  sections: z.array(sectionSchema).readonly(),
});

export const measureDefinitionSchema = z.object({
  key: z.string().min(1),
  title: z.string().min(1),
  description: z.string(),
  questionCode: z.string().min(1),
  positiveOptionCodes: z.array(z.string()).min(1).readonly(),
  polarity: z.enum(MEASURE_POLARITIES),
  standardCodes: z.array(z.string()).readonly(),
  firstYear: z.number().int(),
  theme: z.string(),
});

export const professionDefinitionSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
});

/** A learner group (used for benchmarking) and the professions or programmes within it. */
export const learnerGroupDefinitionSchema = z.object({
  code: z.string().min(1),
  name: z.string().min(1),
  professions: z.array(professionDefinitionSchema).readonly(),
});

export type QuestionType = (typeof QUESTION_TYPES)[number];
export type QuestionRole = (typeof QUESTION_ROLES)[number];
export type MeasurePolarity = (typeof MEASURE_POLARITIES)[number];
export type QuestionOption = z.infer<typeof questionOptionSchema>;
export type DisplayCondition = z.infer<typeof displayConditionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type QuestionnaireContent = z.infer<typeof questionnaireContentSchema>;
export type MeasureDefinition = z.infer<typeof measureDefinitionSchema>;
export type ProfessionDefinition = z.infer<typeof professionDefinitionSchema>;
export type LearnerGroupDefinition = z.infer<typeof learnerGroupDefinitionSchema>;

/** Every question in document order, across sections. */
export function questionsInOrder(content: Pick<QuestionnaireContent, 'sections'>): Question[] {
  return content.sections.flatMap((section) => section.questions);
}
