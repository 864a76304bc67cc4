import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, type Registry } from 'prom-client';
import { Admission, type AdmissionLimits } from './admission';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The admission class whose slots this route's handler takes (see `admitRequests`), or
     * false for routes that must answer however busy the process is (health, metrics).
     */
    admission?: string | false;
  }
}

/** Handlers of a class running at once in this process, and requests waiting for a slot. */
export type AdmissionClass = Pick<AdmissionLimits, 'concurrency' | 'queue'>;

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
  const admissions = new Map(
    Object.entries(classes).map(([name, limits]) => [
      name,
      new Admission(limits, {
        full: 'The shop is very busy; please try again.',
        retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
        onRefused: () => refused.inc({ class: name }),
      }),
    ]),
  );
  new Gauge({
    name: 'shop_admission_running',
    help: 'Handlers running, per admission class',
    labelNames: ['class'],
    registers: [options.registry],
    collect() {
      for (const [name, admission] of admissions) this.set({ class: name }, admission.running);
    },
  });
  new Gauge({
    name: 'shop_admission_queued',
    help: 'Requests waiting for a slot, per admission class',
    labelNames: ['class'],
    registers: [options.registry],
    collect() {
      for (const [name, admission] of admissions) this.set({ class: name }, admission.waiting);
    },
  });

  app.addHook('onRoute', (route) => {
    const name = route.config?.admission ?? options.defaultClass;
    if (name === false) return;
    const admission = admissions.get(name);
    if (!admission)
      throw new Error(`route ${route.url} names an unknown admission class '${name}'`);
    const handler = route.handler;
    route.handler = function admitted(request, reply) {
      return admission.run(async () => handler.call(this, request, reply));
    };
  });
}
