// Flushes the API's catalog cache every FLUSH_MS while bench:catalog measures cache misses (a
// process of its own: wrk runs synchronously in the benchmark's). POST /api/admin/cache/flush
// moves the cache's epoch on and every API process drops its own copies, so each key is cold
// again; the benchmark counts the misses it really got from the replicas' /metrics.
import { flusherEnv } from '../env';

const { FLUSH_EDGE: edge, FLUSH_COOKIE: cookie, FLUSH_MS: every } = flusherEnv();

for (;;) {
  const started = Date.now();
  const response = await fetch(`${edge}/api/admin/cache/flush`, {
    method: 'POST',
    headers: { cookie, origin: edge },
  });
  await response.arrayBuffer();
  // The API is as busy as wrk makes it: a flush refused for now (503) is asked again at once.
  if (response.status === 503) continue;
  if (!response.ok) {
    process.stderr.write(`cache flush answered ${response.status}\n`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, every - (Date.now() - started))));
}
