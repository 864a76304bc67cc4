import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { registerOTel } from '@vercel/otel';
import { env } from '@/env';
import { LogLineExporter } from './log-spans';

/**
 * Follows each request through the storefront with OpenTelemetry (W3C trace context): Next
 * continues the trace the edge starts (its traceparent carries the edge's request id), and
 * calls to the API carry it on, so the edge and the API log them under the same id. Spans are
 * written as log lines (LogLineExporter), not sent to a tracing backend. Next leaves traceparent
 * out of its data cache's keys, so cached API answers stay shared between shoppers.
 */
export async function traceRequests(): Promise<void> {
  if (!env) return;
  registerOTel({
    serviceName: 'web',
    // Only the shop's own exporter (not the hosting platform's defaults).
    spanProcessors: [new BatchSpanProcessor(new LogLineExporter())],
    instrumentationConfig: {
      fetch: { propagateContextUrls: [new URL(env.API_INTERNAL_URL).origin] },
    },
  });
}
