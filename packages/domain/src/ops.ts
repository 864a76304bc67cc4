import { z } from 'zod';

// GET /api/admin/ops: the running shop in figures, as Prometheus has them (rates and ratios
// over the last minute), for the /ops page. A figure Prometheus has no value for (no traffic
// yet, a component down) is null.

const figure = z.number().nullable();

/** Requests a second, p95 in milliseconds and the share answered 5xx, over the last minute. */
export const opsTraffic = z.object({
  requestsPerSecond: figure,
  p95Ms: figure,
  errorRatio: figure,
});
export type OpsTraffic = z.infer<typeof opsTraffic>;

export const opsSnapshot = z.object({
  /** When the figures were read. */
  at: z.string(),
  /** Whether Prometheus answered; when down, every figure below is empty or null. */
  metrics: z.enum(['up', 'down']),
  /** Every scraped component: up when its last scrape answered. */
  components: z.array(z.object({ job: z.string(), instance: z.string(), up: z.boolean() })),
  edge: z.object({
    requestsPerSecond: figure,
    activeConnections: figure,
    /** Of the pages through the page cache, the share it answered (the rest the storefront did). */
    pageCacheHitRatio: figure,
    /** Of the pictures through the CDN cache, the share it answered (the rest the image service). */
    cdnHitRatio: figure,
  }),
  /** CPU of the storefront's process, in cores (1 = one core busy). */
  storefront: z.object({ cpu: figure }),
  api: z.array(opsTraffic.extend({ instance: z.string(), cpu: figure })),
  images: opsTraffic.extend({
    cpu: figure,
    /** Of the variants the CDN cache sent on, the share already in S3 (the rest were rendered). */
    storedRatio: figure,
  }),
  /** Reads answered by the cache tier (a process or Redis), per cache. */
  cache: z.array(z.object({ cache: z.string(), hitRatio: figure })),
  replica: z.object({
    lagSeconds: figure,
    lagBytes: figure,
    /** Catalog reads a second that bypassed the cache tier to Postgres (read-your-writes among them). */
    bypassReadsPerSecond: figure,
    /** Reads a second sent to the primary instead of the replica, by reason (read_your_writes, ...). */
    primaryReads: z.array(z.object({ reason: z.string(), perSecond: figure })),
  }),
  queues: z.array(z.object({ queue: z.string(), backlog: figure, failed: figure })),
  hotListAgeSeconds: figure,
  /** Visitors seen in the last five minutes (null when the events Redis does not answer). */
  shoppersOnline: figure,
});
export type OpsSnapshot = z.infer<typeof opsSnapshot>;
