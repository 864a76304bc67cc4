import { escapeMarkup } from '@shop/domain';
// report.html: a load run's report for a person. One self-contained page (Chart.js, the data and
// the script that draws the charts are all inlined; lib/html-page.ts) so it opens from disk,
// offline, long after the run. No I/O here: the caller reads Chart.js and writes the file.
import {
  chartFigure,
  chartScriptPrelude,
  emptyLine,
  formatCount,
  formatMs,
  formatPercent,
  formatSeconds,
  formatStart,
  htmlDocument,
  noValue,
  oneDecimal,
  section,
  table,
  withMs,
} from './html-page';
import type { PageType } from './page-types';
import type { Distribution, LoadReport, Sample, Side } from './report-types';

type SideKind = Side['kind'];
type VitalName = 'TTFB' | 'FCP' | 'LCP' | 'CLS' | 'INP';
type Rating = 'good' | 'needs-improvement' | 'poor';

const sideKinds: readonly SideKind[] = ['browser', 'http'];
const sideTitles: Record<SideKind, string> = {
  browser: 'Browser shoppers',
  http: 'HTTP shoppers',
};
const sideNouns: Record<SideKind, string> = { browser: 'browser', http: 'HTTP' };

const vitalNames: readonly VitalName[] = ['TTFB', 'FCP', 'LCP', 'CLS', 'INP'];
/** Google's thresholds: at or below `good` is good, above `poor` is poor. */
const vitalThresholds: Record<VitalName, { good: number; poor: number }> = {
  TTFB: { good: 800, poor: 1800 },
  FCP: { good: 1800, poor: 3000 },
  LCP: { good: 2500, poor: 4000 },
  CLS: { good: 0.1, poor: 0.25 },
  INP: { good: 200, poor: 500 },
};
const ratingLabels: Record<Rating, string> = {
  good: 'good',
  'needs-improvement': 'needs improvement',
  poor: 'poor',
};
/** The storefront's page types in the order a shopper meets them; others follow by name. */
const pageTypeOrder: readonly PageType[] = [
  'home',
  'category',
  'product',
  'cart',
  'checkout',
  'order',
  'account',
  'other',
];

// ---- Formatting -------------------------------------------------------------------------------

const twoDecimals = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const threeDecimals = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 3,
  maximumFractionDigits: 3,
});

/** Replica lag: mostly well under a second, where a tenth is too coarse. */
function formatLag(value: number): string {
  return `${(Math.abs(value) < 1 ? twoDecimals : oneDecimal).format(value)}\u00a0s`;
}

function formatVital(name: VitalName, value: number): string {
  return name === 'CLS' ? threeDecimals.format(value) : formatMs(value);
}

// ---- Small pieces of markup --------------------------------------------------------------------

/** One block per side, in a fixed order, saying so when the run had no such side. */
function perSide(report: LoadReport, render: (side: Side) => string): string {
  return sideKinds
    .map((kind) => {
      const side = report.sides.find((candidate) => candidate.kind === kind);
      const body = side ? render(side) : emptyLine(`No ${sideNouns[kind]} shoppers in this run.`);
      return `<div class="side"><h3>${sideTitles[kind]}</h3>\n${body}</div>`;
    })
    .join('\n');
}

// ---- 1. Header ---------------------------------------------------------------------------------

