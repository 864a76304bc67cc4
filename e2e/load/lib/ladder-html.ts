import { escapeMarkup } from '@shop/domain';
// ladder.html: the scalability ladder for a person. The steps' table, a bar chart of each step's
// sustainable rate over the baseline's, p95 against the arrival rate per step, and every probe.
// One self-contained page (lib/html-page.ts); no I/O here.
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
} from './html-page';
import { describeSettings } from './ladder-steps';
import {
  formatRate,
  formatRatio,
  tableRows,
  type LadderReport,
  type Probe,
  type StepResult,
} from './ladder-report';

function renderHeader(report: LadderReport): string {
  const { settings } = report;
  const facts: [string, string][] = [
    [
      'Target',
      `<code>${escapeMarkup(settings.target)}</code> (${escapeMarkup(settings.stack)} stack)`,
    ],
    ['Mix', 'browsing, open-loop arrivals'],
    ['p95 budget', `${formatCount(settings.budgetMs)}\u00a0ms`],
    ['Refused at most', escapeMarkup(formatPercent(settings.maxErrorRate))],
    ['Probe', formatSeconds(settings.probeSeconds)],
    ['Warm-up', formatSeconds(settings.warmupSeconds)],
    ['Think time', formatSeconds(settings.thinkSeconds)],
    ['Rates', `${settings.startRate} to ${settings.maxRate}\u00a0/s`],
    ['Started', escapeMarkup(formatStart(settings.startedAt))],
    ['CPUs', formatCount(settings.cpus)],
  ];
  const bound = report.steps.filter((step) => step.generatorBound);
  const warning = bound.length
    ? `<p class="warning" role="note"><strong>Warning:</strong> the load generator used half the ` +
      `machine or more where step ${bound.map((step) => step.id).join(', ')} reached its limit: ` +
      `there the generator, not the shop, may have set the limit. Read those rates as lower bounds.</p>`
    : '';
  const unfinished = report.finishedAt
    ? ''
    : '<p class="warning" role="note">The ladder did not finish: these are the steps it climbed.</p>';
  return `<header class="card head">
<h1>Scalability ladder</h1>
<p class="summary">${escapeMarkup(
    `The highest rate of browse journeys a second each configuration sustains with p95 of all ` +
      `requests under ${settings.budgetMs} ms, under ${formatPercent(settings.maxErrorRate)} of ` +
      `requests refused and no shopper failing.`,
  )}</p>
${warning}${unfinished}
<dl class="settings">
${facts.map(([term, value]) => `<div><dt>${term}</dt><dd>${value}</dd></div>`).join('\n')}
</dl>
</header>`;
}

function renderSteps(report: LadderReport): string {
  if (report.steps.length === 0) return emptyLine('No step was climbed.');
  const rows = tableRows(report);
  const stepTable = table(
    'Each step: the browse journeys a second it sustains, the requests a second and p95 at that rate, and that rate over the first step’s',
    [
      { label: 'Step' },
      { label: 'What it adds' },
      { label: 'Journeys/s', numeric: true },
      { label: 'Requests/s', numeric: true },
      { label: 'p95', numeric: true },
      { label: 'Ratio', numeric: true },
      { label: 'Generator-bound' },
    ],
    report.steps.map((step, i) => {
      const row = rows[i] ?? {};
      return [
        escapeMarkup(row.step ?? ''),
        `${escapeMarkup(step.adds)}<code class="step-settings">${escapeMarkup(describeSettings(step.settings))}</code>`,
        escapeMarkup(row.journeys ?? noValue),
        escapeMarkup(row.requests ?? noValue),
        escapeMarkup(row.p95 ?? noValue),
        escapeMarkup(row.ratio ?? noValue),
        step.generatorBound ? '<span class="bad">yes</span>' : 'no',
      ];
    }),
    'ladder',
  );
  const first = report.steps[0];
  const ratios = report.steps.map((step) => `${step.id}: ${formatRatio(step)}`).join(', ');
  const chart = chartFigure(
    'chart-ratios',
    'Sustainable rate of each step over the first step’s, bars',
    `Ratio of each step’s sustainable rate to step ${first?.id ?? ''}’s (${first ? formatRate(first) : noValue} journeys/s): ${ratios}.`,
    80 + report.steps.length * 40,
  );
  return stepTable + chart;
}

