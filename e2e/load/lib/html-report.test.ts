import { describe, expect, it } from 'vitest';
import { renderHtml } from './html-report';
import type { Distribution, LoadReport, Sample, Side } from './report-types';

const fakeChartJs = '/*CHARTJS*/';
const malicious = '<script>alert(1)</script>';

function dist(p50: number, p95: number, count = 200): Distribution {
  return {
    count,
    min: p50 * 0.4,
    p50,
    p75: (p50 + p95) / 2,
    p95,
    p99: p95 * 1.4,
    max: p95 * 2,
  };
}

const browserSide: Side = {
  kind: 'browser',
  journeys: {
    browse: { completed: 412, failed: 0, duration: dist(18_400, 26_900, 412) },
    buy: { completed: 21, failed: 2, duration: dist(31_200, 44_800, 21) },
    account: { completed: 5, failed: 0, duration: null },
  },
  steps: {
    'open home': dist(640, 1_480),
    'open category': dist(910, 2_310),
    'open product': dist(720, 1_960),
    'add to cart & checkout': dist(1_350, 3_870, 23),
  },
  codes: { '200': 5_230, '304': 812, '503': 4 },
  errors: { [`page.goto: net::ERR_ABORTED ${malicious}`]: 2 },
  requests: 6_048,
  refusedPictures: 0,
  throughput: 20.2,
  checks: [
    { check: 'p95 < 4000', ok: true },
    { check: 'maxErrorRate < 1', ok: true },
  ],
};

const httpSide: Side = {
  kind: 'http',
  journeys: {
    browse: { completed: 8_940, failed: 3, duration: dist(4_200, 7_900, 8_940) },
    buy: { completed: 1_790, failed: 1, duration: dist(6_100, 9_800, 1_790) },
    account: { completed: 447, failed: 0, duration: dist(5_400, 8_800, 447) },
  },
  steps: {
    'GET /': dist(12, 48, 9_000),
    'GET /c/:slug': dist(18, 95, 27_000),
    'GET /p/:slug': dist(9.4, 61, 36_000),
    'POST /cart': dist(34, 140, 3_600),
    'POST /checkout': dist(88, 420, 1_790),
  },
  codes: { '200': 71_200, '302': 3_600, '429': 12, '503': 3 },
  errors: { ETIMEDOUT: 4 },
  requests: 74_819,
  refusedPictures: 0,
  throughput: 249.4,
  checks: [
    { check: 'p99 < 500', ok: false },
    { check: 'maxErrorRate < 1', ok: true },
  ],
};

function sample(t: number): Sample {
  const ramp = Math.min(1, t / 60);
  return {
    t,
    cpu: { busy: 0.3 + 0.5 * ramp, generator: 0.1 + 0.25 * ramp, shop: 0.2 + 0.25 * ramp },
    cacheLevels: { L1: Math.round(900 * ramp), L2: Math.round(120 * ramp), MISS: 15 },
    pageCache: { hits: Math.round(300 * ramp), all: t === 0 ? 0 : Math.round(320 * ramp) + 5 },
    cdn: { hits: Math.round(700 * ramp), all: Math.round(720 * ramp) + 2 },
    replicaLagSeconds: t === 30 ? null : 0.05 + 0.02 * (t % 20),
  };
}

/** A shopping run of five minutes with both sides, vitals and a failed check. */
function sampleReport(): LoadReport {
  const samples = Array.from({ length: 61 }, (_, i) => sample(i * 5));
  const periods = Array.from({ length: 30 }, (_, i) =>
    (['browser', 'http'] as const).map((side) => ({
      t: i * 10,
      side,
      requestsPerSecond: side === 'browser' ? 18 + (i % 5) : 230 + 4 * (i % 7),
      p95: i === 0 && side === 'browser' ? null : side === 'browser' ? 2_000 + 30 * i : 90 + 3 * i,
      errors: i === 17 ? (side === 'browser' ? 3 : 5) : i === 23 && side === 'http' ? 2 : 0,
    })),
  ).flat();
  return {
    settings: {
      mix: 'shopping',
      weights: { browse: 80, buy: 16, account: 4 },
      browsers: 8,
      users: 40,
      rate: 2,
      durationSeconds: 300,
      thinkSeconds: 3,
      target: 'http://shop.local:8080/?a=1&b=<2>',
      startedAt: '2025-06-01T09:30:00.000Z',
      cpus: 16,
    },
    sides: [browserSide, httpSide],
    vitals: {
      home: {
        TTFB: dist(180, 420),
        FCP: dist(620, 1_350),
        LCP: dist(1_100, 2_300),
        CLS: dist(0.01, 0.04),
        INP: dist(40, 120, 30),
      },
      category: {
        TTFB: dist(350, 1_100),
        FCP: dist(900, 2_400),
        LCP: dist(2_100, 4_800),
        CLS: dist(0.08, 0.3),
      },
      product: {
        TTFB: dist(1_500, 2_900),
        FCP: dist(2_600, 4_100),
        LCP: dist(3_900, 6_500),
        CLS: dist(0.002, 0.02),
      },
    },
    samples,
    periods,
    summary: {
      failedJourneys: 6,
      completedJourneys: 11_615,
      errorRate: 0.00031,
      cpu: { generatorShare: 0.31, shopShare: 0.42, busyShare: 0.73 },
      generatorBound: false,
      cacheHitRatio: 0.981,
      pageCacheHitRatio: 0.93,
      cdnHitRatio: 0.97,
      maxReplicaLagSeconds: 0.35,
      passed: false,
    },
  };
}