function renderHeader(report: LoadReport): string {
  const { settings, summary } = report;
  const weights = Object.entries(settings.weights)
    .map(([journey, weight]) => `${journey} ${weight}`)
    .join(' / ');
  const facts: [string, string, string?][] = [
    ['Target', `<code>${escapeMarkup(settings.target)}</code>`, 'wide'],
    ['Mix', `${escapeMarkup(settings.mix)} (${escapeMarkup(weights)})`],
    ['Browsers', formatCount(settings.browsers)],
    ['Users', `${formatCount(settings.users)} <span class="muted">closed loop</span>`],
    ['Rate', `${oneDecimal.format(settings.rate)} <span class="muted">arrivals/s</span>`],
    ['Duration', formatSeconds(settings.durationSeconds)],
    ['Think time', formatSeconds(settings.thinkSeconds)],
    ['Started', escapeMarkup(formatStart(settings.startedAt))],
    ['CPUs', formatCount(settings.cpus)],
  ];
  const verdict = summary.passed ? 'PASS' : 'FAIL';
  const oneLine =
    `${formatCount(summary.completedJourneys)} journeys completed, ` +
    `${formatCount(summary.failedJourneys)} failed · ` +
    `error rate ${formatPercent(summary.errorRate)} · ` +
    `CPU: load generator ${formatPercent(summary.cpu.generatorShare)} vs shop ` +
    `${formatPercent(summary.cpu.shopShare)} of the machine ` +
    `(${formatPercent(summary.cpu.busyShare)} busy)`;
  const warning = summary.generatorBound
    ? `<p class="warning" role="note"><strong>Warning:</strong> the load generator used ` +
      `${escapeMarkup(formatPercent(summary.cpu.generatorShare))} of the CPUs: it may have set the pace, not ` +
      `the shop. Read the numbers below as a lower bound of what the shop can do.</p>`
    : '';
  return `<header class="card head">
<div class="head-top">
<h1>Load run — ${escapeMarkup(settings.mix)} mix</h1>
<p class="verdict ${summary.passed ? 'pass' : 'fail'}" aria-label="Verdict: ${verdict}">${verdict}</p>
</div>
<p class="summary">${escapeMarkup(oneLine)}</p>
${warning}
<dl class="settings">
${facts
  .map(
    ([term, value, wide]) =>
      `<div${wide ? ` class="${wide}"` : ''}><dt>${term}</dt><dd>${value}</dd></div>`,
  )
  .join('\n')}
</dl>
</header>`;
}

function renderNav(): string {
  const links: [string, string][] = [
    ['journeys', 'Journeys'],
    ['steps', 'Steps'],
    ['vitals', 'Web vitals'],
    ['over-time', 'Over time'],
    ['totals', 'Totals'],
  ];
  return `<nav aria-label="Sections"><ul>${links
    .map(([id, title]) => `<li><a href="#${id}">${title}</a></li>`)
    .join('')}</ul></nav>`;
}

// ---- 2. Journeys -------------------------------------------------------------------------------

function renderJourneys(side: Side): string {
  const journeys = Object.entries(side.journeys);
  if (journeys.every(([, journey]) => journey.completed + journey.failed === 0)) {
    return emptyLine(`No ${sideNouns[side.kind]} journeys recorded.`);
  }
  const rows = journeys.map(([name, journey]) => [
    escapeMarkup(name),
    formatCount(journey.completed),
    journey.failed > 0
      ? `<span class="bad">${formatCount(journey.failed)}</span>`
      : formatCount(journey.failed),
    formatMs(journey.duration?.p50),
    formatMs(journey.duration?.p95),
    formatMs(journey.duration?.p99),
  ]);
  return table(
    `${sideTitles[side.kind]}: journeys and their durations (ms)`,
    [
      { label: 'Journey' },
      { label: 'Completed', numeric: true },
      { label: 'Failed', numeric: true },
      { label: 'p50 (ms)', numeric: true },
      { label: 'p95 (ms)', numeric: true },
      { label: 'p99 (ms)', numeric: true },
    ],
    rows,
  );
}

// ---- 3. Steps ----------------------------------------------------------------------------------

/** Slowest first: the steps worth a look are at the top of the table and the chart. */
function stepsByP95(side: Side): [string, Distribution][] {
  return Object.entries(side.steps).sort(([, a], [, b]) => b.p95 - a.p95);
}

function stepsSummary(steps: [string, Distribution][]): string {
  const [slowestName, slowest] = steps[0] ?? ['', undefined];
  const [fastestName, fastest] = steps[steps.length - 1] ?? ['', undefined];
  if (!slowest || !fastest) return '';
  const text =
    `${formatCount(steps.length)} steps. Slowest at p95: ${slowestName} ` +
    `(p50 ${withMs(slowest.p50)}, p95 ${withMs(slowest.p95)}, p99 ${withMs(slowest.p99)}).`;
  return steps.length > 1 ? `${text} Fastest: ${fastestName} (p95 ${withMs(fastest.p95)}).` : text;
}

