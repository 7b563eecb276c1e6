import { z } from 'zod';

/** Database settings every service reads; each service passes its own default database name. */
export const databaseConfigSchema = (defaultDatabase: string) =>
  z.object({
    DATABASE_URL: z.string().default(`postgres://postgres@127.0.0.1:5432/${defaultDatabase}`),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    /** How long a request waits for a pooled connection before failing, instead of waiting forever. */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30000),
  });

export type DatabaseConfig = z.output<ReturnType<typeof databaseConfigSchema>>;