function latencySummary(report: LadderReport): string {
  const parts = report.steps.map((step) => {
    const measured = step.probes.filter((p) => p.latency);
    if (measured.length === 0) return `step ${step.id}: no latency measured`;
    const lowest = measured.reduce((a, b) => (a.rate <= b.rate ? a : b));
    const highest = measured.reduce((a, b) => (a.rate >= b.rate ? a : b));
    return (
      `step ${step.id}: ${formatMs(lowest.latency?.p95)} ms at ${lowest.rate}/s, ` +
      `${formatMs(highest.latency?.p95)} ms at ${highest.rate}/s`
    );
  });
  return `p95 of all requests against the arrival rate (the dashed line is the budget, ${report.settings.budgetMs} ms): ${parts.join('; ')}.`;
}

function renderLatency(report: LadderReport): string {
  if (!report.steps.some((step) => step.probes.some((p) => p.latency))) {
    return emptyLine('No probe measured any latency.');
  }
  return chartFigure(
    'chart-latency',
    'p95 latency in ms against arrival rate, one line per step, logarithmic rate axis',
    latencySummary(report),
    360,
  );
}

function verdictOf(probe: Probe): string {
  return probe.passed
    ? '<span class="good-text">✓ pass</span>'
    : `<span class="bad">✗ ${escapeMarkup(probe.failures.join('; '))}</span>`;
}

/** A probe's row; `verdict` is HTML. */
function probeRow(probe: Probe, verdict = verdictOf(probe)): string[] {
  return [
    String(probe.rate),
    formatMs(probe.latency?.p50),
    formatMs(probe.latency?.p95),
    formatMs(probe.latency?.p99),
    oneDecimal.format(probe.requestsPerSecond),
    escapeMarkup(formatPercent(probe.refusedShare)),
    `${escapeMarkup(formatPercent(probe.cpu.generatorShare))}${probe.generatorBound ? ' <span class="bad">bound</span>' : ''}`,
    escapeMarkup(probe.cdnHitRatio === null ? noValue : formatPercent(probe.cdnHitRatio)),
    escapeMarkup(
      probe.pageCacheHitRatio === null ? noValue : formatPercent(probe.pageCacheHitRatio),
    ),
    verdict,
  ];
}

function renderStepProbes(step: StepResult): string {
  const rows = step.probes.map((probe) => probeRow(probe));
  if (step.warmup)
    rows.unshift(probeRow(step.warmup, '<span class="muted">warm-up, not counted</span>'));
  const body = rows.length
    ? table(
        `Step ${step.id}: every probe in the order run (${formatSeconds(Math.round(step.seconds))} with the restart); generator: the load generator's share of all CPUs; page hits: the edge's page cache`,
        [
          { label: 'Journeys/s', numeric: true },
          { label: 'p50 (ms)', numeric: true },
          { label: 'p95 (ms)', numeric: true },
          { label: 'p99 (ms)', numeric: true },
          { label: 'Requests/s', numeric: true },
          { label: 'Refused', numeric: true },
          { label: 'Generator', numeric: true },
          { label: 'CDN hits', numeric: true },
          { label: 'Page hits', numeric: true },
          { label: 'Verdict' },
        ],
        rows,
        'probes',
      )
    : emptyLine('No probe ran.');
  return `<h3>${escapeMarkup(`${step.id}. ${step.label}`)}</h3>\n${body}`;
}

