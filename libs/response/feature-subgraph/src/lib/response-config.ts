import { z } from 'zod';

/** Variables of the response service beyond the shared service configuration. */
export const responseConfigSchema = z.object({
  /** Anonymous submissions and draft saves per client address per window. */
  RESPONSE_SUBMIT_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  RESPONSE_SUBMIT_RATE_WINDOW_SECONDS: z.coerce.number().int().min(1).default(60),
});

export type ResponseConfig = z.output<typeof responseConfigSchema>;
