import { BulkheadRejectedError, bulkhead } from 'cockatiel';
import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, type Registry } from 'prom-client';
import { AppError } from './app-error';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The admission class whose slots this route's handler takes (see `admitRequests`), or
     * false for routes that must answer however busy the process is (health, metrics).
     */
    admission?: string | false;
  }
}

export interface AdmissionClass {
  /** Handlers of the class running at once in this process. */
  concurrency: number;
  /** Requests of the class waiting for a slot; one more is answered 503 at once. */
  queue: number;
}

/** How long a client turned away as busy is asked to wait. */
const BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * Bounded work per process. Each route's handler runs inside its admission class's bulkhead: at
 * most `concurrency` at once and `queue` waiting. A request past that is answered at once with
 * 503 SERVICE_BUSY and Retry-After, so an overload is met fast and honestly instead of piling up
 * until pool waits and timeouts turn into 500s. Classes keep kinds of work apart: a flood of
 * sign-ins (password hashing) cannot take the slots that catalog reads need.
 */
export function admitRequests(
  app: FastifyInstance,
  classes: Record<string, AdmissionClass>,
  options: { defaultClass: string; registry: Registry },
): void {
  const refused = new Counter({
    name: 'shop_admission_refused_total',
    help: 'Requests answered 503 SERVICE_BUSY because their admission class was full',
    labelNames: ['class'],
    registers: [options.registry],
  });
  const policies = new Map(
    Object.entries(classes).map(([name, limits]) => {
      const policy = bulkhead(limits.concurrency, limits.queue);
      policy.onReject(() => refused.inc({ class: name }));
      return [name, { policy, limits }] as const;
    }),
  );
  new Gauge({
    name: 'shop_admission_running',
    help: 'Handlers running, per admission class',
    labelNames: ['class'],
    registers: [options.registry],
    collect() {
      for (const [name, { policy, limits }] of policies) {
        this.set({ class: name }, limits.concurrency - policy.executionSlots);
      }
    },
  });
  new Gauge({
    name: 'shop_admission_queued',
    help: 'Requests waiting for a slot, per admission class',
    labelNames: ['class'],
    registers: [options.registry],
    collect() {
      for (const [name, { policy, limits }] of policies) {
        this.set({ class: name }, limits.queue - policy.queueSlots);
      }
    },
  });

  app.addHook('onRoute', (route) => {
    const name = route.config?.admission ?? options.defaultClass;
    if (name === false) return;
    const entry = policies.get(name);
    if (!entry) throw new Error(`route ${route.url} names an unknown admission class '${name}'`);
    const handler = route.handler;
    route.handler = async function admitted(request, reply) {
      try {
        return await entry.policy.execute(() => handler.call(this, request, reply));
      } catch (error) {
        if (!(error instanceof BulkheadRejectedError)) throw error;
        throw new AppError('SERVICE_BUSY', 'The shop is very busy; please try again.', undefined, {
          retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
        });
      }
    };
  });
}
