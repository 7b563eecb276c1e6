import { GraphQLError } from 'graphql';
import { BadUserInputError } from '@nets/shared/util-errors';
import { createLogger } from '@nets/shared/util-logger';
import { createErrorFormatter, sqlStateOf } from './error-formatting';

/** What TypeORM's QueryFailedError looks like: the SQL and parameters on it, the driver's error inside. */
const queryFailed = (code: string) =>
  Object.assign(new Error('invalid input syntax for type uuid: "abc"'), {
    query: 'SELECT "concern"."id" FROM "concern" WHERE "id" = $1',
    parameters: ['abc'],
    driverError: Object.assign(new Error('invalid input syntax for type uuid: "abc"'), { code }),
  });

const format = createErrorFormatter(createLogger('test', 'silent'), false);
const asResolverError = (original: Error) =>
  new GraphQLError(original.message, { originalError: original, path: ['concern'] });

describe('createErrorFormatter (issue 13, item 12)', () => {
  it.each(['22P02', '22007', '22008', '22003', '22001', '22021', '23503', '23514'])(
    'answers PostgreSQL %s as BAD_USER_INPUT without SQL',
    (code) => {
      const error = asResolverError(queryFailed(code));
      const formatted = format({ message: error.message, path: ['concern'] }, error);
      expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT' });
      expect(JSON.stringify(formatted)).not.toMatch(/SELECT|uuid|FROM/);
    },
  );

  it('answers a unique violation as CONFLICT and leaves other database failures internal', () => {
    const unique = asResolverError(queryFailed('23505'));
    expect(format({ message: unique.message }, unique).extensions).toEqual({ code: 'CONFLICT' });
    const timeout = asResolverError(queryFailed('57014'));
    const formatted = format({ message: timeout.message }, timeout);
    expect(formatted).toMatchObject({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(formatted)).not.toMatch(/SELECT/);
  });

  it('reads SQLSTATE only from error-shaped codes', () => {
    expect(sqlStateOf({ code: 'ECONNREFUSED' })).toBeUndefined();
    expect(sqlStateOf(queryFailed('22P02'))).toBe('22P02');
    expect(sqlStateOf(undefined)).toBeUndefined();
  });

  it('passes relayed codes through with nothing but code and details', () => {
    const formatted = format(
      {
        message: 'Bad',
        extensions: { code: 'BAD_USER_INPUT', serviceName: 'concerns', response: { url: 'http://10.0.0.1' } },
      },
      new GraphQLError('Bad'),
    );
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });

  it('keeps domain errors with their details', () => {
    const error = asResolverError(new BadUserInputError('No.', [{ path: 'a', message: 'b' }]));
    expect(format({ message: 'No.' }, error).extensions).toEqual({
      code: 'BAD_USER_INPUT',
      details: [{ path: 'a', message: 'b' }],
    });
  });
});
