// GET /internal/metrics — the storefront process's Prometheus metrics (Node's own: CPU, memory,
// event-loop delay, garbage collection), scraped directly on WEB_PORT; the edge answers 404 for
// /internal/ from outside.
import { collectDefaultMetrics, Registry } from 'prom-client';

export const dynamic = 'force-dynamic';

const registry = new Registry();
registry.setDefaultLabels({ instance_id: 'web' });
collectDefaultMetrics({ register: registry });

export async function GET(): Promise<Response> {
  return new Response(await registry.metrics(), {
    headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
  });
}
