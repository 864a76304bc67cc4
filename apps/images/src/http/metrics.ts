import { createRegistry } from '@shop/http';
import { Counter, Gauge, Histogram } from 'prom-client';

/** Prometheus metrics of one image-service process. */
export function createMetrics(
  instanceId: string,
  renderQueue?: { readonly running: number; readonly waiting: number },
) {
  const registry = createRegistry(instanceId);
  return {
    registry,
    /** Variants rendered with sharp: requests whose variant was not yet in S3. */
    renders: new Counter({
      name: 'shop_image_renders_total',
      help: 'Variants rendered with sharp (missing from S3), by output format',
      labelNames: ['format'],
      registers: [registry],
    }),
    renderSeconds: new Histogram({
      name: 'shop_image_render_duration_seconds',
      help: 'Time sharp took to render one variant, by output format',
      labelNames: ['format'],
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    /** Where each answered variant came from: S3, a render, or a render already in flight. */
    variants: new Counter({
      name: 'shop_image_variant_requests_total',
      help: 'Variant requests answered, by source (store, render, shared)',
      labelNames: ['source'],
      registers: [registry],
    }),
    renderAdmission: new Gauge({
      name: 'shop_image_render_admission',
      help: 'Renders running in a slot and waiting for one (refusals are 503s in shop_http_requests_total)',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        this.set({ state: 'running' }, renderQueue?.running ?? 0);
        this.set({ state: 'waiting' }, renderQueue?.waiting ?? 0);
      },
    }),
    uploads: new Counter({
      name: 'shop_image_uploads_total',
      help: 'Uploads accepted (new originals and repeats of a stored one)',
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
