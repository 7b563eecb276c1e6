import { initProcessMetrics } from './metrics';
import { startMetricsServer, type RunningMetricsServer } from './metrics-server';
import { metricsAddress, type ObservabilityConfig } from './observability-config';
import { setMetricsRecording } from './recording';
import { startTracing, type TracingOptions } from './tracing';

interface MinimalLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
}

export interface ProcessObservabilityOptions {
  service: string;
  config: ObservabilityConfig & { HOST: string; PORT: number };
  logger: MinimalLogger;
  /** Test exporters, beside what the environment configures. */
  exporters?: TracingOptions['exporters'];
}

export interface ProcessObservability {
  /** Where Prometheus scrapes this process, when metrics are on. */
  metricsUrl?: string;
  stop(): Promise<void>;
}

/**
 * Metrics and tracing for one process, started before anything else it runs. A metrics port that is taken
 * stops the process only when it was configured explicitly (`METRICS_PORT`); the derived default only warns.
 */
export async function startProcessObservability(
  options: ProcessObservabilityOptions,
): Promise<ProcessObservability> {
  const { service, config, logger } = options;
  const tracing = startTracing({ service, exporters: options.exporters });
  setMetricsRecording(config.METRICS_ENABLED);
  let server: RunningMetricsServer | undefined;
  if (config.METRICS_ENABLED) {
    initProcessMetrics(service);
    const address = metricsAddress(config);
    try {
      server = await startMetricsServer({
        ...address,
        onCollectorError: (error) => logger.warn({ err: error }, 'a metrics collector failed'),
      });
      logger.info({ url: server.url, tracing: tracing.enabled }, `${service} metrics listening`);
    } catch (error) {
      if (config.METRICS_PORT !== undefined) throw error;
      logger.warn({ err: error, port: address.port }, 'metrics port unavailable; serving no metrics');
    }
  }
  return {
    metricsUrl: server?.url,
    async stop() {
      await server?.stop();
      await tracing.shutdown();
    },
  };
}
