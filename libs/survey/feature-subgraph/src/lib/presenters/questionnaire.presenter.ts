import type { QuestionnaireRecord } from '@nets/survey/domain';
import type { Section } from '@nets/survey/contract-events';

/** What the graph shows of a questionnaire version: its content flattened beside its metadata. */
export interface QuestionnaireView {
  id: string;
  year: number;
  version: number | null;
  status: QuestionnaireRecord['status'];
  title: string;
  description: string;
  sections: readonly Section[];
  publishedAt: Date | null;
}

export function toQuestionnaireView(record: QuestionnaireRecord): QuestionnaireView {
  return {
    id: record.id,
    year: record.year,
    version: record.version,
    status: record.status,
    title: record.content.title,
    description: record.content.description,
    sections: record.content.sections,
    publishedAt: record.publishedAt,
  };
}
