import { z } from 'zod';
import { authConfigSchema, productionAuthProblems } from '@nets/shared/auth';
import { databaseConfigSchema } from '@nets/shared/data-access-typeorm';
import { kafkaConfigSchema } from '@nets/shared/data-access-kafka';
import { observabilityConfigSchema } from '@nets/shared/observability';
import { baseConfigSchema, envPort } from '@nets/shared/util-config';

/** Every variable a subgraph service reads, with safe local defaults; production demands the secrets. */
export const serviceConfigSchema = (defaults: { port: number; database: string }) =>
  baseConfigSchema
    .extend({
      HOST: z.string().default('127.0.0.1'),
      PORT: envPort(defaults.port),
      /** Shared secret the gateway presents; when set, requests without it are refused. */
      GATEWAY_SECRET: z.string().min(16).optional(),
      /** How often scheduled jobs run (closing cycles at their time, flagging overdue items). */
      SCHEDULE_INTERVAL_MS: z.coerce.number().int().min(100).default(15000),
    })
    .extend(databaseConfigSchema(defaults.database).shape)
    .extend(kafkaConfigSchema.shape)
    .extend(authConfigSchema.shape)
    .extend(observabilityConfigSchema.shape)
    .superRefine((config, context) => {
      for (const message of productionAuthProblems(config))
        context.addIssue({ code: 'custom', message, path: ['AUTH'] });
    })
    .refine((config) => config.NETS_ENV !== 'production' || config.GATEWAY_SECRET !== undefined, {
      message: 'GATEWAY_SECRET is required in production: subgraphs answer only the gateway',
      path: ['GATEWAY_SECRET'],
    });

export type ServiceConfig = z.output<ReturnType<typeof serviceConfigSchema>>;
