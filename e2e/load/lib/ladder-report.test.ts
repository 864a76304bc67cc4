import { describe, expect, it } from 'vitest';
import { renderLadderHtml } from './ladder-html';
import {
  formatLadderTable,
  stepResult,
  summarizeProbe,
  withRatios,
  type LadderReport,
  type Probe,
} from './ladder-report';
import { ladderSteps, type LadderStep } from './ladder-steps';
import type { Sample } from './report-types';
import type { ArtilleryOutput } from './summarize';

const fakeChartJs = '/*CHARTJS*/';
const limits = { budgetMs: 200, maxErrorRate: 0.001 };

function step(id: number): LadderStep {
  const found = ladderSteps.find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}

/** A probe at `rate` whose p95 is `p95` ms; the rest as a healthy run would have it. */
function probe(rate: number, p95: number, extra: Partial<Probe> = {}): Probe {
  const passed = p95 < limits.budgetMs;
  return {
    rate,
    seconds: 30,
    journeys: { completed: Math.round(rate * 30), failed: 0 },
    requests: Math.round(rate * 30 * 27),
    requestsPerSecond: rate * 27,
    latency: { p50: p95 / 3, p95, p99: p95 * 1.5 },
    refusedShare: 0,
    failedShoppers: 0,
    cpu: { busyShare: Math.min(1, rate / 10), generatorShare: Math.min(0.4, rate / 50) },
    spanSeconds: 33,
    generatorBound: false,
    pageCacheHitRatio: null,
    cdnHitRatio: 0.95,
    passed,
    failures: passed ? [] : [`p95 ${p95} ms ≥ 200 ms`],
    ...extra,
  };
}

function sampleReport(): LadderReport {
  const baseline = stepResult(
    step(1),
    probe(1, 90),
    [probe(1, 110), probe(1.6, 150), probe(2.6, 320), probe(2.1, 190), probe(2.4, 260)],
    {
      rate: 2.1,
      capped: false,
      tried: [],
    },
    212,
  );
  const full = stepResult(
    step(6),
    null,
    [probe(1, 20), probe(1.6, 25), probe(2.6, 30, { generatorBound: true })],
    { rate: 2.6, capped: true, tried: [] },
    143,
  );
  return {
    settings: {
      target: 'http://localhost:4300/?a=<b>',
      stack: 'test',
      mix: 'browsing',
      budgetMs: 200,
      maxErrorRate: 0.001,
      startRate: 1,
      maxRate: 2.6,
      growth: 1.6,
      bisections: 3,
      probeSeconds: 30,
      warmupSeconds: 10,
      thinkSeconds: 1,
      startedAt: '2026-12-01T06:00:00.000Z',
      cpus: 2,
    },
    steps: withRatios([baseline, full]),
    finishedAt: '2026-12-01T06:10:00.000Z',
  };
}

describe('stepResult and withRatios', () => {
  const report = sampleReport();
  const [baseline, full] = report.steps;

  it('keeps the passing probe at the sustainable rate, and the ratio to the first step', () => {
    expect(baseline?.atSustainable?.rate).toBe(2.1);
    expect(baseline?.ratio).toBe(1);
    expect(full?.ratio).toBeCloseTo(2.6 / 2.1);
  });

  it('flags a step generator-bound when a probe that set its limit was', () => {
    expect(baseline?.generatorBound).toBe(false);
    expect(full?.generatorBound).toBe(true);
  });

  it('has no ratio when the first step sustained nothing, or passed at the maximum rate', () => {
    const none = { ...report.steps[0], sustainableRate: 0 } as (typeof report.steps)[number];
    expect(withRatios([none, ...report.steps.slice(1)]).map((s) => s.ratio)).toEqual([null, null]);
    const capped = { ...report.steps[0], capped: true } as (typeof report.steps)[number];
    expect(withRatios([capped, ...report.steps.slice(1)]).map((s) => s.ratio)).toEqual([
      null,
      null,
    ]);
  });
});

