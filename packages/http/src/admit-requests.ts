import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, type Registry } from 'prom-client';
import { Admission, type AdmissionLimits } from './admission';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * false for routes outside request admission: those that must answer however busy the
     * process is (health, metrics), and those bounded by an admission of their own.
     */
    admission?: false;
  }
}

/** How long a client turned away as busy is asked to wait. */
const BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * Bounded work per process: every route's handler runs inside one Admission (at most
 * `concurrency` at once and `queue` waiting). A request past that is answered at once with 503
 * SERVICE_BUSY and Retry-After, so an overload is met fast and honestly instead of piling up
 * until pool waits and timeouts turn into 500s.
 */
export function admitRequests(
  app: FastifyInstance,
  limits: Pick<AdmissionLimits, 'concurrency' | 'queue'>,
  registry: Registry,
): void {
  const refused = new Counter({
    name: 'shop_admission_refused_total',
    help: 'Requests answered 503 SERVICE_BUSY because the process had no room for them',
    registers: [registry],
  });
  const admission = new Admission(limits, {
    full: 'The shop is very busy; please try again.',
    retryAfterSeconds: BUSY_RETRY_AFTER_SECONDS,
    onRefused: () => refused.inc(),
  });
  new Gauge({
    name: 'shop_admission_running',
    help: 'Request handlers running',
    registers: [registry],
    collect() {
      this.set(admission.running);
    },
  });
  new Gauge({
    name: 'shop_admission_queued',
    help: 'Requests waiting for a handler slot',
    registers: [registry],
    collect() {
      this.set(admission.waiting);
    },
  });

  app.addHook('onRoute', (route) => {
    if (route.config?.admission === false) return;
    const handler = route.handler;
    route.handler = function admitted(request, reply) {
      return admission.run(async () => handler.call(this, request, reply));
    };
  });
}
