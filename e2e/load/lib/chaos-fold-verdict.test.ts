import { describe, expect, it } from 'vitest';
import {
  countedOnce,
  killedMidBatch,
  refreshedAfterKill,
  sentByShoppers,
  type FoldFigures,
  type HotListAge,
} from './chaos-fold-verdict';
import { renderChaosHtml } from './chaos-html';
import { scenarioNamed } from './chaos-scenarios';
import type { Windows } from './chaos-verdict';

/** A kill-worker run where everything held: 50,000 burst views plus the shoppers' 140. */
const fold = (changes: Partial<FoldFigures> = {}): FoldFigures => ({
  sent: { view: 50_140, cart: 12 },
  folded: { view: 50_140, cart: 12 },
  burst: { entries: 100, events: 50_000 },
  kill: {
    atMs: 31_200,
    queuedEntries: 80,
    viewsFolded: 2_003,
    unacknowledged: { 'worker-1': 46, 'worker-2': 0 },
  },
  ages: [
    { afterKillMs: 10, ageSeconds: 1.2, stale: false },
    { afterKillMs: 510, ageSeconds: 1.7, stale: false },
  ],
  ...changes,
});

/** GET /api/hot answers every half second: [age in seconds or null, stale]. */
const ages = (rows: [number | null, boolean][]): HotListAge[] =>
  rows.map(([ageSeconds, stale], i) => ({ afterKillMs: i * 500, ageSeconds, stale }));

const calm: Windows = {
  before: { requests: 600, errorRate: 0, p95: 40 },
  during: { requests: 600, errorRate: 0, p95: 60 },
  after: { requests: 600, errorRate: 0, p95: 40 },
  recoveredWithinSeconds: 0,
};

describe('what the shoppers sent', () => {
  it('is the view beacons the API accepted (202) and the cart adds it made (200)', () => {
    const counters = {
      'plugins.metrics-by-endpoint.api event view.codes.202': 140,
      'plugins.metrics-by-endpoint.api event view.codes.429': 3,
      'plugins.metrics-by-endpoint.api add to cart.codes.200': 12,
      'plugins.metrics-by-endpoint.api add to cart.codes.409': 1,
      'plugins.metrics-by-endpoint.api cart.codes.200': 400,
    };
    expect(sentByShoppers({ aggregate: { counters, summaries: {} }, intermediate: [] })).toEqual({
      view: 140,
      cart: 12,
    });
  });
});

describe('kill-worker', () => {
  it('holds when every event was folded once, the kill was mid-batch and the lists stayed fresh', () => {
    const verdict = scenarioNamed('kill-worker')?.check(calm, fold());
    expect(verdict?.passed).toBe(true);
    expect(verdict?.says).toContain(
      'worker-1 had 46 stream entries read and not acknowledged; 2,003 views folded since the burst',
    );
    expect(verdict?.says).toContain('views: 50,140 sent, 50,140 folded');
  });

  it('is broken by an event counted twice, and by one lost', () => {
    const twice = countedOnce(fold({ folded: { view: 52_140, cart: 12 } }));
    expect(twice).toEqual({
      passed: false,
      says: 'views: 50,140 sent, 52,140 folded (2,000 counted twice); cart adds: 12 sent, 12 folded',
    });
    const lost = countedOnce(fold({ folded: { view: 50_140, cart: 11 } }));
    expect(lost.passed).toBe(false);
    expect(lost.says).toContain('cart adds: 12 sent, 11 folded (1 lost)');
  });

  it('tested nothing when the kill found no worker in the middle of a batch', () => {
    const idle = fold({
      kill: { atMs: 31_200, queuedEntries: 0, viewsFolded: 50_000, unacknowledged: {} },
    });
    expect(killedMidBatch(idle)).toEqual({
      passed: false,
      says: 'the kill found no worker in the middle of a batch',
    });
    expect(scenarioNamed('kill-worker')?.check(calm, idle).passed).toBe(false);
  });

  it('lets the hot lists go stale for a while, but they must be fresh for good within the limit', () => {
    // Stale from 4 s to 5.5 s (an answer without lists is not fresh either), fresh from 6 s on.
    const recovering = ages([
      [2, false],
      ...Array.from({ length: 7 }, (): [number, boolean] => [5, false]),
      [10, true],
      [10.5, true],
      [null, true],
      [11.5, true],
      [0.1, false],
      [0.6, false],
    ]);
    expect(refreshedAfterKill(fold({ ages: recovering }), 20)).toEqual({
      passed: true,
      says: 'hot lists at most 11.5 s old after the kill, fresh for good 6.0 s after it (limit 20 s)',
    });
    expect(refreshedAfterKill(fold({ ages: recovering }), 5).passed).toBe(false);
    const stillStale = ages([
      [2, false],
      [12, true],
    ]);
    expect(refreshedAfterKill(fold({ ages: stillStale }), 20)).toEqual({
      passed: false,
      says: 'the hot lists were still stale at the end of the run',
    });
    expect(refreshedAfterKill(fold({ ages: [] }), 20).passed).toBe(false);
  });

  it('is broken when shoppers met errors, or when the fold could not be measured', () => {
    const errors: Windows = { ...calm, during: { requests: 600, errorRate: 0.01, p95: 60 } };
    const kill = scenarioNamed('kill-worker');
    expect(kill?.check(errors, fold()).passed).toBe(false);
    expect(kill?.check(calm)).toEqual({ passed: false, says: 'no figures of the fold' });
  });
});

describe('chaos.html', () => {
  it("shows the fold's figures for a run of kill-worker, and no such section without one", () => {
    const result = {
      name: 'kill-worker',
      fault: 'every worker process killed',
      hypothesis: 'no event counted twice',
      mix: 'shopping',
      timeline: { faultAtMs: 30_000, restoredAtMs: 60_000 },
      periods: [],
      windows: calm,
      verdict: { passed: true, says: 'held' },
    };
    const settings = {
      target: 'http://localhost:4100',
      phaseSeconds: 30,
      users: 10,
      think: 2,
      startedAt: '2026-12-01T17:00:00Z',
    };
    const page = renderChaosHtml({ settings, results: [{ ...result, fold: fold() }] }, '');
    expect(page).toContain('The workers&#39; fold');
    expect(page).toContain('worker-1: 46');
    expect(page).toContain('50,140 / 50,140');
    const other = renderChaosHtml({ settings, results: [result] }, '');
    expect(other).not.toContain('The workers&#39; fold');
  });
});
