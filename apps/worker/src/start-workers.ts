import { QUEUE_PREFIX, queues, workerSettings, type QueueName } from '@shop/jobs';
import { Queue, Worker, type Job } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Redis } from 'ioredis';

/** What a job does, by its name; its result is kept in BullMQ for the dashboard. */
export type Handlers = Record<string, (job: Job) => Promise<unknown>>;

export interface Schedule {
  queue: QueueName;
  job: string;
  everyMs: number;
}

export interface RunningWorkers {
  running(): boolean;
  /** The queues, as producers (to read their counts). */
  queues: Queue[];
  /** Stops taking jobs and waits for the running ones to finish (BullMQ's graceful close). */
  close(): Promise<void>;
}

/**
 * Declares the repeatable jobs (idempotent: every worker process upserts the same schedulers)
 * and starts one BullMQ worker per queue, one job at a time, with the shared lock and
 * stalled-check settings: a job whose worker died is taken over by another.
 */
export async function startWorkers(options: {
  connection: Redis;
  handlers: Handlers;
  schedules: Schedule[];
  log: FastifyBaseLogger;
}): Promise<RunningWorkers> {
  const { connection, handlers, log } = options;
  const producers = new Map<QueueName, Queue>();
  for (const name of Object.values(queues)) {
    producers.set(name, new Queue(name, { connection, prefix: QUEUE_PREFIX }));
  }
  for (const schedule of options.schedules) {
    await producers.get(schedule.queue)?.upsertJobScheduler(
      schedule.job,
      { every: schedule.everyMs },
      {
        name: schedule.job,
        // Keep a short history for the dashboard, not every run forever.
        opts: { removeOnComplete: 50, removeOnFail: 200 },
      },
    );
  }
  const workers = Object.values(queues).map((name) => {
    const worker = new Worker(
      name,
      async (job) => {
        const handle = handlers[job.name];
        if (!handle) throw new Error(`no handler for job ${job.name}`);
        return handle(job);
      },
      { connection, prefix: QUEUE_PREFIX, concurrency: 1, ...workerSettings },
    );
    worker.on('failed', (job, err) =>
      log.warn({ err, job: job?.name, jobId: job?.id }, 'job failed'),
    );
    worker.on('error', (err) => log.warn({ err: err.message }, 'worker error'));
    return worker;
  });
  let closing = false;
  return {
    running: () => !closing && workers.every((w) => w.isRunning()),
    queues: [...producers.values()],
    close: async () => {
      closing = true;
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...producers.values()].map((q) => q.close()));
    },
  };
}
