import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, GraphQLError, visit, type DocumentNode } from 'graphql';

/**
 * Text no field of the platform accepts: a NUL byte (PostgreSQL cannot store it and fails the whole
 * statement) or a lone UTF-16 surrogate (not a character; it cannot be encoded as UTF-8 for the database or
 * a Kafka event). Refused once, before any resolver runs, for inline arguments and variables alike.
 */
export function isUnsafeText(value: string): boolean {
  return value.includes('\u0000') || LONE_SURROGATE.test(value);
}

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (UTF-16 code units). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

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

/** Whether any string literal of the document is unsafe (graphql-js accepts `"\u0000"` as an escape). */
export function documentHasUnsafeText(document: DocumentNode): boolean {
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
