import { escapeMarkup } from '@shop/domain';
// chaos.html: every scenario of a chaos run for a person: the fault, the promise, whether it
// held, and the load's error rate and p95 before, during and after the fault, with the time the
// shop took to be steady again; for kill-worker, what the workers' fold counted against what
// the shop was sent. One self-contained page (lib/html-page.ts); no I/O here.
import { freshFrom, oldestAge, type FoldFigures } from './chaos-fold-verdict';
import type { Timeline, Verdict, Window, Windows } from './chaos-verdict';
import type { Period } from './report-types';
import {
  formatCount,
  formatPercent,
  formatSeconds,
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
  /** kill-worker's own figures: the fold's tally against what was sent, the kill, the lists' age. */
  fold?: FoldFigures;
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
  window.errorRate === null ? noValue : escapeMarkup(formatPercent(window.errorRate));

function renderHypotheses(report: ChaosReport): string {
  const rows = report.results.map((result) => [
    `<code>${escapeMarkup(result.name)}</code>`,
    escapeMarkup(result.fault),
    escapeMarkup(result.hypothesis),
    `${result.verdict.passed ? '<span class="pass">held</span>' : '<span class="fail">broken</span>'}` +
      `<br><small>${escapeMarkup(result.trouble ?? result.verdict.says)}</small>`,
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
      `<code>${escapeMarkup(result.name)}</code>`,
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

/** Milliseconds as seconds to a tenth: "12.6 s". */
const tenths = (ms: number) => formatSeconds(Math.round(ms / 100) / 10);

/** Sent and folded, side by side: "1,234 / 1,234". */
const sentFolded = (sent: number, folded: number) =>
  `${formatCount(sent)} / ${formatCount(folded)}`;

function renderFold(report: ChaosReport): string {
  const rows = report.results.flatMap(({ name, fold }) => {
    if (!fold) return [];
    const unacknowledged = Object.entries(fold.kill.unacknowledged)
      .map(([worker, entries]) => `${escapeMarkup(worker)}: ${formatCount(entries)}`)
      .join('<br>');
    const fresh = freshFrom(fold.ages);
    return [
      [
        `<code>${escapeMarkup(name)}</code>`,
        tenths(fold.kill.atMs),
        formatCount(fold.kill.queuedEntries),
        unacknowledged || '0',
        formatCount(fold.kill.viewsFolded),
        sentFolded(fold.sent.view, fold.folded.view),
        sentFolded(fold.sent.cart, fold.folded.cart),
        `at most ${tenths(oldestAge(fold.ages) * 1000)} old, ` +
          (fresh === undefined ? 'stale at the end' : `fresh from ${tenths(fresh.afterKillMs)}`),
      ],
    ];
  });
  if (rows.length === 0) return '';
  return section(
    'fold',
    "The workers' fold",
    `<p>${escapeMarkup(
      `Every worker was killed (seconds into the load) once one was part-way through folding a ` +
        `burst of views written to the events stream: entries queued, entries read and not ` +
        `acknowledged per worker, views folded between the burst and the kill. Sent: the view ` +
        `beacons and cart adds the API accepted during the run, plus the burst; folded: how much ` +
        `the workers' tally of folded events grew, read once every event was folded. Equal means ` +
        `every event counted once. Then the hot lists' oldest age in the API's answers after the ` +
        `kill, and from when on (after the kill) the API called them fresh to the end of the run.`,
    )}</p>` +
      table(
        'What the killed workers were folding, and what was counted',
        [
          { label: 'Scenario' },
          { label: 'Killed at', numeric: true },
          { label: 'Queued', numeric: true },
          { label: 'Unacknowledged', numeric: true },
          { label: 'Folded first', numeric: true },
          { label: 'Views sent / folded', numeric: true },
          { label: 'Carts sent / folded', numeric: true },
          { label: 'Hot lists' },
        ],
        rows,
      ),
  );
}

export function renderChaosHtml(report: ChaosReport, chartJs: string): string {
  const { settings } = report;
  const held = report.results.filter((result) => result.verdict.passed).length;
  const head = `<header class="card head">
<h1>Chaos run</h1>
<p class="summary">${escapeMarkup(
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
      renderFold(report),
    ]
      .filter(Boolean)
      .join('\n'),
    data: report,
    chartJs,
    script: '',
    extraStyles:
      '.pass{color:#166534;font-weight:600}.fail{color:#b91c1c;font-weight:600}' +
      '.hypotheses td,.hypotheses th{vertical-align:top}.hypotheses td:nth-child(3){min-width:16rem}',
  });
}
