import { z } from 'zod';
import { baseConfigSchema, envBoolean, envList, envPort } from '@nets/shared/util-config';

export const surveyWebConfigSchema = baseConfigSchema.extend({
  HOST: z.string().default('127.0.0.1'),
  PORT: envPort(4200),
  /** The gateway's GraphQL endpoint: pages are rendered from it, and /graphql is proxied to it. */
  SURVEY_WEB_GATEWAY_URL: z.url().default('http://127.0.0.1:4000/graphql'),
  /**
   * Send the learner's address to the gateway as X-Forwarded-For. Turn on only when the gateway lists this
   * server in GATEWAY_TRUSTED_PROXIES (its rate limits are per learner then, not per web server).
   */
  SURVEY_WEB_FORWARD_CLIENT_ADDRESS: envBoolean(false),
  /** Load balancers in front of this server whose X-Forwarded-For is believed. */
  SURVEY_WEB_TRUSTED_PROXIES: envList(''),
  /** The built browser bundle, service worker and icons (`npm run -s build:survey-web`). */
  SURVEY_WEB_PUBLIC_DIR: z.string().default('dist/apps/survey-web/public'),
  SURVEY_WEB_SESSION_TTL_MINUTES: z.coerce.number().int().positive().default(120),
  SURVEY_WEB_MAX_SESSIONS: z.coerce.number().int().positive().default(50_000),
  /**
   * Keep learners' sessions in this PostgreSQL database, shared by every replica (migrated by
   * `apps/survey-web/src/migrate.ts`); unset, they live in the process's memory (one replica, or sticky sessions).
   */
  SURVEY_WEB_SESSION_DATABASE_URL: z.url().optional(),
});

export type SurveyWebConfig = z.output<typeof surveyWebConfigSchema>;