function renderSteps(side: Side): string {
  const steps = stepsByP95(side);
  if (steps.length === 0) return emptyLine(`No ${sideNouns[side.kind]} steps recorded.`);
  const rows = steps.map(([name, d]) => [
    `<span class="name">${escapeMarkup(name)}</span>`,
    formatCount(d.count),
    formatMs(d.p50),
    formatMs(d.p95),
    formatMs(d.p99),
    formatMs(d.max),
  ]);
  const stepTable = table(
    `${sideTitles[side.kind]}: latency per step (ms), slowest p95 first`,
    [
      { label: 'Step' },
      { label: 'Count', numeric: true },
      { label: 'p50', numeric: true },
      { label: 'p95', numeric: true },
      { label: 'p99', numeric: true },
      { label: 'Max', numeric: true },
    ],
    rows,
  );
  // Three bars per step need room; the chart grows with the steps instead of squeezing them.
  const chart = chartFigure(
    `chart-steps-${side.kind}`,
    `${sideTitles[side.kind]}: p50, p95 and p99 per step, horizontal bars in ms`,
    stepsSummary(steps),
    90 + steps.length * 34,
  );
  return stepTable + chart;
}

// ---- 4. Web vitals -----------------------------------------------------------------------------

function rate(name: VitalName, value: number): Rating {
  const { good, poor } = vitalThresholds[name];
  if (value <= good) return 'good';
  return value <= poor ? 'needs-improvement' : 'poor';
}

function orderedPageTypes(vitals: LoadReport['vitals']): string[] {
  const known = pageTypeOrder.filter((type) => type in vitals);
  const others = Object.keys(vitals)
    .filter((type) => !(pageTypeOrder as readonly string[]).includes(type))
    .sort();
  return [...known, ...others];
}

function vitalCell(name: VitalName, d: Distribution | undefined): string {
  if (!d) return `<span class="muted">${noValue}</span>`;
  const rating = rate(name, d.p75);
  return (
    `<span class="vital ${rating}"><span class="p75">${formatVital(name, d.p75)}</span>` +
    `<span class="rating">${ratingLabels[rating]}</span></span>` +
    `<span class="spread">p50 ${formatVital(name, d.p50)} · p95 ${formatVital(name, d.p95)}</span>`
  );
}

function thresholdsLine(): string {
  const parts = vitalNames.map((name) => {
    const { good, poor } = vitalThresholds[name];
    const unit = name === 'CLS' ? '' : '\u00a0ms';
    return `${name} ${formatCountOrDecimal(good)} / ${formatCountOrDecimal(poor)}${unit}`;
  });
  return `<p class="note">p75 in large type (p50 · p95 below), in ms except CLS (unitless). Colours follow Google's thresholds, good up to / poor above: ${escapeMarkup(parts.join(', '))}.</p>`;
}

function formatCountOrDecimal(value: number): string {
  return Number.isInteger(value) ? formatCount(value) : String(value);
}

function vitalsSummary(types: string[], vitals: LoadReport['vitals']): string {
  const parts = types.map((type) => {
    const lcp = vitals[type]?.LCP;
    return lcp
      ? `${type} ${withMs(lcp.p75)} (${ratingLabels[rate('LCP', lcp.p75)]})`
      : `${type} not measured`;
  });
  return `LCP p75 per page type: ${parts.join('; ')}. The chart also shows TTFB and FCP p75.`;
}

