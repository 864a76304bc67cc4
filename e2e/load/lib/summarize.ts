// Artillery's JSON output (aggregate and 10 s periods) turned into the report's shape.
import { journeyNames } from './mixes';
import type { Distribution, LoadReport, Period, Sample, Side, Vitals } from './report-types';

interface ArtillerySummary {
  min: number;
  max: number;
  count: number;
  p50: number;
  p75: number;
  p95: number;
  p99: number;
}
interface ArtilleryMetrics {
  counters: Record<string, number>;
  summaries: Record<string, ArtillerySummary>;
  /** Epoch ms at the period's start (intermediate reports). */
  period?: number | string;
  firstMetricAt?: number;
  lastMetricAt?: number;
}
export interface ArtilleryOutput {
  aggregate: ArtilleryMetrics;
  intermediate: ArtilleryMetrics[];
}

function distribution(s: ArtillerySummary | undefined): Distribution | null {
  if (!s || s.count === 0) return null;
  return { count: s.count, min: s.min, p50: s.p50, p75: s.p75, p95: s.p95, p99: s.p99, max: s.max };
}

/** Entries whose name starts with `prefix`, keyed by the rest of the name. */
function withPrefix<T>(record: Record<string, T>, prefix: string): [string, T][] {
  return Object.entries(record)
    .filter(([name]) => name.startsWith(prefix))
    .map(([name, value]) => [name.slice(prefix.length), value]);
}

/**
 * Requests the shop refused (5xx, 429; the flows count them, pictures apart) or never answered,
 * in a set of counters.
 */
function failures(counters: Record<string, number>): number {
  const errors = withPrefix(counters, 'errors.').reduce((sum, [, n]) => sum + n, 0);
  return (counters['shop.refused_answers'] ?? 0) + errors;
}

/**
 * Journeys that failed: those the flows counted, plus (protocol side) those started and never
 * ended, because Artillery stops a virtual user whose request got no answer at all.
 */
function failedJourneys(counters: Record<string, number>, journey: string): number {
  const completed = counters[`journeys.${journey}.completed`] ?? 0;
  const failed = counters[`journeys.${journey}.failed`] ?? 0;
  const started = counters[`journeys.${journey}.started`] ?? completed + failed;
  return failed + Math.max(0, started - completed - failed);
}

export function summarizeSide(
  kind: Side['kind'],
  output: ArtilleryOutput,
  checks: Side['checks'],
): Side {
  const { counters, summaries } = output.aggregate;
  const journeys = Object.fromEntries(
    journeyNames.map((journey) => [
      journey,
      {
        completed: counters[`journeys.${journey}.completed`] ?? 0,
        failed: failedJourneys(counters, journey),
        duration: distribution(summaries[`journeys.${journey}.duration`]),
      },
    ]),
  ) as Side['journeys'];
  const stepPrefix =
    kind === 'browser' ? 'browser.step.' : 'plugins.metrics-by-endpoint.response_time.';
  const steps: Record<string, Distribution> = {};
  for (const [name, summary] of withPrefix(summaries, stepPrefix)) {
    const d = distribution(summary);
    if (d) steps[name] = d;
  }
  const codesPrefix = kind === 'browser' ? 'browser.page.codes.' : 'http.codes.';
  const seconds = Math.max(
    1,
    ((output.aggregate.lastMetricAt ?? 0) - (output.aggregate.firstMetricAt ?? 0)) / 1000,
  );
  const requests = counters[kind === 'browser' ? 'browser.http_requests' : 'http.requests'] ?? 0;
  return {
    kind,
    journeys,
    steps,
    codes: Object.fromEntries(withPrefix(counters, codesPrefix)),
    errors: Object.fromEntries(withPrefix(counters, 'errors.')),
    requests,
    refusedPictures: counters['shop.refused_pictures'] ?? 0,
    throughput: requests / seconds,
    checks,
  };
}

