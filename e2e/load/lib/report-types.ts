// The load run's report (report.json), built from Artillery's JSON outputs and the samples the
// runner took of the shop's /metrics and the machine's CPUs while it ran. report.html draws it.
import type { Journey, Mix, Weights } from './mixes';

/** Percentiles of a latency (or vital) in ms; CLS is unitless. */
export interface Distribution {
  count: number;
  min: number;
  p50: number;
  p75: number;
  p95: number;
  p99: number;
  max: number;
}

export interface RunSettings {
  mix: Mix;
  weights: Weights;
  browsers: number;
  /** Closed-loop protocol users (each shops journey after journey). */
  users: number;
  /** Open-loop protocol arrivals per second (each does one journey and leaves). */
  rate: number;
  durationSeconds: number;
  thinkSeconds: number;
  target: string;
  startedAt: string;
  cpus: number;
}

/** One side of the load: Chromium shoppers, or protocol-level (HTTP) shoppers. */
export interface Side {
  kind: 'browser' | 'http';
  /** Journeys finished and failed, per journey. */
  journeys: Record<Journey, { completed: number; failed: number; duration: Distribution | null }>;
  /** Per step (browser: a journey step; http: a named request): its latency. */
  steps: Record<string, Distribution>;
  /** Requests answered per status code, and errors without an answer (by message). */
  codes: Record<string, number>;
  errors: Record<string, number>;
  requests: number;
  /**
   * Pictures the CDN refused (browsers only): every browser here shares one address, and past 8
   * first renders at once per address the CDN refuses more. Not counted as failed requests.
   */
  refusedPictures: number;
  /** Requests per second over the run. */
  throughput: number;
  /** Artillery's `ensure` checks: what was checked and whether it held. */
  checks: { check: string; ok: boolean }[];
}

/** Web vitals of full page loads, per page type (home, category, product, ...). */
export type Vitals = Record<
  string,
  Partial<Record<'TTFB' | 'FCP' | 'LCP' | 'CLS' | 'INP', Distribution>>
>;

/** One moment of the run (every few seconds). */
export interface Sample {
  /** Seconds since the run began. */
  t: number;
  /** Share of all CPUs busy (0–1), and the parts the load generator and the shop used. */
  cpu: { busy: number; generator: number; shop: number };
  /** Catalog cache reads by level since the previous sample (API /metrics). */
  cacheLevels: Record<string, number>;
  /** The edge's page cache and the image CDN: hits and all answers since the previous sample. */
  pageCache: { hits: number; all: number };
  cdn: { hits: number; all: number };
  /** The read replica's lag (seconds), as the API replicas see it; null when unknown. */
  replicaLagSeconds: number | null;
}

/** Artillery's periods (every 10 s): throughput, latency and errors over time, per side. */
export interface Period {
  /** Seconds since the run began (the period's start). */
  t: number;
  side: 'browser' | 'http';
  requestsPerSecond: number;
  p95: number | null;
  errors: number;
}

export interface LoadReport {
  settings: RunSettings;
  sides: Side[];
  vitals: Vitals;
  samples: Sample[];
  periods: Period[];
  /** Totals over the run. */
  summary: {
    failedJourneys: number;
    completedJourneys: number;
    /** Share of requests the shop refused (5xx, 429) or never answered. */
    errorRate: number;
    /** CPU seconds over the run, and their share of the machine's. */
    cpu: { generatorShare: number; shopShare: number; busyShare: number };
    /** True when the load generator took so much CPU that it, not the shop, may have set the pace. */
    generatorBound: boolean;
    cacheHitRatio: number | null;
    pageCacheHitRatio: number | null;
    cdnHitRatio: number | null;
    maxReplicaLagSeconds: number | null;
    passed: boolean;
  };
}
