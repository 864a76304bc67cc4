// How a chaos scenario went, from the load's 10 s periods: error rate and p95 before the fault,
// while it lasted and after it was undone, the time until the shop was back to its steady state,
// and whether the scenario's hypothesis held. No I/O here.
import type { Period } from './report-types';
import type { ArtilleryOutput } from './summarize';

/**
 * The protocol shoppers' 10 s periods, counting as errors what a fault can cause: answers 5xx
 * and requests never answered. A 429 is the shop's own limits at work (a shopper's orders or
 * registrations an hour), there before, during and after any fault, so it is not counted here.
 */
export function faultPeriods(output: ArtilleryOutput, startedAt: number): Period[] {
  return output.intermediate.map(({ period, counters, summaries }) => {
    let errors = 0;
    for (const [name, count] of Object.entries(counters)) {
      const unanswered = name.startsWith('errors.') && name !== 'errors.Failed capture or match';
      if (/^http\.codes\.5\d\d$/.test(name) || unanswered) errors += count;
    }
    return {
      t: Math.round((Number(period) - startedAt) / 1000),
      side: 'http',
      requestsPerSecond: (counters['http.requests'] ?? 0) / 10,
      p95: summaries['http.response_time']?.p95 ?? null,
      errors,
    };
  });
}

/** The load's figures in one window of the run. */
export interface Window {
  requests: number;
  /** Share of requests refused (5xx, 429) or never answered; null without requests. */
  errorRate: number | null;
  /** The worst period's p95 (ms) in the window; null without requests. */
  p95: number | null;
}

export interface Timeline {
  /** Milliseconds since the load began: the fault made, then undone. */
  faultAtMs: number;
  restoredAtMs: number;
}

const PERIOD_MS = 10_000;

/** The periods of protocol shoppers that lie wholly in [fromMs, toMs). */
function within(periods: Period[], fromMs: number, toMs: number): Period[] {
  return periods.filter(
    (period) =>
      period.side === 'http' && period.t * 1000 >= fromMs && period.t * 1000 + PERIOD_MS <= toMs,
  );
}

export function windowOf(periods: Period[]): Window {
  const requests = periods.reduce((sum, period) => sum + period.requestsPerSecond * 10, 0);
  const errors = periods.reduce((sum, period) => sum + period.errors, 0);
  const p95s = periods.flatMap((period) => (period.p95 === null ? [] : [period.p95]));
  return {
    requests: Math.round(requests),
    errorRate: requests > 0 ? errors / requests : null,
    p95: p95s.length > 0 ? Math.max(...p95s) : null,
  };
}

export interface Windows {
  before: Window;
  during: Window;
  after: Window;
  /**
   * The shop was steady again within this many seconds of the fault's end: the start of the
   * first 10 s period after it that was back to the steady state (errors no more than before
   * plus 0.5 %, p95 at most twice before's, or under 100 ms); null if it never came back in the
   * run. The periods are 10 s, so it is an upper bound as coarse as that.
   */
  recoveredWithinSeconds: number | null;
}

export function windowsOf(periods: Period[], timeline: Timeline): Windows {
  const http = periods.filter((period) => period.side === 'http').sort((a, b) => a.t - b.t);
  const before = windowOf(within(http, 0, timeline.faultAtMs));
  const during = windowOf(within(http, timeline.faultAtMs, timeline.restoredAtMs));
  const after = windowOf(within(http, timeline.restoredAtMs, Number.POSITIVE_INFINITY));
  const steady = (window: Window) =>
    window.errorRate !== null &&
    window.errorRate <= (before.errorRate ?? 0) + 0.005 &&
    (window.p95 === null || window.p95 <= Math.max(100, 2 * (before.p95 ?? 0)));
  // The first period that starts after the fault ended and is steady.
  const back = http.find(
    (period) => period.t * 1000 >= timeline.restoredAtMs && steady(windowOf([period])),
  );
  return {
    before,
    during,
    after,
    recoveredWithinSeconds:
      back === undefined ? null : Math.max(0, Math.round(back.t - timeline.restoredAtMs / 1000)),
  };
}

/** A hypothesis's verdict: whether it held, and the figures that say so. */
export interface Verdict {
  passed: boolean;
  says: string;
}