/** Web vitals of the browser side, per page type (flows/browser.ts names them so). */
export function summarizeVitals(output: ArtilleryOutput): Vitals {
  const vitals: Vitals = {};
  for (const [name, summary] of withPrefix(output.aggregate.summaries, 'browser.page.')) {
    const [vital, type] = name.split('.') as [string, string | undefined];
    if (!type || !['TTFB', 'FCP', 'LCP', 'CLS', 'INP'].includes(vital)) continue;
    const d = distribution(summary);
    if (d) (vitals[type] ??= {})[vital as 'LCP'] = d;
  }
  return vitals;
}

/**
 * Throughput, p95 and failures per 10 s period. For browsers p95 is the slowest step's p95 in
 * the period (a step is what a shopper waits for).
 */
export function summarizePeriods(
  kind: Side['kind'],
  output: ArtilleryOutput,
  startedAt: number,
): Period[] {
  return output.intermediate.map((period) => {
    const { counters, summaries } = period;
    const seconds = 10;
    const requests = counters[kind === 'browser' ? 'browser.http_requests' : 'http.requests'] ?? 0;
    const p95s =
      kind === 'browser'
        ? withPrefix(summaries, 'browser.step.').map(([, s]) => s.p95)
        : [summaries['http.response_time']?.p95 ?? NaN];
    const p95 = Math.max(...p95s.filter(Number.isFinite));
    return {
      t: Math.round((Number(period.period) - startedAt) / 1000),
      side: kind,
      requestsPerSecond: requests / seconds,
      p95: Number.isFinite(p95) ? p95 : null,
      errors: failures(counters),
    };
  });
}

/** Artillery prints its `ensure` checks as "ok: <check>" / "fail: <check>" lines. */
export function checksFrom(log: string): Side['checks'] {
  const checks: Side['checks'] = [];
  // eslint-disable-next-line no-control-regex
  for (const line of log.replace(/\u001b\[[0-9;]*m/g, '').split('\n')) {
    const match = /^(ok|fail): (.+)$/.exec(line.trim());
    if (match) checks.push({ check: match[2] ?? '', ok: match[1] === 'ok' });
  }
  return checks;
}

const mean = (values: number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
const ratio = (hits: number, all: number) => (all > 0 ? hits / all : null);

/** Catalog cache reads that a cache level answered (not a miss, not bypassed), of all reads. */
function cacheHitRatio(samples: Sample[]): number | null {
  const levels = samples.reduce<Record<string, number>>((all, s) => {
    for (const [level, n] of Object.entries(s.cacheLevels)) all[level] = (all[level] ?? 0) + n;
    return all;
  }, {});
  const reads = Object.values(levels).reduce((a, b) => a + b, 0);
  const hits = Object.entries(levels)
    .filter(([level]) => level !== 'MISS' && level !== 'BYPASS')
    .reduce((n, [, count]) => n + count, 0);
  return ratio(hits, reads);
}

/** What the samples say over a whole run: CPU shares, hit ratios, the worst replica lag. */
export function summarizeSamples(
  samples: Sample[],
): Omit<LoadReport['summary'], 'failedJourneys' | 'completedJourneys' | 'errorRate' | 'passed'> {
  const busy = mean(samples.map((s) => s.cpu.busy));
  const generator = mean(samples.map((s) => s.cpu.generator));
  const sum = (pick: (s: Sample) => number) => samples.reduce((n, s) => n + pick(s), 0);
  const lags = samples.map((s) => s.replicaLagSeconds).filter((lag): lag is number => lag !== null);
  return {
    cpu: { generatorShare: generator, shopShare: Math.max(0, busy - generator), busyShare: busy },
    // The machine was saturated and the load generator took half of it or more.
    generatorBound: busy >= 0.85 && generator >= busy / 2,
    cacheHitRatio: cacheHitRatio(samples),
    pageCacheHitRatio: ratio(
      sum((s) => s.pageCache.hits),
      sum((s) => s.pageCache.all),
    ),
    cdnHitRatio: ratio(
      sum((s) => s.cdn.hits),
      sum((s) => s.cdn.all),
    ),
    maxReplicaLagSeconds: lags.length ? Math.max(...lags) : null,
  };
}

export { failures };
