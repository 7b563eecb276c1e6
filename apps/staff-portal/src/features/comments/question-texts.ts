import type { FastifyRequest } from 'fastify';
import { StaffPortalQuestionTextsDocument } from '../../__generated__/graphql';
import type { PortalDependencies } from '../../portal-context';

/** Question code → its words, for each year asked (a code stays shown as it is when the graph has no text). */
export async function questionTexts(
  deps: PortalDependencies,
  request: FastifyRequest,
  years: readonly number[],
): Promise<ReadonlyMap<number, ReadonlyMap<string, string>>> {
  const entries = await Promise.all(
    [...new Set(years)].map(async (year) => {
      const { surveyCycle } = await deps.graph.request(request, StaffPortalQuestionTextsDocument, { year });
      const questions = surveyCycle?.questionnaire?.sections.flatMap((s) => s.questions) ?? [];
      return [year, new Map(questions.map((q) => [q.code, q.text]))] as const;
    }),
  );
  return new Map(entries);
}