// Plain JavaScript run by the page: draws both charts from the embedded report.
const chartScript = String.raw`
(() => {
${chartScriptPrelude}
  const colours = ['#64748b', '#2563eb', '#0d9488', '#65a30d', '#9333ea', '#c2410c'];
  const points = ['circle', 'rect', 'triangle', 'rectRot', 'star', 'crossRot'];
  const label = (step) => step.id + '. ' + step.label;

  draw('chart-ratios', {
    type: 'bar',
    data: {
      labels: report.steps.map(label),
      datasets: [{
        label: 'ratio to the first step',
        data: report.steps.map((step) => step.ratio),
        backgroundColor: report.steps.map((step, i) => colours[i % colours.length]),
      }],
    },
    options: {
      indexAxis: 'y',
      plugins: { legend: { display: false }, tooltip: { callbacks: {
        label: (ctx) => ctx.parsed.x == null ? 'no ratio' : ctx.parsed.x.toFixed(2) + '×',
      } } },
      scales: { x: { beginAtZero: true, title: { display: true, text: 'sustainable rate / first step’s' } } },
    },
  });

  const measured = report.steps.flatMap((step) => step.probes.filter((p) => p.latency));
  const rates = measured.map((p) => p.rate);
  const budget = report.settings.budgetMs;
  draw('chart-latency', {
    type: 'line',
    data: {
      datasets: report.steps.map((step, i) => ({
        label: label(step),
        data: step.probes.filter((p) => p.latency).sort((a, b) => a.rate - b.rate)
          .map((p) => ({ x: p.rate, y: p.latency.p95 })),
        borderColor: colours[i % colours.length],
        backgroundColor: colours[i % colours.length],
        pointStyle: points[i % points.length],
        pointRadius: 4,
        borderWidth: 2,
      })).concat([{
        label: 'budget',
        data: [{ x: Math.min(...rates), y: budget }, { x: Math.max(...rates), y: budget }],
        borderColor: '#b91c1c',
        borderDash: [6, 4],
        pointRadius: 0,
        borderWidth: 1.5,
      }]),
    },
    options: {
      plugins: { legend: { labels: { usePointStyle: true, boxHeight: 8 } }, tooltip: { callbacks: {
        label: (ctx) => ctx.dataset.label + ': ' + Math.round(ctx.parsed.y) + ' ms at ' + ctx.parsed.x + '/s',
      } } },
      scales: {
        x: {
          type: 'logarithmic',
          title: { display: true, text: 'browse journeys started a second' },
          // Only 1, 2 and 5 of each decade: the log axis would label every tenth.
          ticks: { callback: (value) => {
            const mantissa = value / 10 ** Math.floor(Math.log10(value));
            return [1, 2, 5].some((d) => Math.abs(mantissa - d) < 1e-6) ? String(value) : '';
          } },
        },
        y: { beginAtZero: true, title: { display: true, text: 'p95 (ms)' } },
      },
    },
  });
})();
`;

const extraStyles = String.raw`
.ladder td:nth-child(2) { min-width: 18em; }
.step-settings { display: block; margin-top: 2px; font-size: 0.78rem; color: var(--muted); }
.probes th, .probes td { padding: 6px 6px; }
.probes td:last-child { min-width: 13em; }
`;

/** The ladder as one HTML document; `chartJs` is Chart.js 4's UMD build, inlined as is. */
export function renderLadderHtml(report: LadderReport, chartJs: string): string {
  const body = [
    renderHeader(report),
    '<noscript><p class="note">The charts need JavaScript; the tables hold the same numbers.</p></noscript>',
    section('steps', 'Steps', renderSteps(report)),
    section('latency', 'Latency against rate', renderLatency(report)),
    section('probes', 'Probes', report.steps.map(renderStepProbes).join('\n')),
  ].join('\n');
  return htmlDocument({
    title: 'Scalability ladder',
    body,
    data: report,
    chartJs,
    script: chartScript,
    extraStyles,
  });
}