function renderVitals(report: LoadReport): string {
  const types = orderedPageTypes(report.vitals);
  if (types.length === 0)
    return emptyLine('No web vitals recorded (they come from browser shoppers).');
  const rows = types.map((type) => {
    const vitals = report.vitals[type] ?? {};
    const loads = Math.max(0, ...Object.values(vitals).map((d) => d.count));
    return [
      escapeMarkup(type),
      formatCount(loads),
      ...vitalNames.map((name) => vitalCell(name, vitals[name])),
    ];
  });
  const vitalsTable = table(
    'Web vitals per page type: p75, with p50 and p95',
    [
      { label: 'Page type' },
      { label: 'Loads', numeric: true },
      ...vitalNames.map((name) => ({
        label: name === 'CLS' ? 'CLS' : `${name} (ms)`,
        numeric: true,
      })),
    ],
    rows,
    'vitals',
  );
  const chart = chartFigure(
    'chart-vitals',
    'TTFB, FCP and LCP p75 per page type, grouped bars in ms',
    vitalsSummary(types, report.vitals),
    300,
  );
  return vitalsTable + thresholdsLine() + chart;
}

// ---- 5. Over time ------------------------------------------------------------------------------

const mean = (values: number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;

/** The point with the largest value, or undefined when there is none. */
function peak<T>(items: T[], value: (item: T) => number | null): T | undefined {
  let best: T | undefined;
  let bestValue = -Infinity;
  for (const item of items) {
    const v = value(item);
    if (v !== null && v > bestValue) {
      best = item;
      bestValue = v;
    }
  }
  return best;
}

function periodSummaries(report: LoadReport): { rps: string; p95: string; errors: string } {
  const rps: string[] = [];
  const p95: string[] = [];
  const errors: string[] = [];
  for (const kind of sideKinds) {
    const periods = report.periods.filter((period) => period.side === kind);
    if (periods.length === 0) continue;
    const name = sideTitles[kind];
    const busiest = peak(periods, (period) => period.requestsPerSecond);
    rps.push(
      `${name}: mean ${oneDecimal.format(mean(periods.map((period) => period.requestsPerSecond)))} ` +
        `req/s, peak ${oneDecimal.format(busiest?.requestsPerSecond ?? 0)} at ${formatSeconds(busiest?.t ?? 0)}`,
    );
    const slowest = peak(periods, (period) => period.p95);
    p95.push(
      slowest
        ? `${name}: highest p95 ${withMs(slowest.p95)} at ${formatSeconds(slowest.t)}`
        : `${name}: no latency recorded`,
    );
    const total = periods.reduce((sum, period) => sum + period.errors, 0);
    const worst = peak(periods, (period) => period.errors);
    errors.push(
      total > 0 && worst
        ? `${name}: ${formatCount(total)} failed requests, most (${formatCount(worst.errors)}) in the period from ${formatSeconds(worst.t)}`
        : `${name}: no failed requests`,
    );
  }
  return { rps: `${rps.join('. ')}.`, p95: `${p95.join('. ')}.`, errors: `${errors.join('. ')}.` };
}

function cpuSummary(samples: Sample[]): string {
  const busy = samples.map((s) => s.cpu.busy);
  return (
    `Machine busy: mean ${formatPercent(mean(busy))}, peak ${formatPercent(Math.max(...busy))}. ` +
    `Load generator: mean ${formatPercent(mean(samples.map((s) => s.cpu.generator)))}. ` +
    `Shop: mean ${formatPercent(mean(samples.map((s) => s.cpu.shop)))}.`
  );
}

function cacheLevelTotals(samples: Sample[]): [string, number][] {
  const totals: Record<string, number> = {};
  for (const sample of samples) {
    for (const [level, reads] of Object.entries(sample.cacheLevels)) {
      totals[level] = (totals[level] ?? 0) + reads;
    }
  }
  return Object.entries(totals);
}

function hitRatios(samples: Sample[], pick: (s: Sample) => { hits: number; all: number }) {
  return samples.filter((s) => pick(s).all > 0).map((s) => pick(s).hits / pick(s).all);
}

function hitRatioSummary(report: LoadReport): string {
  const describe = (name: string, overall: number | null, ratios: number[]) =>
    ratios.length === 0 || overall === null
      ? `${name}: no answers recorded`
      : `${name}: ${formatPercent(overall)} over the run, per sample from ` +
        `${formatPercent(Math.min(...ratios))} to ${formatPercent(Math.max(...ratios))}`;
  const { samples, summary } = report;
  return (
    `${describe(
      'Page cache',
      summary.pageCacheHitRatio,
      hitRatios(samples, (s) => s.pageCache),
    )}. ` +
    `${describe(
      'CDN',
      summary.cdnHitRatio,
      hitRatios(samples, (s) => s.cdn),
    )}.`
  );
}

function renderOverTime(report: LoadReport): string {
  const { periods, samples } = report;
  if (periods.length === 0 && samples.length === 0) {
    return emptyLine('Nothing was recorded over time (no periods, no samples).');
  }
  const figures: string[] = [];
  const height = 240;
  if (periods.length === 0) {
    figures.push(
      emptyLine('No periods recorded: throughput, p95 and errors over time are missing.'),
    );
  } else {
    const summaries = periodSummaries(report);
    figures.push(
      `<h3>Requests per second</h3>`,
      chartFigure('chart-rps', 'Requests per second per side over time', summaries.rps, height),
      `<h3>p95 latency</h3>`,
      chartFigure('chart-p95', 'p95 latency in ms per side over time', summaries.p95, height),
      `<h3>Errors</h3>`,
      chartFigure('chart-errors', 'Failed requests per period per side', summaries.errors, height),
    );
  }
  if (samples.length === 0) {
    figures.push(
      emptyLine('No samples recorded: CPU, caches and replica lag over time are missing.'),
    );
  } else {
    figures.push(
      `<h3>CPU</h3>`,
      chartFigure(
        'chart-cpu',
        'Share of all CPUs busy, used by the load generator and by the shop, in percent',
        cpuSummary(samples),
        height,
      ),
      `<h3>Catalog cache reads by level</h3>`,
      renderCacheLevels(samples, height),
      `<h3>Page cache and CDN hit ratio</h3>`,
      samples.some((s) => s.pageCache.all > 0 || s.cdn.all > 0)
        ? chartFigure(
            'chart-hit-ratio',
            'Page cache and CDN hit ratio per sample, in percent',
            hitRatioSummary(report),
            height,
          )
        : emptyLine('No page cache or CDN answers recorded.'),
      `<h3>Replica lag</h3>`,
      renderLag(samples, height),
    );
  }
  return `<p class="note">All charts share the x axis: seconds since the run began.</p>\n${figures.join('\n')}`;
}

function renderCacheLevels(samples: Sample[], height: number): string {
  const totals = cacheLevelTotals(samples);
  const all = totals.reduce((sum, [, reads]) => sum + reads, 0);
  if (all === 0) return emptyLine('No catalog cache reads recorded.');
  const parts = totals
    .sort(([, a], [, b]) => b - a)
    .map(([level, reads]) => `${level} ${formatCount(reads)} (${formatPercent(reads / all)})`);
  return chartFigure(
    'chart-cache-levels',
    'Catalog cache reads by level per sample, stacked',
    `Reads over the run by level: ${parts.join(', ')}.`,
    height,
  );
}

function renderLag(samples: Sample[], height: number): string {
  const measured = samples.filter((s) => s.replicaLagSeconds !== null);
  const worst = peak(measured, (s) => s.replicaLagSeconds);
  if (!worst || worst.replicaLagSeconds === null) return emptyLine('Replica lag was not measured.');
  return chartFigure(
    'chart-lag',
    'Read replica lag in seconds over time',
    `Highest lag ${formatLag(worst.replicaLagSeconds)} at ${formatSeconds(worst.t)}; ` +
      `measured in ${formatCount(measured.length)} of ${formatCount(samples.length)} samples.`,
    height,
  );
}

// ---- 6. Totals ---------------------------------------------------------------------------------

function renderTotalsHead(report: LoadReport): string {
  const { summary } = report;
  const ratio = (share: number | null) =>
    share === null ? '<span class="muted">not measured</span>' : escapeMarkup(formatPercent(share));
  const stats: [string, string][] = [
    ['Catalog cache hit ratio', ratio(summary.cacheHitRatio)],
    ['Page cache hit ratio', ratio(summary.pageCacheHitRatio)],
    ['CDN hit ratio', ratio(summary.cdnHitRatio)],
    [
      'Max replica lag',
      summary.maxReplicaLagSeconds === null
        ? '<span class="muted">not measured</span>'
        : formatLag(summary.maxReplicaLagSeconds),
    ],
  ];
  return `<dl class="stats">
${stats.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('\n')}
</dl>`;
}

function renderSideTotals(side: Side): string {
  const title = sideTitles[side.kind];
  const noun = sideNouns[side.kind];
  const pictures =
    side.refusedPictures > 0
      ? ` ${formatCount(side.refusedPictures)} pictures were refused (429: first renders past one address's limit, which every browser here shares); they are not counted as failed requests.`
      : '';
  const requests = `<p>${formatCount(side.requests)} requests, ${oneDecimal.format(side.throughput)} per second over the run.${pictures}</p>`;
  const answered = Object.values(side.codes).reduce((sum, n) => sum + n, 0);
  const codes = Object.entries(side.codes).sort(([a], [b]) => a.localeCompare(b));
  const codesTable = codes.length
    ? table(
        `${title}: answers per HTTP status code`,
        [{ label: 'Status' }, { label: 'Count', numeric: true }, { label: 'Share', numeric: true }],
        codes.map(([code, n]) => [
          escapeMarkup(code),
          formatCount(n),
          escapeMarkup(formatPercent(answered > 0 ? n / answered : 0)),
        ]),
      )
    : emptyLine(`No ${noun} status codes recorded.`);
  const errors = Object.entries(side.errors).sort(([, a], [, b]) => b - a);
  const errorsTable = errors.length
    ? table(
        `${title}: errors without an answer, by message`,
        [{ label: 'Error' }, { label: 'Count', numeric: true }],
        errors.map(([message, n]) => [
          `<span class="name">${escapeMarkup(message)}</span>`,
          formatCount(n),
        ]),
      )
    : emptyLine(`No ${noun} errors without an answer.`);
  const checksTable = side.checks.length
    ? table(
        `${title}: checks`,
        [{ label: 'Check' }, { label: 'Result' }],
        side.checks.map(({ check, ok }) => [
          `<span class="name">${escapeMarkup(check)}</span>`,
          ok ? '<span class="good-text">✓ ok</span>' : '<span class="bad">✗ failed</span>',
        ]),
        'checks',
      )
    : emptyLine(`No ${noun} checks.`);
  return requests + codesTable + errorsTable + checksTable;
}

// ---- The page ----------------------------------------------------------------------------------

// Plain JavaScript run by the page: builds every chart from the embedded report. A canvas the
// server left out (no data) is simply skipped.
const chartScript = String.raw`
(() => {
${chartScriptPrelude}
  const sideColours = { browser: '#2563eb', http: '#c2410c' };
  const sideNames = { browser: 'Browser', http: 'HTTP' };
  // Sides differ in dash and point shape as well as colour: for colour-blind readers, and so
  // that one line lying on the other still shows.
  const sideStyles = {
    browser: { pointStyle: 'circle', borderWidth: 3 },
    http: { pointStyle: 'rectRot', borderDash: [6, 4], pointRadius: 3 },
  };
  const percentileColours = { p50: '#93c5fd', p95: '#2563eb', p99: '#1e3a8a' };
  const vitalColours = { TTFB: '#0e7490', FCP: '#7c3aed', LCP: '#db2777' };
  const levelColours = ['#2563eb', '#0d9488', '#65a30d', '#9333ea', '#0891b2', '#64748b'];
  const pageTypeOrder = PAGE_TYPE_ORDER;

  const formatMs = (v) => v == null ? '—' :
    v.toLocaleString('en-US', { maximumFractionDigits: Math.abs(v) >= 10 ? 0 : 1 }) + ' ms';
  const formatNumber = (v, digits) => v == null ? '—' :
    v.toLocaleString('en-US', { maximumFractionDigits: digits });

  // Steps: horizontal bars, slowest p95 on top, like the table next to it.
  for (const side of report.sides) {
    const steps = Object.entries(side.steps).sort((a, b) => b[1].p95 - a[1].p95);
    draw('chart-steps-' + side.kind, {
      type: 'bar',
      data: {
        labels: steps.map(([name]) => name),
        datasets: ['p50', 'p95', 'p99'].map((p) => ({
          label: p, data: steps.map(([, d]) => d[p]), backgroundColor: percentileColours[p],
        })),
      },
      options: {
        indexAxis: 'y',
        plugins: { tooltip: { callbacks: { label: (ctx) => ctx.dataset.label + ': ' + formatMs(ctx.parsed.x) } } },
        scales: {
          x: { beginAtZero: true, title: { display: true, text: 'ms' } },
          y: { ticks: { autoSkip: false, callback(value) {
            const label = this.getLabelForValue(value);
            return label.length > 42 ? label.slice(0, 41) + '…' : label;
          } } },
        },
      },
    });
  }

  // Web vitals: p75 per page type, grouped by vital.
  const known = pageTypeOrder.filter((t) => t in report.vitals);
  const others = Object.keys(report.vitals).filter((t) => !pageTypeOrder.includes(t)).sort();
  const types = known.concat(others);
  draw('chart-vitals', {
    type: 'bar',
    data: {
      labels: types,
      datasets: ['TTFB', 'FCP', 'LCP'].map((name) => ({
        label: name + ' p75',
        data: types.map((t) => report.vitals[t][name] ? report.vitals[t][name].p75 : null),
        backgroundColor: vitalColours[name],
      })),
    },
    options: {
      plugins: { tooltip: { callbacks: { label: (ctx) => ctx.dataset.label + ': ' + formatMs(ctx.parsed.y) } } },
      scales: { y: { beginAtZero: true, title: { display: true, text: 'ms' } } },
    },
  });

  // Over time: every chart gets the same x range and y axis width, so they line up.
  const lastT = Math.max(
    report.settings.durationSeconds,
    ...report.periods.map((p) => p.t + 10),
    ...report.samples.map((s) => s.t),
  );
  const timeOptions = (yTitle, format, extra) => ({
    interaction: { mode: 'nearest', axis: 'x', intersect: false },
    plugins: { legend: { labels: { usePointStyle: true, boxHeight: 8 } }, tooltip: {
      callbacks: {
        title: (items) => items.length ? items[0].parsed.x + ' s' : '',
        label: (ctx) => ctx.dataset.label + ': ' + format(ctx.parsed.y),
      },
    } },
    scales: {
      x: { type: 'linear', min: 0, max: lastT, title: { display: true, text: 'seconds since start' } },
      y: Object.assign({
        beginAtZero: true,
        title: { display: true, text: yTitle },
        afterFit: (axis) => { axis.width = 72; },
      }, extra || {}),
    },
  });
  const line = (label, colour, data, extra) => Object.assign({
    label, data, borderColor: colour, backgroundColor: colour,
    borderWidth: 2, pointRadius: 2, pointHoverRadius: 4, tension: 0,
  }, extra || {});
  const sidesInPeriods = ['browser', 'http'].filter((k) => report.periods.some((p) => p.side === k));
  const perSide = (pick) => sidesInPeriods.map((kind) => line(
    sideNames[kind], sideColours[kind],
    report.periods.filter((p) => p.side === kind).sort((a, b) => a.t - b.t)
      .map((p) => ({ x: p.t, y: pick(p) })),
    sideStyles[kind],
  ));

  draw('chart-rps', { type: 'line', data: { datasets: perSide((p) => p.requestsPerSecond) },
    options: timeOptions('requests/s', (v) => formatNumber(v, 1) + ' req/s') });
  draw('chart-p95', { type: 'line', data: { datasets: perSide((p) => p.p95) },
    options: timeOptions('p95 (ms)', formatMs) });
  draw('chart-errors', { type: 'line', data: { datasets: perSide((p) => p.errors) },
    options: timeOptions('failed requests', (v) => formatNumber(v, 0), { ticks: { precision: 0 } }) });

  const samples = report.samples.slice().sort((a, b) => a.t - b.t);
  const percent = (v) => formatNumber(v, 1) + ' %';
  draw('chart-cpu', {
    type: 'line',
    data: { datasets: [
      line('Machine busy', '#475569', samples.map((s) => ({ x: s.t, y: s.cpu.busy * 100 }))),
      line('Load generator', '#c2410c', samples.map((s) => ({ x: s.t, y: s.cpu.generator * 100 }))),
      line('Shop', '#2563eb', samples.map((s) => ({ x: s.t, y: s.cpu.shop * 100 }))),
    ] },
    options: timeOptions('% of all CPUs', percent, { max: 100 }),
  });

  // Cache reads: stacked areas, each level filled down to the one below it. Reads that missed
  // the cache go on top in warm colours, so the hit levels form one block at the bottom.
  const missColours = { MISS: '#dc2626', BYPASS: '#a16207' };
  const isMiss = (level) => level in missColours;
  const levels = [...new Set(samples.flatMap((s) => Object.keys(s.cacheLevels)))]
    .sort((a, b) => Number(isMiss(a)) - Number(isMiss(b)));
  const levelColour = (level, i) => missColours[level] || levelColours[i % levelColours.length];
  draw('chart-cache-levels', {
    type: 'line',
    data: { datasets: levels.map((level, i) => line(level, levelColour(level, i),
      samples.map((s) => ({ x: s.t, y: s.cacheLevels[level] || 0 })),
      { fill: i === 0 ? 'origin' : '-1', backgroundColor: levelColour(level, i) + '55' })) },
    options: timeOptions('reads per sample', (v) => formatNumber(v, 0), { stacked: true }),
  });

  // Hit ratios: a sample with no answers has no ratio, so it is left out rather than drawn as 0.
  const ratio = (pick) => samples.filter((s) => pick(s).all > 0)
    .map((s) => ({ x: s.t, y: (pick(s).hits / pick(s).all) * 100 }));
  draw('chart-hit-ratio', {
    type: 'line',
    data: { datasets: [
      line('Page cache', '#059669', ratio((s) => s.pageCache)),
      line('CDN', '#7c3aed', ratio((s) => s.cdn)),
    ] },
    options: timeOptions('hit ratio (%)', percent, { max: 100 }),
  });

  draw('chart-lag', {
    type: 'line',
    data: { datasets: [line('Replica lag', '#dc2626',
      samples.map((s) => ({ x: s.t, y: s.replicaLagSeconds })), { spanGaps: false })] },
    options: timeOptions('seconds', (v) => formatNumber(v, 2) + ' s'),
  });
})();
`;

/** The report as one HTML document; `chartJs` is Chart.js 4's UMD build, inlined as is. */
export function renderHtml(report: LoadReport, chartJs: string): string {
  const { settings, summary } = report;
  const verdict = summary.passed ? 'PASS' : 'FAIL';
  const body = [
    renderHeader(report),
    renderNav(),
    '<noscript><p class="note">The charts need JavaScript; the tables hold the same numbers.</p></noscript>',
    section('journeys', 'Journeys', perSide(report, renderJourneys)),
    section('steps', 'Steps', perSide(report, renderSteps)),
    section('vitals', 'Web vitals per page type', renderVitals(report)),
    section('over-time', 'Over time', renderOverTime(report)),
    section('totals', 'Totals', renderTotalsHead(report) + perSide(report, renderSideTotals)),
  ].join('\n');
  return htmlDocument({
    title: `Load run — ${settings.mix} mix — ${verdict}`,
    body,
    data: report,
    chartJs,
    script: chartScript.replace('PAGE_TYPE_ORDER', JSON.stringify(pageTypeOrder)),
  });
}