/** The report as the page embeds it, read back the way the page's script reads it. */
function embeddedReport(html: string): unknown {
  const match = /<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match?.[1] ?? 'null');
}

describe('renderHtml', () => {
  const report = sampleReport();
  const html = renderHtml(report, fakeChartJs);

  it('is a complete document with Chart.js inlined', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`<script>${fakeChartJs}</script>`);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('shows the verdict and the headline numbers', () => {
    expect(html).toContain('Load run — shopping mix');
    expect(html).toMatch(/class="verdict fail"[^>]*>FAIL</);
    expect(html).toContain('11,615 journeys completed');
    // 0.031 % would round to 0.0 %, which reads as no errors at all.
    expect(html).toContain('error rate &lt;\u00a00.1\u00a0%');
    expect(renderHtml({ ...report, summary: { ...report.summary, passed: true } }, '')).toMatch(
      /class="verdict pass"[^>]*>PASS</,
    );
  });

  it('escapes strings from the data and never lets a script through', () => {
    expect(html).not.toContain(malicious);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('add to cart &amp; checkout');
    expect(html).toContain('http://shop.local:8080/?a=1&amp;b=&lt;2&gt;');
  });

  it('embeds the report as JSON that parses back to the same report', () => {
    expect(embeddedReport(html)).toEqual(report);
  });

  it('draws a chart for each section that has data', () => {
    for (const id of [
      'chart-steps-browser',
      'chart-steps-http',
      'chart-vitals',
      'chart-rps',
      'chart-p95',
      'chart-errors',
      'chart-cpu',
      'chart-cache-levels',
      'chart-hit-ratio',
      'chart-lag',
    ]) {
      expect(html).toMatch(new RegExp(`<canvas id="${id}" role="img" aria-label="[^"]+">`));
    }
  });

  it('lists steps slowest p95 first and rates vitals by Google thresholds', () => {
    const order = ['add to cart &amp; checkout', 'open category', 'open product', 'open home'];
    const positions = order.map((name) => html.indexOf(`<span class="name">${name}</span>`));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // home LCP p75 1,700 ms is good; product LCP p75 5,200 ms is poor.
    expect(html).toContain('<span class="vital good"><span class="p75">1,700</span>');
    expect(html).toContain('<span class="vital poor"><span class="p75">5,200</span>');
    expect(html).toContain('<span class="p75">0.025</span>');
  });

  it('shows checks, with the failed one marked', () => {
    expect(html).toMatch(/p99 &lt; 500<\/span><\/th><td><span class="bad">✗ failed/);
  });

  it('warns that the generator may have set the pace only when it was generator-bound', () => {
    const warning = 'it may have set the pace, not the shop';
    expect(html).not.toContain(warning);
    const bound = renderHtml(
      {
        ...report,
        summary: {
          ...report.summary,
          generatorBound: true,
          cpu: { generatorShare: 0.55, shopShare: 0.4, busyShare: 0.95 },
        },
      },
      fakeChartJs,
    );
    expect(bound).toContain(warning);
    expect(bound).toContain('the load generator used 55.0\u00a0% of the CPUs');
  });

  it('says so in one line when a side or a section is empty', () => {
    const httpOnly = renderHtml(
      { ...report, sides: [httpSide], vitals: {}, samples: [], periods: [] },
      fakeChartJs,
    );
    expect(httpOnly).toContain('No browser shoppers in this run.');
    expect(httpOnly).toContain('No web vitals recorded');
    expect(httpOnly).toContain('Nothing was recorded over time');
    expect(httpOnly).not.toContain('id="chart-steps-browser"');
    expect(httpOnly).not.toContain('id="chart-vitals"');

    const idleBrowser: Side = {
      ...browserSide,
      journeys: {
        browse: { completed: 0, failed: 0, duration: null },
        buy: { completed: 0, failed: 0, duration: null },
        account: { completed: 0, failed: 0, duration: null },
      },
      steps: {},
    };
    const idle = renderHtml({ ...report, sides: [idleBrowser, httpSide] }, fakeChartJs);
    expect(idle).toContain('No browser journeys recorded.');
    expect(idle).toContain('No browser steps recorded.');
    expect(idle).not.toContain('id="chart-steps-browser"');
  });
});
