import { describe, expect, it } from 'vitest';
import { parseChaosOptions } from './chaos-options';
import { faultPeriods, windowsOf } from './chaos-verdict';
import type { Period } from './report-types';

/** Protocol shoppers' 10 s periods: [requests a second, p95, errors] from t = 0. */
const periods = (rows: [number, number, number][]): Period[] =>
  rows.map(([requestsPerSecond, p95, errors], i) => ({
    t: i * 10,
    side: 'http',
    requestsPerSecond,
    p95,
    errors,
  }));

describe('a chaos run read from its periods', () => {
  // The fault from 30 s to 60 s; the shop is slow in the first period after it, then steady.
  const run = periods([
    [20, 40, 0],
    [20, 50, 0],
    [20, 45, 1],
    [18, 300, 9],
    [18, 250, 3],
    [19, 200, 0],
    [20, 400, 0],
    [20, 60, 0],
    [20, 55, 0],
  ]);

  it('splits the load into before, during and after the fault', () => {
    const windows = windowsOf(run, { faultAtMs: 30_000, restoredAtMs: 60_000 });
    expect(windows.before).toEqual({ requests: 600, errorRate: 1 / 600, p95: 50 });
    expect(windows.during).toEqual({ requests: 550, errorRate: 12 / 550, p95: 300 });
    expect(windows.after).toEqual({ requests: 600, errorRate: 0, p95: 400 });
  });

  it('counts recovery to the first steady period after the fault ended', () => {
    expect(windowsOf(run, { faultAtMs: 30_000, restoredAtMs: 60_000 }).recoveredWithinSeconds).toBe(
      10,
    );
    // A period that only partly follows the fault is not counted as after it.
    expect(windowsOf(run, { faultAtMs: 30_000, restoredAtMs: 61_500 }).recoveredWithinSeconds).toBe(
      9,
    );
  });

  it('says when the shop never came back', () => {
    const broken = periods([
      [20, 40, 0],
      [20, 40, 0],
      [20, 40, 0],
      [20, 900, 50],
      [20, 900, 50],
    ]);
    expect(
      windowsOf(broken, { faultAtMs: 20_000, restoredAtMs: 30_000 }).recoveredWithinSeconds,
    ).toBeNull();
  });
});

describe("a fault's errors", () => {
  it('are answers 5xx and requests never answered, not the limits per shopper (429)', () => {
    const startedAt = Date.parse('2026-12-01T10:00:03Z');
    const [period] = faultPeriods(
      {
        aggregate: { counters: {}, summaries: {} },
        intermediate: [
          {
            period: Date.parse('2026-12-01T10:00:10Z'),
            counters: {
              'http.requests': 200,
              'http.codes.200': 180,
              'http.codes.503': 6,
              'http.codes.502': 1,
              'http.codes.429': 9,
              'errors.ETIMEDOUT': 2,
              'errors.Failed capture or match': 4,
            },
            summaries: { 'http.response_time': { p95: 87 } as never },
          },
        ],
      },
      startedAt,
    );
    expect(period).toEqual({ t: 7, side: 'http', requestsPerSecond: 20, p95: 87, errors: 9 });
  });
});

describe('chaos options', () => {
  it('takes a scenario, or all', () => {
    const one = parseChaosOptions(['kill-api', '--phase-seconds', '20']);
    expect('error' in one ? one.error : one.scenarios.map((s) => s.name)).toEqual(['kill-api']);
    const all = parseChaosOptions(['all']);
    expect('error' in all ? [] : all.scenarios.map((s) => s.name)).toEqual([
      'kill-api',
      'stop-replica',
      'pause-replay',
      'stop-redis',
      'stop-images',
      'stall-primary',
      'spike',
      'kill-worker',
    ]);
  });

  it('refuses what it cannot run, saying why', () => {
    const cases: [string[], string][] = [
      [[], 'say which scenario'],
      [['unplug-the-moon'], "no scenario 'unplug-the-moon'"],
      [['kill-api', '--users', '-3'], '--users must be at least 1'],
      [['kill-api', '--phase-seconds', '5'], 'at least 20'],
    ];
    for (const [argv, message] of cases) {
      const parsed = parseChaosOptions(argv);
      expect('error' in parsed ? parsed.error : '').toContain(message);
    }
  });
});
