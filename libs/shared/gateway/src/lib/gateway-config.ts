import { z } from 'zod';
import { authConfigSchema, productionAuthProblems } from '@nets/shared/auth';
import { observabilityConfigSchema } from '@nets/shared/observability';
import { baseConfigSchema, envList, envPort } from '@nets/shared/util-config';
import { DEFAULT_OPERATION_LIMITS } from './operation-limits';

export const gatewayConfigSchema = baseConfigSchema
  .extend({
    HOST: z.string().default('127.0.0.1'),
    PORT: envPort(4000),
    SUPERGRAPH_PATH: z.string().default('apps/gateway/supergraph.graphql'),
    /** Proves the gateway to the subgraphs; required in production. */
    GATEWAY_SECRET: z.string().min(16).optional(),
    GATEWAY_MAX_DEPTH: z.coerce.number().int().positive().default(12),
    GATEWAY_MAX_ALIASES: z.coerce.number().int().positive().default(20),
    GATEWAY_MAX_COST: z.coerce.number().int().positive().default(5000),
    GATEWAY_MAX_TOKENS: z.coerce.number().int().positive().default(4000),
    GATEWAY_MAX_BODY_BYTES: z.coerce.number().int().positive().default(65536),
    /**
     * Comma-separated addresses or CIDR ranges of the load balancers in front of the gateway. Only their
     * `X-Forwarded-For` is believed; the client address it gives is what subgraphs rate-limit on.
     */
    GATEWAY_TRUSTED_PROXIES: envList(''),
    /** Keep-alive sockets per subgraph. */
    GATEWAY_SUBGRAPH_CONNECTIONS: z.coerce.number().int().positive().default(64),
    /** Fields one selection set may select, its fragments expanded (checked before validation). */
    GATEWAY_MAX_SELECTIONS: z.coerce
      .number()
      .int()
      .positive()
      .default(DEFAULT_OPERATION_LIMITS.maxSelections),
    /** Times one response name may be selected in one selection set (checked before validation). */
    GATEWAY_MAX_FIELD_REPEATS: z.coerce
      .number()
      .int()
      .positive()
      .default(DEFAULT_OPERATION_LIMITS.maxFieldRepeats),
    /**
     * Comma-separated origins (`https://host[:port]`) browsers may call the gateway from. Unset: none in
     * production, the local web apps in development and tests. `none` for none anywhere (an empty value
     * means unset, as everywhere in our configuration).
     */
    GATEWAY_CORS_ORIGINS: z
      .string()
      .optional()
      .transform((value) =>
        value?.trim() === 'none'
          ? []
          : value
              ?.split(',')
              .map((item) => item.trim())
              .filter(Boolean),
      )
      .pipe(
        z
          .array(
            z.string().refine(isOrigin, {
              message: 'each origin must be scheme://host[:port], without a path or a wildcard',
            }),
          )
          .optional(),
      ),
  })
  .extend(authConfigSchema.shape)
  .extend(observabilityConfigSchema.shape)
  .superRefine((config, context) => {
    for (const message of productionAuthProblems(config))
      context.addIssue({ code: 'custom', message, path: ['AUTH'] });
  })
  .refine((config) => config.NETS_ENV !== 'production' || config.GATEWAY_SECRET !== undefined, {
    message: 'GATEWAY_SECRET is required in production',
    path: ['GATEWAY_SECRET'],
  });

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

/** The learner survey web app (4200) and the staff portal (4300), as a developer opens them. */
export const DEVELOPMENT_CORS_ORIGINS = [
  'http://127.0.0.1:4200',
  'http://localhost:4200',
  'http://127.0.0.1:4300',
  'http://localhost:4300',
] as const;

/** The origins browsers may call from: as configured, else none in production and the local web apps otherwise. */
export function corsOrigins(config: Pick<GatewayConfig, 'NETS_ENV' | 'GATEWAY_CORS_ORIGINS'>): string[] {
  if (config.GATEWAY_CORS_ORIGINS) return config.GATEWAY_CORS_ORIGINS;
  return config.NETS_ENV === 'production' ? [] : [...DEVELOPMENT_CORS_ORIGINS];
}

function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (
      (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value && !value.includes('*')
    );
  } catch {
    return false;
  }
}

/** `SUBGRAPH_PROVIDER_ASSESSMENT_URL=…` overrides the URL of subgraph `provider-assessment`. */
export function subgraphUrlOverrides(env: NodeJS.ProcessEnv): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_([A-Z0-9_]+)_URL$/.exec(name);
    if (match && value) overrides[match[1].toLowerCase().replace(/_/g, '-')] = value;
  }
  return overrides;
}
