import {
  context,
  propagation,
  trace,
  SpanKind,
  SpanStatusCode,
  type Attributes,
  type Context,
  type Span,
  type TextMapGetter,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { detectResources, envDetector, resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ConsoleSpanExporter,
  SimpleSpanProcessor,
  type SpanExporter,
  type SpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

export {
  SpanKind,
  SpanStatusCode,
  context,
  propagation,
  trace,
  type Context,
  type Span,
} from '@opentelemetry/api';

const TRACER_NAME = '@nets/shared/observability';

export interface TracingOptions {
  service: string;
  /** Exporters beyond what the environment configures (tests pass an in-memory one). */
  exporters?: SpanExporter[];
  env?: NodeJS.ProcessEnv;
}

export interface RunningTracing {
  /** Whether spans are recorded and trace context propagated at all (`OTEL_SDK_DISABLED=true` turns it off). */
  enabled: boolean;
  /** Exports what is buffered and stops. */
  shutdown(): Promise<void>;
}

let provider: NodeTracerProvider | undefined;
// Services started in one process (in-process test platforms) share the provider; the last to stop ends it.
let users = 0;

/**
 * OpenTelemetry tracing for this process, from the standard environment variables: W3C `traceparent`
 * propagation always (unless `OTEL_SDK_DISABLED=true`), export only where configured — OTLP over HTTP when
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (or `…_TRACES_ENDPOINT`) is set or `OTEL_TRACES_EXPORTER` names `otlp`,
 * `console` for the console. `OTEL_SERVICE_NAME`, `OTEL_RESOURCE_ATTRIBUTES`, `OTEL_TRACES_SAMPLER` and the
 * `OTEL_BSP_*` batch settings work as everywhere.
 */
export function startTracing(options: TracingOptions): RunningTracing {
  const env = options.env ?? process.env;
  if ((env['OTEL_SDK_DISABLED'] ?? '').trim().toLowerCase() === 'true') {
    return { enabled: false, shutdown: async () => undefined };
  }
  users += 1;
  if (provider) return { enabled: true, shutdown: () => shutdownTracing() };
  const processors: SpanProcessor[] = [
    ...configuredExporters(env).map((exporter) => new BatchSpanProcessor(exporter)),
    ...(options.exporters ?? []).map((exporter) => new SimpleSpanProcessor(exporter)),
  ];
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env['OTEL_SERVICE_NAME'] || options.service }).merge(
      detectResources({ detectors: [envDetector] }),
    ),
    spanProcessors: processors,
  });
  // Registers the W3C trace-context and baggage propagators and the AsyncLocalStorage context manager.
  provider.register();
  return { enabled: true, shutdown: () => shutdownTracing() };
}

async function shutdownTracing(): Promise<void> {
  users -= 1;
  if (users > 0) return;
  const current = provider;
  provider = undefined;
  if (!current) return;
  await current.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
}

function configuredExporters(env: NodeJS.ProcessEnv): SpanExporter[] {
  const names = (env['OTEL_TRACES_EXPORTER'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  const wanted = names.length > 0 ? names : endpoint ? ['otlp'] : [];
  const exporters: SpanExporter[] = [];
  for (const name of wanted) {
    if (name === 'otlp') exporters.push(new OTLPTraceExporter());
    else if (name === 'console') exporters.push(new ConsoleSpanExporter());
  }
  return exporters;
}

export function tracer() {
  return trace.getTracer(TRACER_NAME);
}

/** The active trace context as W3C headers (`traceparent`, `tracestate`): empty when there is none. */
export function traceHeaders(from: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(from, carrier);
  return carrier;
}

type HeaderValue = string | Buffer | ReadonlyArray<string | Buffer> | undefined;
const headerGetter: TextMapGetter<Record<string, HeaderValue>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    if (value === undefined) return undefined;
    const text = (item: string | Buffer) => (Buffer.isBuffer(item) ? item.toString('utf8') : item);
    return typeof value === 'string' || Buffer.isBuffer(value) ? text(value) : value.map(text);
  },
};

/** The trace context that HTTP headers, Kafka headers or a stored carrier name (the root context if none). */
export function contextFromHeaders(headers: Record<string, HeaderValue> | null | undefined): Context {
  return propagation.extract(context.active(), headers ?? {}, headerGetter);
}

/**
 * Runs `work` inside a new span (child of `parent`, else of the active context), ending it with the
 * outcome: an error is recorded on the span and rethrown.
 */
export async function inSpan<T>(
  name: string,
  options: { kind?: SpanKind; attributes?: Attributes; parent?: Context },
  work: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = options.parent ?? context.active();
  return tracer().startActiveSpan(
    name,
    { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes },
    parent,
    async (span) => {
      try {
        return await work(span);
      } catch (error) {
        span.recordException(error instanceof Error ? error : String(error));
        span.setStatus({
          code: SpanStatusCode.ERROR,
          message: error instanceof Error ? error.message : undefined,
        });
        throw error;
      } finally {
        span.end();
      }
    },
  );
}

/** The active span's ids for log lines: `trace_id` and `span_id`, or nothing outside a trace. */
export function activeTraceIds(): { trace_id: string; span_id: string } | Record<string, never> {
  const span = trace.getSpan(context.active());
  if (!span) return {};
  const { traceId, spanId } = span.spanContext();
  return { trace_id: traceId, span_id: spanId };
}
