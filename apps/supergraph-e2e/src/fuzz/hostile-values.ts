import fc from 'fast-check';
import {
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';

/** Strings a careless server stores, echoes or chokes on. */
const hostileStrings: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '   ',
    'a\u0000b',
    '\u0000',
    '\uD800',
    'x\uDC00y',
    '\u202Egnp.exe',
    "' OR '1'='1",
    '"; DROP TABLE organisation; --',
    'not-a-uuid',
    '00000000-0000-0000-0000-00000000000g',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    '%s%s%s%n',
    '${jndi:ldap://x}',
    'Ward 7B, St Elsewhere General',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

/** Near the top of a request, strings up to past the body limit; deeper, never (a list of them would be huge). */
const stringsAt = (depth: number): fc.Arbitrary<string> =>
  depth > 1
    ? hostileStrings
    : fc.oneof(
        { weight: 9, arbitrary: hostileStrings },
        { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 70_000 }).map((length) => 'A'.repeat(length)) },
      );

const idsAt = (depth: number): fc.Arbitrary<string> =>
  fc.oneof(
    fc.uuid(),
    stringsAt(depth),
    fc.constantFrom('0', '-1', 'null', '1e309', '00000000-0000-0000-0000-000000000000'),
  );

const dateTimes: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    'nope',
    '',
    '2024-13-45T00:00:00Z',
    '2024-02-30T10:00:00Z',
    '0000-00-00T00:00:00Z',
    '1900-01-01T00:00:00Z',
    '3000-01-01T00:00:00Z',
    '9999-12-31T23:59:59.999Z',
    '+275760-09-13T00:00:00Z',
    '2025-01-01',
    '2025-06-01T12:00:00+25:00',
    1_700_000_000_000,
    -1,
  ),
  fc
    .date({ min: new Date('1000-01-01'), max: new Date('9000-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  hostileStrings,
);

const ints: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(0, -1, 2_147_483_647, -2_147_483_648, 1900, 3000, 2025, 1e9),
  fc.integer(),
  fc.constantFrom(2_147_483_648, 1.5, '12', Number.MAX_SAFE_INTEGER + 2),
);

const floats: fc.Arbitrary<unknown> = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(-1, 0, 1e308, -1e308, 'NaN'),
);

/** A value for an input type: mostly the right shape with hostile contents, sometimes the wrong shape. */
export function valueFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) {
    return fc.oneof(
      { weight: 19, arbitrary: valueFor(type.ofType, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  }
  const value = valueForNullable(type, depth);
  return fc.oneof({ weight: 9, arbitrary: value }, { weight: 1, arbitrary: fc.constant(null) });
}

function valueForNullable(type: GraphQLInputType, depth: number): fc.Arbitrary<unknown> {
  if (isListType(type)) {
    const item = valueFor(type.ofType, depth + 1);
    // Long lists only at the top, of small items: nested long lists of long strings would not fit in memory.
    const short = fc.array(item, { maxLength: depth > 2 ? 1 : 4 });
    if (depth > 0) return fc.oneof({ weight: 8, arbitrary: short }, { weight: 1, arbitrary: item });
    const long = fc.array(valueFor(type.ofType, depth + 3), { minLength: 200, maxLength: 1_200 });
    return fc.oneof(
      { weight: 8, arbitrary: short },
      { weight: 1, arbitrary: long },
      { weight: 1, arbitrary: item },
    );
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields());
    if (depth > 4) return fc.constant({});
    const record = fc.record(
      Object.fromEntries(fields.map((field) => [field.name, valueFor(field.type, depth + 1)])),
      { requiredKeys: fields.filter((field) => isNonNullType(field.type)).map((field) => field.name) },
    );
    return fc.oneof(
      { weight: 8, arbitrary: record },
      { weight: 1, arbitrary: record.map((value) => ({ ...value, notAField: 'x' })) },
      { weight: 1, arbitrary: stringsAt(depth) },
    );
  }
  if (isEnumType(type)) {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...type.getValues().map((value) => value.name)) },
      { weight: 1, arbitrary: fc.constantFrom('NOT_A_VALUE', '', 'null', 'a\u0000') },
    );
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return idsAt(depth);
      case 'Int':
        return ints;
      case 'Float':
        return floats;
      case 'Boolean':
        return fc.oneof(
          { weight: 5, arbitrary: fc.boolean() },
          { weight: 1, arbitrary: fc.constantFrom('true', 0) },
        );
      case 'DateTime':
        return dateTimes;
      default:
        return stringsAt(depth);
    }
  }
  return fc.constant(null);
}

/**
 * The value written inline in the operation, as a client could: enum names bare where they look like
 * names, strings with JSON's escapes (valid GraphQL escapes too).
 */
export function toLiteral(value: unknown, type: GraphQLInputType): string {
  if (value === null || value === undefined) return 'null';
  const inner = isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) {
    const item = isListType(inner) ? inner.ofType : inner;
    return `[${value.map((element) => toLiteral(element, item)).join(', ')}]`;
  }
  if (typeof value === 'object') {
    const fields = isInputObjectType(inner) ? inner.getFields() : {};
    return `{ ${Object.entries(value)
      .map(([key, element]) => `${key}: ${toLiteral(element, fields[key]?.type ?? inner)}`)
      .join(', ')} }`;
  }
  if (typeof value === 'string') {
    const enumName =
      isEnumType(inner) &&
      /^[_A-Za-z][_0-9A-Za-z]*$/.test(value) &&
      !['true', 'false', 'null'].includes(value);
    return enumName ? value : JSON.stringify(value);
  }
  return JSON.stringify(value);
}
