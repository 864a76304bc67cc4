import type { ReplicaMonitor } from '@shop/db';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of one API process: request counts and latency, replica lag. */
export function createMetrics(replica: ReplicaMonitor, instanceId: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ instance_id: instanceId });
  collectDefaultMetrics({ register: registry });
  const lagSeconds = new Gauge({
    name: 'shop_replica_lag_seconds',
    help: 'Age of the last replayed transaction while the replica is behind (0 when caught up; -1 unreachable)',
    registers: [registry],
  });
  new Gauge({
    name: 'shop_replica_lag_bytes',
    help: 'WAL bytes written on the primary and not yet replayed by the replica (-1 unreachable)',
    registers: [registry],
    // The replica monitor measures continuously; a scrape reads its latest figures.
    collect() {
      this.set(replica.lagBytes() ?? -1);
      lagSeconds.set(replica.lagSeconds() ?? -1);
    },
  });
  return registry;
}

/** Counts and times every request by route; serves GET /metrics (not routed by the edge). */
export function instrument(app: FastifyInstance, registry: Registry): void {
  const requests = new Counter({
    name: 'shop_http_requests_total',
    help: 'HTTP requests answered',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'shop_http_request_duration_seconds',
    help: 'HTTP request duration',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ method: request.method, route, status: reply.statusCode });
    duration.observe({ method: request.method, route }, reply.elapsedTime / 1000);
  });
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    void reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
