// The test stack's Prometheus (infra/prometheus): it scrapes every component of the shop, and
// its recording rules give the operator's figures.
import { describe, expect, it } from 'vitest';
import { env } from './env';
import { api, waitUntil } from './stack';

interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

async function query(promql: string): Promise<Sample[]> {
  const url = `${env.PROMETHEUS_URL}/api/v1/query?query=${encodeURIComponent(promql)}`;
  const body = (await (await fetch(url)).json()) as {
    status: string;
    data: { result: Sample[] };
  };
  expect(body.status).toBe('success');
  return body.data.result;
}

/** Waits (scrapes and rule evaluations every few seconds) until `promql` has a result. */
async function eventually(promql: string, ok: (samples: Sample[]) => boolean): Promise<Sample[]> {
  let samples: Sample[] = [];
  await waitUntil(
    async () => {
      samples = await query(promql);
      return ok(samples);
    },
    25_000,
    500,
  );
  return samples;
}

describe('Prometheus', () => {
  it('scrapes every component of the shop, and each answers (up == 1)', async () => {
    const expected = {
      api: env.API_REPLICAS,
      worker: env.WORKER_REPLICAS,
      images: 1,
      web: 1,
      edge: 1,
      'edge-log': 1,
      postgres: 2,
      redis: 3,
      prometheus: 1,
    };
    const up = await eventually('up', (samples) => {
      const jobs = new Set(samples.map((s) => s.metric.job));
      return (
        Object.keys(expected).every((job) => jobs.has(job)) &&
        samples.every((s) => s.value[1] === '1')
      );
    });
    const byJob: Record<string, number> = {};
    for (const sample of up) {
      expect(sample.value[1], `${sample.metric.job} ${sample.metric.instance}`).toBe('1');
      byJob[sample.metric.job ?? ''] = (byJob[sample.metric.job ?? ''] ?? 0) + 1;
    }
    expect(byJob).toEqual(expected);
  });

  it("records the API's request rate per route class, and the replica's lag, from live traffic", async () => {
    for (let i = 0; i < 20; i++) await (await api('/api/products?pageSize=2')).arrayBuffer();
    const rates = await eventually(
      'job_route_class:shop_http_requests:rate1m{job="api", route_class="/api/products"}',
      (samples) => samples.some((s) => Number(s.value[1]) > 0),
    );
    expect(Number(rates[0]?.value[1])).toBeGreaterThan(0);
    const lag = await eventually('shop:replica_lag_seconds:max', (samples) => samples.length > 0);
    expect(Number(lag[0]?.value[1])).toBeGreaterThanOrEqual(0);
  });

  it('sees the edge, Postgres replication and the queues through their exporters', async () => {
    await eventually('nginx_connections_accepted', (samples) => samples.length === 1);
    // The page cache's hit ratio, from the edge's cache log. A rate needs hits between two
    // scrapes, and the log has 1 in 10 of the cache's answers (weighed 10): the page is asked
    // for 20 times between looks until the ratio shows.
    await waitUntil(
      async () => {
        for (let i = 0; i < 20; i++) await (await api('/')).arrayBuffer();
        const ratio = await query('area:shop_edge_cache_hits:ratio_rate1m{area="pages"} > 0');
        return ratio.length === 1;
      },
      25_000,
      500,
    );
    // The primary's exporter sees the replica streaming from it.
    await eventually('pg_up{role="replica"} == 1', (samples) => samples.length === 1);
    await eventually('pg_stat_replication_pg_wal_lsn_diff', (samples) => samples.length > 0);
    await eventually('queue:shop_queue_backlog:max', (samples) => samples.length > 0);
  });
});
