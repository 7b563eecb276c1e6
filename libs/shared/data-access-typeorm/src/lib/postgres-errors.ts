/** The SQLSTATE of a PostgreSQL error, whether raw from pg or wrapped by TypeORM. */
export function postgresErrorCode(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' ? code : undefined;
}

export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (postgresErrorCode(error) !== '23505') return false;
  if (!constraint) return true;
  const candidate = error as { constraint?: unknown; driverError?: { constraint?: unknown } };
  return (candidate.driverError?.constraint ?? candidate.constraint) === constraint;
}
