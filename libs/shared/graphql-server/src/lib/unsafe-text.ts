import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';
import { isUnencodableText } from '@nets/shared/util-text';

/**
 * Text no field of the platform accepts (`isUnencodableText`) is refused once, before any resolver runs, for
 * inline arguments and variables alike.
 */
export const isUnsafeText = isUnencodableText;

/** Where the first unsafe string is in a variables object (`$name.path[0]`), or undefined. */
export function unsafeTextInVariables(variables: Record<string, unknown> | undefined): string | undefined {
  const pending: Array<[unknown, string]> = Object.entries(variables ?? {}).map(([name, value]) => [
    value,
    `$${name}`,
  ]);
  for (let item = pending.pop(); item; item = pending.pop()) {
    const [value, path] = item;
    if (typeof value === 'string') {
      if (isUnsafeText(value)) return path;
    } else if (Array.isArray(value)) {
      value.forEach((element, index) => pending.push([element, `${path}[${index}]`]));
    } else if (value !== null && typeof value === 'object') {
      for (const [key, element] of Object.entries(value)) {
        if (isUnsafeText(key)) return path;
        pending.push([element, `${path}.${key}`]);
      }
    }
  }
  return undefined;
}

/**
 * Apollo Server keeps one parsed document per query text and hands the same node back on every request:
 * each document is walked once (a walk per request was ~1% of the CPU of the gateway and of the response
 * service on the submit path).
 */
const verdicts = new WeakMap<DocumentNode, boolean>();

/** Whether any string literal of the document is unsafe (graphql-js accepts `"\u0000"` as an escape). */
export function documentHasUnsafeText(document: DocumentNode): boolean {
  let verdict = verdicts.get(document);
  if (verdict === undefined) {
    verdict = walkForUnsafeText(document);
    verdicts.set(document, verdict);
  }
  return verdict;
}

function walkForUnsafeText(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (!isUnsafeText(node.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/** Refuses a request carrying unsafe text with BAD_USER_INPUT, before execution. */
export function unsafeTextPlugin<TContext extends object>(): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document }) {
          const inVariable = unsafeTextInVariables(request.variables);
          if (inVariable || documentHasUnsafeText(document)) {
            throw new GraphQLError(
              `Text may not contain NUL characters or unpaired surrogates${inVariable ? ` (${inVariable})` : ''}.`,
              { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } },
            );
          }
        },
      };
    },
  };
}
