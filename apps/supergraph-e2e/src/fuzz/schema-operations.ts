import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isAbstractType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { graphqlRequest } from '@nets/shared/testing';

export interface FuzzOperation {
  kind: 'query' | 'mutation';
  field: string;
  args: readonly GraphQLArgument[];
  /** The smallest valid selection of the field's type (`{ __typename }` or nothing for a scalar). */
  selection: string;
}

/** The composed API schema, as a client sees it through the gateway. */
export async function introspect(gatewayUrl: string): Promise<GraphQLSchema> {
  const response = await graphqlRequest<IntrospectionQuery>(gatewayUrl, getIntrospectionQuery());
  if (!response.data) throw new Error(`Introspection failed: ${JSON.stringify(response.errors)}`);
  return buildClientSchema(response.data);
}

/** Every mutation, and every query that takes arguments. */
export function operationsToFuzz(schema: GraphQLSchema): FuzzOperation[] {
  const operations: FuzzOperation[] = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      if (kind === 'query' && field.args.length === 0) continue;
      const named = getNamedType(field.type);
      const selection = isObjectType(named) || isAbstractType(named) ? '{ __typename }' : '';
      operations.push({ kind, field: field.name, args: field.args, selection });
    }
  }
  return operations;
}
