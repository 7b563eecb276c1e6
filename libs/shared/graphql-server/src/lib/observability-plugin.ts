import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { OperationTypeNode, type FieldNode, type OperationDefinitionNode, type SelectionNode } from 'graphql';
import {
  graphqlErrors,
  graphqlMutations,
  graphqlOperations,
  metricsRecording,
  secondsSince,
  trace,
} from '@nets/shared/observability';

/**
 * Per operation: its latency by name, type and outcome; every error by code; each root mutation field's
 * outcome (ok, or refused with its code): `submitResponse` refused by `BAD_USER_INPUT` is a refusal reason.
 * The operation's name and type also go on the request's span.
 */
export function observabilityPlugin<TContext extends BaseContext>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      const start = process.hrtime.bigint();
      let operation: OperationDefinitionNode | undefined;
      return {
        async didResolveOperation(requestContext) {
          operation = requestContext.operation;
          const span = trace.getActiveSpan();
          span?.setAttribute('graphql.operation.name', requestContext.operationName ?? 'anonymous');
          if (operation) span?.setAttribute('graphql.operation.type', operation.operation);
        },
        async willSendResponse(requestContext) {
          if (!metricsRecording()) return;
          const errors = requestContext.errors ?? [];
          const outcome = errors.length > 0 ? 'error' : 'ok';
          graphqlOperations
            .labels({
              operation: operationLabel(requestContext.operationName, operation),
              type: operation?.operation ?? 'unknown',
              outcome,
            })
            .observe(secondsSince(start));
          for (const error of errors) {
            const code = error.extensions?.['code'];
            graphqlErrors.labels({ code: typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR' }).inc();
          }
          if (operation?.operation !== OperationTypeNode.MUTATION) return;
          for (const selection of operation.selectionSet.selections.filter(isField)) {
            const field = selection.name.value;
            const key = selection.alias?.value ?? field;
            const failed =
              errors.find((error) => error.path?.[0] === key) ??
              errors.find((error) => error.path === undefined || error.path.length === 0);
            const code = failed?.extensions?.['code'];
            graphqlMutations
              .labels({
                field,
                outcome: failed ? 'refused' : 'ok',
                code: failed ? (typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR') : '',
              })
              .inc();
          }
        },
      };
    },
  };
}

function isField(selection: SelectionNode): selection is FieldNode {
  return selection.kind === ('Field' as SelectionNode['kind']);
}

/** The client's operation name: the gateway's query plan names a subgraph's part `<name>__<subgraph>__<n>`. */
function operationLabel(
  name: string | null | undefined,
  operation: OperationDefinitionNode | undefined,
): string {
  if (!operation) return 'invalid';
  return name ? name.replace(/__[A-Za-z0-9_-]+__\d+$/, '') : 'anonymous';
}
