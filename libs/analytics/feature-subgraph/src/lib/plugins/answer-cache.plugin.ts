import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import {
  Kind,
  OperationTypeNode,
  type FormattedExecutionResult,
  type OperationDefinitionNode,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import type { Identity } from '@nets/shared/auth';
import type { AnalyticsContext } from '../analytics-context';
import type { ReleasedCycles } from './released-cycles';

/**
 * Root fields whose answer is a function of the reader's scope, the arguments and which cycles are
 * released: released results never change, and an unreleased cycle answers the same (nothing) until its
 * release. `resultsRelease` (a live count) and `_entities` (which consults the organisation registry) are
 * never cached.
 */
const RELEASED_RESULT_FIELDS: ReadonlySet<string> = new Set([
  'measureResults',
  'measureTrend',
  'reasonRanking',
  'qualityFlags',
  'nationalSummary',
]);

export interface AnswerCacheOptions {
  /** Bound on the cached answers' size (their JSON length), default 64 MiB. */
  maxBytes?: number;
}

/** What results a reader may see depends on these, never on who they are beyond them. */
function scopeOf(identity: Identity): string | undefined {
  if (identity.kind !== 'user') return undefined;
  return `${identity.role}|${identity.organisationId ?? ''}|${identity.region ?? ''}`;
}

function isReleasedResultsQuery(operation: OperationDefinitionNode | undefined): boolean {
  return (
    operation?.operation === OperationTypeNode.QUERY &&
    operation.selectionSet.selections.every(
      (selection) =>
        selection.kind === Kind.FIELD &&
        (RELEASED_RESULT_FIELDS.has(selection.name.value) || selection.name.value === '__typename'),
    )
  );
}

/**
 * Keeps whole answers to released-results queries, keyed by the released cycles, the reader's scope, the
 * query and its variables, so a dashboard asked again skips execution: a national breakdown is thousands
 * of rows. A release changes the key of every answer, so nothing cached before it is served after, by any
 * replica: the released cycles are read from the database for every cacheable request (see ReleasedCycles).
 */
export function answerCachePlugin(
  releases: ReleasedCycles,
  options: AnswerCacheOptions = {},
): ApolloServerPlugin<AnalyticsContext> {
  const answers = new LRUCache<string, FormattedExecutionResult>({
    maxSize: options.maxBytes ?? 64 * 1024 * 1024,
    sizeCalculation: (answer) => Math.max(1, JSON.stringify(answer).length),
  });
  const keyOf = async (request: GraphQLRequestContext<AnalyticsContext>): Promise<string | undefined> => {
    const scope = scopeOf(request.contextValue.identity);
    if (!scope || !isReleasedResultsQuery(request.operation) || request.source === undefined)
      return undefined;
    const released = [...(await releases.releasedYears())].sort((a, b) => a - b).join(',');
    return JSON.stringify([
      released,
      scope,
      request.source,
      request.operationName ?? null,
      request.request.variables ?? {},
    ]);
  };
  return {
    async requestDidStart() {
      let key: string | undefined;
      return {
        async responseForOperation(request) {
          key = await keyOf(request);
          const answer = key === undefined ? undefined : answers.get(key);
          if (!answer) return null;
          key = undefined;
          return { http: request.response.http, body: { kind: 'single', singleResult: answer } };
        },
        async willSendResponse({ response }) {
          if (key === undefined || response.body.kind !== 'single') return;
          const answer = response.body.singleResult;
          if (answer.errors === undefined && answer.data) answers.set(key, answer);
        },
      };
    },
  };
}