describe('summarizeProbe', () => {
  const output: ArtilleryOutput = {
    aggregate: {
      counters: {
        'http.requests': 2_000,
        'shop.refused_answers': 4,
        'vusers.failed': 0,
        'journeys.browse.started': 74,
        'journeys.browse.completed': 74,
        'journeys.browse.failed': 0,
      },
      summaries: {
        'http.response_time': {
          min: 1,
          max: 900,
          count: 2_000,
          p50: 12,
          p75: 30,
          p95: 140,
          p99: 480,
        },
      },
      firstMetricAt: 0,
      lastMetricAt: 40_000,
    },
    intermediate: [],
  };
  /** Artillery starting up, its load from 0 s to 40 s, then winding down; the sampler from -10 s. */
  const samples: Sample[] = [
    [5, 0.05],
    [15, 0.6],
    [35, 0.7],
    [55, 0],
  ].map(([t = 0, generator = 0]) => ({
    t,
    cpu: { busy: 0.9, generator, shop: 0.9 - generator },
    cacheLevels: {},
    pageCache: { hits: 0, all: 0 },
    cdn: { hits: 9, all: 10 },
    replicaLagSeconds: null,
  }));
  const sampled = { samples, startedAt: -10_000 };

  it('fails on refused answers over the limit and flags a generator that used half the machine', () => {
    const result = summarizeProbe(2.5, 30, output, sampled, limits);
    expect(result).toMatchObject({
      rate: 2.5,
      requests: 2_000,
      requestsPerSecond: 50,
      latency: { p50: 12, p95: 140, p99: 480 },
      refusedShare: 0.002,
      generatorBound: true,
      cdnHitRatio: 0.9,
      passed: false,
      failures: ['0.2 % of requests refused'],
    });
  });

  it('fails a probe whose requests the generator sent late, whatever their latency', () => {
    // 20 s of arrivals whose requests took 65 s to send: the rate never reached the shop.
    const late = { ...output, aggregate: { ...output.aggregate, lastMetricAt: 65_000 } };
    const quiet = { samples: [], startedAt: 0 };
    const result = summarizeProbe(74, 20, late, quiet, { ...limits, maxErrorRate: 0.01 });
    expect(result).toMatchObject({ spanSeconds: 65, generatorBound: true, passed: false });
    expect(result.failures).toEqual([
      'the generator fell behind: 20 s of arrivals took 65 s to send',
    ]);
    // The same requests sent within the window and the allowance pass.
    const onTime = { ...output, aggregate: { ...output.aggregate, lastMetricAt: 28_000 } };
    expect(summarizeProbe(74, 20, onTime, quiet, { ...limits, maxErrorRate: 0.01 })).toMatchObject({
      spanSeconds: 28,
      generatorBound: false,
      passed: true,
    });
  });

  it('reads the CPU only while the requests ran, not while Artillery started or wound down', () => {
    expect(summarizeProbe(2.5, 30, output, sampled, limits).cpu.generatorShare).toBeCloseTo(0.65);
  });

  it('passes within the budget and the refused share, and fails at the budget', () => {
    const clean = {
      ...output,
      aggregate: {
        ...output.aggregate,
        counters: { ...output.aggregate.counters, 'shop.refused_answers': 0 },
      },
    };
    expect(summarizeProbe(2.5, 30, clean, sampled, limits).passed).toBe(true);
    expect(summarizeProbe(2.5, 30, clean, sampled, { ...limits, budgetMs: 140 }).failures).toEqual([
      'p95 140 ms ≥ 140 ms',
    ]);
  });
});

describe('formatLadderTable', () => {
  it('prints one aligned line per step, with capped rates and the generator flag', () => {
    const lines = formatLadderTable(sampleReport()).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^step\s+journeys\/s\s+requests\/s\s+p95\s+ratio\s+generator-bound$/);
    expect(lines[1]).toMatch(/^1\. LAMP-style baseline\s+2\.1\s+56\.7\s+190 ms\s+1\.00×$/);
    expect(lines[2]).toMatch(
      /^6\. \+ edge page cache \(full stack\)\s+≥ 2\.6\s+70\.2\s+30 ms\s+≥ 1\.24×\s+yes$/,
    );
    // Columns line up: every line's ratio ends at the same place.
    const ratioEnd = (line: string) => line.indexOf('×') + 1;
    expect(ratioEnd(lines[1] ?? '')).toBe(ratioEnd(lines[2] ?? ''));
  });

  it('says when even the lowest rate failed', () => {
    const report = sampleReport();
    const [baseline] = report.steps;
    if (!baseline) throw new Error('no baseline');
    report.steps = [{ ...baseline, sustainableRate: 0, atSustainable: null, ratio: null }];
    expect(formatLadderTable(report)).toMatch(/1\. LAMP-style baseline\s+< 1\s+—\s+—\s+—/);
  });
});

describe('renderLadderHtml', () => {
  const report = sampleReport();
  const html = renderLadderHtml(report, fakeChartJs);

  it('is a complete document with Chart.js inlined and the report embedded', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<script>${fakeChartJs}</script>`);
    const data = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(
      html,
    );
    expect(JSON.parse(data?.[1] ?? 'null')).toEqual(report);
  });

  it('shows each step with what it adds, its rate, p95, ratio and generator flag', () => {
    expect(html).toContain('<th scope="row">1. LAMP-style baseline</th>');
    expect(html).toContain(step(1).adds);
    expect(html).toContain('API_REPLICAS=1 CATALOG_CACHE=off');
    expect(html).toMatch(
      /6\. \+ edge page cache \(full stack\)<\/th>.*≥ 2\.6.*70\.2.*30 ms.*1\.24×.*yes/,
    );
    expect(html).toContain('where step 6 reached its limit');
  });

  it('draws the ratio chart and the p95-against-rate chart', () => {
    for (const id of ['chart-ratios', 'chart-latency']) {
      expect(html).toMatch(new RegExp(`<canvas id="${id}" role="img" aria-label="[^"]+">`));
    }
  });

  it('lists every probe, the warm-up marked as not counted, failures with their reason', () => {
    expect(html).toContain('warm-up, not counted');
    expect(html).toContain('✗ p95 320 ms ≥ 200 ms');
    expect(html.match(/✓ pass/g)).toHaveLength(6);
  });

  it('escapes strings from the data', () => {
    expect(html).not.toContain('?a=<b>');
    expect(html).toContain('?a=&lt;b&gt;');
  });

  it('says so when the ladder did not finish', () => {
    expect(html).not.toContain('did not finish');
    expect(renderLadderHtml({ ...report, finishedAt: null }, fakeChartJs)).toContain(
      'The ladder did not finish',
    );
  });
});
