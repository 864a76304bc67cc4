// The running shop in figures for the /ops page: instant queries of the recording rules
// (infra/prometheus/rules.yml) against Prometheus, all at once, plus who is online from the
// events Redis. Prometheus away, or a query failing, leaves figures empty: the page says so
// and the shop goes on.
import type { OpsSnapshot, OpsTraffic } from '@shop/domain';
import { ONLINE_WINDOW_MS, presenceKeys } from '@shop/jobs';
import type { Redis } from 'ioredis';

interface Sample {
  metric: Record<string, string>;
  value: [number, string];
}

/** How long one query may take: the page asks every two seconds. */
const QUERY_TIMEOUT_MS = 1_500;

const queries = {
  up: 'up',
  edgeRate: 'shop:edge_requests:rate1m',
  edgeConnections: 'shop:edge_connections_active',
  edgeHits: 'area:shop_edge_cache_hits:ratio_rate1m',
  apiRate: 'job_instance:shop_http_requests:rate1m{job="api"}',
  apiP95: 'job_instance:shop_http_request_duration_seconds:p95_1m{job="api"}',
  apiErrors: 'job_instance:shop_http_errors:ratio_rate1m{job="api"}',
  imagesRate: 'job:shop_http_requests:rate1m{job="images"}',
  imagesP95: 'job:shop_http_request_duration_seconds:p95_1m{job="images"}',
  imagesErrors: 'job:shop_http_errors:ratio_rate1m{job="images"}',
  imagesStored: 'shop:image_variants_stored:ratio_rate1m',
  cacheHits: 'cache:shop_cache_hits:ratio_rate1m',
  lagSeconds: 'shop:replica_lag_seconds:max',
  lagBytes: 'shop:replica_lag_bytes:max',
  bypassReads: 'sum(cache_level:shop_cache_reads:rate1m{level="BYPASS"})',
  primaryReads: 'reason:shop_primary_reads:rate1m',
  queueBacklog: 'queue:shop_queue_backlog:max',
  queueFailed: 'queue_state:shop_queue_jobs:max{state="failed"}',
  hotListAge: 'shop:hotlist_age_seconds:min',
  cpu: 'sum by (job, instance_id) (rate(process_cpu_seconds_total{job=~"api|web|images"}[1m]))',
} as const;
type Results = Record<keyof typeof queries, Sample[]>;
/** What the figures are made of when Prometheus does not answer. */
const nothing = Object.fromEntries(
  Object.keys(queries).map((name) => [name, []]),
) as unknown as Results;

/** A sample's number; NaN (0/0: no traffic) and a missing sample are null. */
function numberOf(sample: Sample | undefined, scale = 1): number | null {
  const value = sample ? Number(sample.value[1]) : NaN;
  return Number.isFinite(value) ? value * scale : null;
}

const first = (samples: Sample[]) => samples[0];
const byLabel = (samples: Sample[], label: string, value: string | undefined) =>
  samples.find((sample) => sample.metric[label] === value);

export class OpsReader {
  constructor(
    private readonly prometheusUrl: string | undefined,
    private readonly eventsRedis: Redis,
  ) {}

  async read(now = Date.now()): Promise<OpsSnapshot> {
    const [results, online] = await Promise.all([
      this.queryAll(),
      this.eventsRedis
        .zcount(presenceKeys.visitors, now - ONLINE_WINDOW_MS, '+inf')
        .catch(() => null),
    ]);
    const r = results ?? nothing;
    const traffic = (rate?: Sample, p95?: Sample, errors?: Sample): OpsTraffic => ({
      requestsPerSecond: numberOf(rate),
      p95Ms: numberOf(p95, 1000),
      errorRatio: numberOf(errors),
    });
    return {
      at: new Date(now).toISOString(),
      metrics: results ? 'up' : 'down',
      components: r.up
        .map((s) => ({
          job: s.metric.job ?? '',
          instance: s.metric.role ?? s.metric.instance ?? '',
          up: s.value[1] === '1',
        }))
        .sort((a, b) => a.job.localeCompare(b.job) || a.instance.localeCompare(b.instance)),
      edge: {
        requestsPerSecond: numberOf(first(r.edgeRate)),
        activeConnections: numberOf(first(r.edgeConnections)),
        pageCacheHitRatio: numberOf(byLabel(r.edgeHits, 'area', 'pages')),
        cdnHitRatio: numberOf(byLabel(r.edgeHits, 'area', 'cdn')),
      },
      storefront: { cpu: numberOf(byLabel(r.cpu, 'job', 'web')) },
      api: r.apiRate
        .map((rate) => {
          const id = rate.metric.instance_id;
          return {
            instance: id ?? '',
            ...traffic(
              rate,
              byLabel(r.apiP95, 'instance_id', id),
              byLabel(r.apiErrors, 'instance_id', id),
            ),
            cpu: numberOf(byLabel(r.cpu, 'instance_id', id)),
          };
        })
        .sort((a, b) => a.instance.localeCompare(b.instance)),
      images: {
        ...traffic(first(r.imagesRate), first(r.imagesP95), first(r.imagesErrors)),
        cpu: numberOf(byLabel(r.cpu, 'job', 'images')),
        storedRatio: numberOf(first(r.imagesStored)),
      },
      cache: r.cacheHits
        .map((s) => ({ cache: s.metric.cache ?? '', hitRatio: numberOf(s) }))
        .sort((a, b) => a.cache.localeCompare(b.cache)),
      replica: {
        lagSeconds: numberOf(first(r.lagSeconds)),
        lagBytes: numberOf(first(r.lagBytes)),
        bypassReadsPerSecond: numberOf(first(r.bypassReads)),
        primaryReads: r.primaryReads
          .map((s) => ({ reason: s.metric.reason ?? '', perSecond: numberOf(s) }))
          .sort((a, b) => a.reason.localeCompare(b.reason)),
      },
      queues: r.queueBacklog
        .map((s) => ({
          queue: s.metric.queue ?? '',
          backlog: numberOf(s),
          failed: numberOf(byLabel(r.queueFailed, 'queue', s.metric.queue)),
        }))
        .sort((a, b) => a.queue.localeCompare(b.queue)),
      hotListAgeSeconds: numberOf(first(r.hotListAge)),
      shoppersOnline: online,
    };
  }

  /** Every query's samples, or null when Prometheus is not configured or does not answer. */
  private async queryAll(): Promise<Results | null> {
    if (!this.prometheusUrl) return null;
    try {
      const entries = await Promise.all(
        Object.entries(queries).map(async ([name, promql]) => [name, await this.query(promql)]),
      );
      return Object.fromEntries(entries) as Results;
    } catch {
      return null;
    }
  }

  private async query(promql: string): Promise<Sample[]> {
    const url = new URL('/api/v1/query', this.prometheusUrl);
    url.searchParams.set('query', promql);
    const response = await fetch(url, { signal: AbortSignal.timeout(QUERY_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`Prometheus answered ${response.status} to ${promql}`);
    const body = (await response.json()) as { data?: { result?: Sample[] } };
    return body.data?.result ?? [];
  }
}
