import { z } from 'zod';
import { envBoolean } from '@nets/shared/util-config';

/** Variables every process reads for metrics (tracing reads the standard `OTEL_*` ones itself). */
export const observabilityConfigSchema = z.object({
  /** `false` serves no metrics and records none of the per-request ones. */
  METRICS_ENABLED: envBoolean(true),
  /** The port of `GET /metrics`; unset: the service's port + 5000 (gateway 9000, survey 9101, …). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** The address the metrics port listens on; unset: the service's `HOST`. */
  METRICS_HOST: z.string().optional(),
});

export type ObservabilityConfig = z.output<typeof observabilityConfigSchema>;

export const METRICS_PORT_OFFSET = 5000;

export function metricsAddress(config: ObservabilityConfig & { HOST: string; PORT: number }): {
  host: string;
  port: number;
} {
  return {
    host: config.METRICS_HOST ?? config.HOST,
    port: config.METRICS_PORT ?? (config.PORT === 0 ? 0 : config.PORT + METRICS_PORT_OFFSET),
  };
}
