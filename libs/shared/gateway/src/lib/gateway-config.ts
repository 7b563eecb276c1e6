import { z } from 'zod';
import { authConfigSchema, productionAuthProblems } from '@nets/shared/auth';
import { baseConfigSchema, envList, envPort } from '@nets/shared/util-config';

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
  })
  .extend(authConfigSchema.shape)
  .superRefine((config, context) => {
    for (const message of productionAuthProblems(config))
      context.addIssue({ code: 'custom', message, path: ['AUTH'] });
  })
  .refine((config) => config.NETS_ENV !== 'production' || config.GATEWAY_SECRET !== undefined, {
    message: 'GATEWAY_SECRET is required in production',
    path: ['GATEWAY_SECRET'],
  });

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

/** `SUBGRAPH_PROVIDER_ASSESSMENT_URL=…` overrides the URL of subgraph `provider-assessment`. */
export function subgraphUrlOverrides(env: NodeJS.ProcessEnv): Record<string, string> {
  const overrides: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    const match = /^SUBGRAPH_([A-Z0-9_]+)_URL$/.exec(name);
    if (match && value) overrides[match[1].toLowerCase().replace(/_/g, '-')] = value;
  }
  return overrides;
}
