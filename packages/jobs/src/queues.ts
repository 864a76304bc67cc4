// The worker tier's queues and jobs (BullMQ): names, job ids and payloads, declared once. The
// worker consumes them; the API (its queue dashboard) and tests name the same queues.

/** BullMQ's key prefix for every queue of the shop (BullMQ's own, not an ioredis keyPrefix). */
export const QUEUE_PREFIX = 'shop:bull';

export const queues = {
  /** Folding shopper events into hot lists, their snapshot to Postgres, presence upkeep. */
  hotlists: 'hotlists',
  /** Delivering the transactional outbox (order confirmations, purchase events). */
  outbox: 'outbox',
} as const;
export type QueueName = (typeof queues)[keyof typeof queues];

/** Job names (dotted: what the job does). Each is a repeatable job of one scheduler. */
export const jobs = {
  foldHotlists: 'hotlists.fold',
  snapshotHotlists: 'hotlists.snapshot',
  relayOutbox: 'outbox.deliver',
} as const;

/**
 * Every worker of every queue runs with the same lock and stalled-check settings: BullMQ's
 * recovery of a stalled job uses whichever worker checked last, so they must agree.
 */
export const workerSettings = {
  lockDuration: 30_000,
  stalledInterval: 15_000,
  maxStalledCount: 2,
} as const;
