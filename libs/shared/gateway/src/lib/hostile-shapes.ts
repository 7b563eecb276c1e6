/**
 * Operations built to make a GraphQL server work hard, each within the gateway's body (64 KiB), character
 * (20,000) and, where it matters, token (4,000) limits. Shared by the gateway's HTTP spec (which asserts how
 * each is refused) and the hostile-shapes bench (which times them). Test support: not exported by the lib.
 */
export interface HostileShape {
  name: string;
  build(): { query: string; variables?: Record<string, unknown> };
  /** The code it is refused with. */
  code: 'GRAPHQL_VALIDATION_FAILED' | 'GRAPHQL_PARSE_FAILED' | 'BAD_USER_INPUT';
  message: RegExp;
}

const MAX_CHARACTERS = 20_000;
const times = (count: number, make: (index: number) => string, separator = ' ') =>
  Array.from({ length: count }, (_, index) => make(index)).join(separator);
/** As many copies of `unit` as fit in the character limit with the wrapping text. */
const fill = (unit: string, wrapping: number, limit = MAX_CHARACTERS) =>
  Math.floor((limit - wrapping) / (unit.length + 1));

const nested = (name: string, width: number, depth: number): string =>
  depth === 0 ? name : times(width, () => `${name} { ${nested(name, width, depth - 1)} }`);

export const HOSTILE_SHAPES: readonly HostileShape[] = [
  {
    name: 'one field repeated 3,900 times (the reported attack)',
    build: () => ({ query: `{ ${times(3900, () => 'id')} }` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 2000 fields once its fragments are expanded/,
  },
  {
    name: '__typename repeated to the character limit',
    build: () => ({ query: `{ ${times(fill('__typename', 4), () => '__typename')} }` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 12 times/,
  },
  {
    name: 'one alias repeated 1,300 times',
    build: () => ({ query: `{ ${times(1300, () => 'a: id')} }` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /"a" more than 12 times/,
  },
  {
    name: 'repeats spread over inline fragments',
    build: () => ({ query: `{ ${times(600, () => '... on Query { id }')} }` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 12 times/,
  },
  {
    name: 'repeats spread over 80 fragments',
    build: () => ({
      query: `{ ${times(80, (i) => `...F${i}`)} } ${times(80, (i) => `fragment F${i} on Query { ${times(12, () => 'id')} }`)}`,
    }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 12 times/,
  },
  {
    name: 'a nested tree of repeats (each level 6 wide)',
    build: () => ({ query: `{ ${nested('n', 6, 3)} }` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 12 times/,
  },
  {
    name: 'twelve names twelve times each, three levels deep',
    build: () => ({
      query: `{ ${times(12, (i) => times(12, () => `f${i} { g { h } }`))} }`,
    }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 2000 pairs/,
  },
  {
    name: 'a fragment bomb (each fragment spreads the next twice, 2^60 fields)',
    build: () => ({
      query: `{ ...F0 } ${times(60, (i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`)} fragment F60 on Query { id }`,
    }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 2000 fields once its fragments are expanded/,
  },
  {
    name: 'an unused fragment that repeats a field',
    build: () => ({ query: `{ __typename } fragment U on Query { ${times(1900, () => 'id')} }` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 12 times/,
  },
  {
    name: 'a selection set of 1,900 distinct fields',
    build: () => ({ query: `{ ${times(1900, (i) => `f${i}`)} }` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 150 fields/,
  },
  {
    name: 'deep nesting to the token limit',
    build: () => ({ query: `${'{ a '.repeat(1300)}${'}'.repeat(1300)}` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /nested more than 12 deep/,
  },
  {
    name: 'a field with 1,300 arguments',
    build: () => ({ query: `{ f(${times(1300, (i) => `a${i}: 1`)}) }` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 25 arguments/,
  },
  {
    name: 'a list argument of 1,900 values',
    build: () => ({ query: `{ resultsRelease(year: [${times(1900, () => '1')}]) { year } }` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /./,
  },
  {
    name: 'a list value nested 1,900 deep',
    build: () => ({ query: `{ resultsRelease(year: ${'['.repeat(1900)}1${']'.repeat(1900)}) { year } }` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /value is nested more than 16 deep/,
  },
  {
    name: 'an object value with 1,300 fields',
    build: () => ({
      query: `{ concerns(filter: { ${times(1300, (i) => `k${i}: 1`)} }) { totalCount } }`,
    }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 100 fields/,
  },
  {
    name: '1,900 directives on one field',
    build: () => ({ query: `{ __typename ${times(1900, () => '@a')} }` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 50 directives/,
  },
  {
    name: 'a directive with 1,300 arguments',
    build: () => ({ query: `{ __typename @skip(${times(1300, (i) => `a${i}: 1`)}) }` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 25 arguments/,
  },
  {
    name: '900 declared variables',
    build: () => ({ query: `query Q(${times(900, (i) => `$v${i}: Int`)}) { __typename }` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 100 variables/,
  },
  {
    name: '99 variables with 64 KiB of values',
    build: () => ({
      query: `query Q(${times(99, (i) => `$v${i}: [Int!]`)}) { __typename }`,
      variables: Object.fromEntries(
        times(99, (i) => `v${i}`)
          .split(' ')
          .map((name) => [name, Array(60).fill(1)]),
      ),
    }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /never used/,
  },
  {
    name: '1,300 operations in one document',
    build: () => ({ query: times(1300, () => '{ id }') }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /more than 100 operations and fragments/,
  },
  {
    name: 'a string argument of 19,000 characters',
    build: () => ({ query: `{ f(a: "${'A'.repeat(19_000)}") }` }),
    code: 'GRAPHQL_VALIDATION_FAILED',
    message: /./,
  },
  {
    name: 'more tokens than allowed',
    build: () => ({ query: `{ ${times(4100, () => 'a')} }` }),
    code: 'GRAPHQL_PARSE_FAILED',
    message: /tokens/,
  },
  {
    name: 'an operation over the character limit',
    build: () => ({ query: `{ __typename ${' '.repeat(30_000)}}` }),
    code: 'BAD_USER_INPUT',
    message: /longer than 20000 characters/,
  },
];
