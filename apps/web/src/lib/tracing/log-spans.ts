import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

/**
 * Writes the storefront's finished spans as JSON log lines on stdout, where the log collector
 * picks them up: one `request` line per page or route the server answered, one `fetch` line
 * per call it made to the API. `reqId` is the span's trace id, which the edge sets from its
 * request id (traceparent) and the API gets back as X-Request-Id, so one id finds a request's
 * lines in every tier (`npm run logs -- --request <id>`). Next's inner spans (render, layouts)
 * are not logged.
 */
export class LogLineExporter implements SpanExporter {
  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    let lines = '';
    for (const span of spans) {
      const line = logLineOf(span);
      if (line) lines += `${JSON.stringify(line)}\n`;
    }
    if (lines) process.stdout.write(lines);
    done({ code: ExportResultCode.SUCCESS });
  }

  async shutdown(): Promise<void> {}
}

/** The log line of a span, or undefined for a span not worth a line of its own. */
export function logLineOf(span: ReadableSpan): Record<string, unknown> | undefined {
  const attributes = span.attributes;
  const [seconds, nanos] = span.duration;
  const common = {
    level: span.status.code === SpanStatusCode.ERROR ? 'error' : 'info',
    time: Math.round(span.startTime[0] * 1000 + span.startTime[1] / 1e6),
    service: 'web',
    reqId: span.spanContext().traceId,
    durationMs: Math.round((seconds * 1000 + nanos / 1e6) * 10) / 10,
  };
  if (attributes['next.span_type'] === 'BaseServer.handleRequest') {
    return {
      ...common,
      msg: 'request',
      method: attributes['http.method'],
      url: attributes['http.target'],
      route: attributes['next.route'],
      status: attributes['http.status_code'],
    };
  }
  // A call to the API that left the process (the data cache did not have it).
  if (span.kind === SpanKind.CLIENT && attributes['http.url'] !== undefined) {
    return {
      ...common,
      msg: 'fetch',
      method: attributes['http.method'],
      url: attributes['http.url'],
      status: attributes['http.status_code'],
    };
  }
  return undefined;
}
