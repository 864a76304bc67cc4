// chaos.html: every scenario of a chaos run for a person: the fault, the promise, whether it
// held, and the load's error rate and p95 before, during and after the fault, with the time the
// shop took to be steady again. One self-contained page (lib/html-page.ts); no I/O here.
import type { Timeline, Verdict, Window, Windows } from './chaos-verdict';
import type { Period } from './report-types';
import {
  escapeHtml,
  formatCount,
  formatPercent,
  formatStart,
  htmlDocument,
  noValue,
  section,
  table,
  withMs,
} from './html-page';

export interface ScenarioResult {
  name: string;
  fault: string;
  hypothesis: string;
  mix: string;
  /** When the fault was made and undone (ms since the load began), and the load's periods. */
  timeline: Timeline;
  periods: Period[];
  windows: Windows;
  verdict: Verdict;
  /** When the run could not make or undo the fault, what went wrong. */
  trouble?: string;
}

export interface ChaosReport {
  settings: {
    target: string;
    phaseSeconds: number;
    users: number;
    think: number;
    startedAt: string;
  };
  results: ScenarioResult[];
}

const rate = (window: Window) =>
  window.errorRate === null ? noValue : escapeHtml(formatPercent(window.errorRate));

function renderHypotheses(report: ChaosReport): string {
  const rows = report.results.map((result) => [
    `<code>${escapeHtml(result.name)}</code>`,
    escapeHtml(result.fault),
    escapeHtml(result.hypothesis),
    `${result.verdict.passed ? '<span class="pass">held</span>' : '<span class="fail">broken</span>'}` +
      `<br><small>${escapeHtml(result.trouble ?? result.verdict.says)}</small>`,
  ]);
  return table(
    'Each scenario: the fault made, the promise, and whether it held',
    [{ label: 'Scenario' }, { label: 'Fault' }, { label: 'Hypothesis' }, { label: 'Result' }],
    rows,
    'hypotheses',
  );
}

function renderFigures(report: ChaosReport): string {
  const rows = report.results.map((result) => {
    const { before, during, after, recoveredWithinSeconds } = result.windows;
    return [
      `<code>${escapeHtml(result.name)}</code>`,
      rate(before),
      rate(during),
      rate(after),
      withMs(before.p95),
      withMs(during.p95),
      withMs(after.p95),
      recoveredWithinSeconds === null
        ? noValue
        : `within ${formatCount(recoveredWithinSeconds)}\u00a0s`,
    ];
  });
  return table(
    'The load before, during and after each fault',
    [
      { label: 'Scenario' },
      { label: 'Errors before', numeric: true },
      { label: 'Errors during', numeric: true },
      { label: 'Errors after', numeric: true },
      { label: 'p95 before', numeric: true },
      { label: 'p95 during', numeric: true },
      { label: 'p95 after', numeric: true },
      { label: 'Steady again', numeric: true },
    ],
    rows,
  );
}

export function renderChaosHtml(report: ChaosReport, chartJs: string): string {
  const { settings } = report;
  const held = report.results.filter((result) => result.verdict.passed).length;
  const head = `<header class="card head">
<h1>Chaos run</h1>
<p class="summary">${escapeHtml(
    `${held} of ${report.results.length} hypotheses held. Each scenario: ${settings.users} ` +
      `protocol shoppers on ${settings.target} for ${settings.phaseSeconds} s before the fault, ` +
      `${settings.phaseSeconds} s with it and ${settings.phaseSeconds} s after; started ` +
      `${formatStart(settings.startedAt)}. Errors are answers 5xx and requests never answered ` +
      `(429s are the shop's own limits per shopper, there with or without a fault); p95 is the worst 10 s period's. "Steady again" is an upper bound as coarse as ` +
      `the load's 10 s periods: from the fault's end to the start of the first period after it ` +
      `back to the errors and p95 of before.`,
  )}</p>
</header>`;
  return htmlDocument({
    title: `Chaos run: ${held} of ${report.results.length} held`,
    body: [
      head,
      section('hypotheses', 'Hypotheses', renderHypotheses(report)),
      section('figures', 'Figures', renderFigures(report)),
    ].join('\n'),
    data: report,
    chartJs,
    script: '',
    extraStyles:
      '.pass{color:#166534;font-weight:600}.fail{color:#b91c1c;font-weight:600}' +
      '.hypotheses td,.hypotheses th{vertical-align:top}.hypotheses td:nth-child(3){min-width:16rem}',
  });
}
