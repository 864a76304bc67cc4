import type { ReplicaMonitor } from '@shop/db';
import { createRegistry, type Admission } from '@shop/http';
import { Gauge, type Registry } from 'prom-client';
import { primaryReads } from './read-your-writes';

/**
 * Prometheus metrics of one API process beyond the request metrics of @shop/http: replica lag
 * and the password-hashing slots.
 */
export function createMetrics(
  replica: ReplicaMonitor,
  passwordHashing: Admission,
  instanceId: string,
): Registry {
  const registry = createRegistry(instanceId);
  registry.registerMetric(primaryReads);
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
  new Gauge({
    name: 'shop_password_hashing',
    help: 'Password hashes (sign-in, registration) running and waiting for a slot',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'running' }, passwordHashing.running);
      this.set({ state: 'waiting' }, passwordHashing.waiting);
    },
  });
  return registry;
}
