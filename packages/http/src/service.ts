import closeWithGrace from 'close-with-grace';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { Redis, type RedisOptions } from 'ioredis';
import pino from 'pino';
import { collectDefaultMetrics, Registry } from 'prom-client';

// What every shop service does the same way around its app: logging options, its metrics
// registry, its Redis connection, and how it starts listening and shuts down.

/** How long a log line may wait in the buffer before it is written. */
const LOG_FLUSH_MS = 1_000;

/**
 * pino's options for a service instance: JSON lines naming the instance; pretty on a terminal.
 * Lines are written 4 KB at a time (or after a second at most) instead of one write per line:
 * at thousands of requests per second, a system call per request line costs a tenth of the
 * throughput. What is buffered is written when the process exits (after an uncaught error too;
 * a SIGKILL loses at most the last second).
 */
export function loggerOptions(level: string, instanceId: string): FastifyServerOptions['logger'] {
  if (process.stdout.isTTY) {
    return { level, base: { instance: instanceId }, transport: { target: 'pino-pretty' } };
  }
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => stream.flush(), LOG_FLUSH_MS).unref();
  return { level, base: { instance: instanceId }, stream };
}

/** The process's Prometheus registry: Node's default metrics, every series naming the instance. */
export function createRegistry(instanceId: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ instance_id: instanceId });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/**
 * What BullMQ needs of a connection: blocking commands wait as long as they must, and commands
 * issued while Redis is away wait for it. For a copy of another connection (`redis.duplicate()`).
 */
export const queueRedisOptions = {
  maxRetriesPerRequest: null,
  enableOfflineQueue: true,
} satisfies RedisOptions;

/**
 * A Redis connection that fails fast instead of queueing commands while Redis is away (a request
 * should get an error, not hang). BullMQ's connections pass `forQueues` (queueRedisOptions).
 */
export function connectRedis(url: string, options: { forQueues?: boolean } = {}): Redis {
  const settings: RedisOptions = options.forQueues
    ? queueRedisOptions
    : { maxRetriesPerRequest: 2, enableOfflineQueue: false };
  return new Redis(url, { lazyConnect: false, ...settings });
}

export interface ServiceOptions {
  app: FastifyInstance;
  host: string;
  port: number;
  /** Redis connections whose errors are logged (ioredis reconnects by itself). */
  redis?: Redis[];
  /** Releases the service's own resources, after the app stopped taking requests. */
  close?: () => Promise<void>;
}

/**
 * Listens, and on SIGTERM/SIGINT (or a crash) stops taking requests, lets those in flight finish
 * (10 s at most), then runs `close`.
 */
export async function runService(options: ServiceOptions): Promise<void> {
  const { app } = options;
  for (const redis of options.redis ?? []) {
    redis.on('error', (err: Error) => app.log.warn({ err: err.message }, 'redis connection error'));
  }
  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
    await options.close?.();
    for (const redis of options.redis ?? []) redis.disconnect();
  });
  await app.listen({ host: options.host, port: options.port });
}

/**
 * True when a Redis command failed because Redis cannot take it now (down, reconnecting, busy
 * running a long script, or too slow to answer within the command timeout): the caller should
 * answer "busy, try again" (503), never a 500.
 */
export function isRedisUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  return (
    error.name === 'MaxRetriesPerRequestError' ||
    error.message.startsWith('BUSY') ||
    error.message.startsWith('LOADING') ||
    error.message.includes("Stream isn't writeable") ||
    error.message.includes('Connection is closed') ||
    // ioredis's commandTimeout: Redis did not answer in time (a busy or stalled server).
    error.message === 'Command timed out'
  );
}
