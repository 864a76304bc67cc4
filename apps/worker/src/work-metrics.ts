// The worker's figures for Prometheus beyond its HTTP ones, read from Redis when scraped: jobs
// per queue and state (BullMQ's own counts; every worker reports the same queues, so sum them
// with max, not sum) and how long ago the hot lists were last folded from shopper events.
import { hotKeys } from '@shop/jobs';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { Gauge, type Registry } from 'prom-client';

const STATES = ['wait', 'prioritized', 'active', 'delayed', 'failed'] as const;

export function registerWorkMetrics(
  registry: Registry,
  sources: { queues: () => Queue[]; redis: Redis },
): void {
  new Gauge({
    name: 'shop_queue_jobs',
    help: 'Jobs in each BullMQ queue by state when scraped (wait + prioritized: the backlog)',
    labelNames: ['queue', 'state'],
    registers: [registry],
    async collect() {
      try {
        for (const queue of sources.queues()) {
          const counts = await queue.getJobCounts(...STATES);
          for (const state of STATES) this.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      } catch {
        // Redis away: no figures rather than old ones (the worker's readiness says why).
        this.reset();
      }
    },
  });
  new Gauge({
    name: 'shop_hotlist_age_seconds',
    help: 'Seconds since the hot lists were last folded from shopper events',
    registers: [registry],
    async collect() {
      const foldedAt = Number(await sources.redis.hget(hotKeys.meta, 'foldedAt').catch(() => null));
      if (foldedAt > 0) this.set((Date.now() - foldedAt) / 1000);
      else this.reset();
    },
  });
}
