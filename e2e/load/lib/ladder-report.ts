// The ladder's results (ladder.json): every probe of every step, each step's sustainable rate and
// its ratio to the first step, and the table printed at the end. Pure: the runner feeds it
// Artillery's outputs and the sampler's samples.
import type { LadderStep } from './ladder-steps';
import type { SearchResult } from './ladder-search';
import type { Sample } from './report-types';
import { sampleEveryMs } from './sampler';
import { summarizeSamples, summarizeSide, type ArtilleryOutput } from './summarize';

/** What a probe must keep to pass. */
export interface ProbeLimits {
  /** p95 of all requests must stay under this. */
  budgetMs: number;
  /** The share of requests the shop may refuse (5xx, 429), exclusive. */
  maxErrorRate: number;
}

/** One open-loop run at one arrival rate. */
export interface Probe {
  /** Browse journeys started a second. */
  rate: number;
  seconds: number;
  journeys: { completed: number; failed: number };
  requests: number;
  requestsPerSecond: number;
  /** Latency of all requests, in ms; null when none was answered. */
  latency: { p50: number; p95: number; p99: number } | null;
  /** Share of requests refused (5xx, 429). */
  refusedShare: number;
  /** Shoppers Artillery stopped because a request got no answer. */
  failedShoppers: number;
  cpu: { busyShare: number; generatorShare: number };
  /** Seconds from the probe's first request to its last answer. */
  spanSeconds: number | null;
  /**
   * The load generator used half the machine or more, or fell behind the arrival rate (see
   * PACE_ALLOWANCE_SECONDS): it may have set the limit.
   */
  generatorBound: boolean;
  pageCacheHitRatio: number | null;
  cdnHitRatio: number | null;
  passed: boolean;
  /** Each limit the probe broke, in words. */
  failures: string[];
}

export interface StepResult {
  id: number;
  label: string;
  adds: string;
  settings: Record<string, string>;
  /** The uncounted probe that filled the caches after the restart. */
  warmup: Probe | null;
  probes: Probe[];
  /** The highest rate that passed; 0 when none did. */
  sustainableRate: number;
  /** It passed at --max-rate: the shop may sustain more. */
  capped: boolean;
  /** The passing probe at the sustainable rate. */
  atSustainable: Probe | null;
  /** The probes that set the limit (the best pass, the lowest failure above it) were generator-bound. */
  generatorBound: boolean;
  /** The sustainable rate over the first step's; null when the first sustained nothing. */
  ratio: number | null;
  /** Wall time of the step, restart included. */
  seconds: number;
}

export interface LadderSettings extends ProbeLimits {
  target: string;
  stack: string;
  mix: 'browsing';
  startRate: number;
  maxRate: number;
  growth: number;
  bisections: number;
  probeSeconds: number;
  warmupSeconds: number;
  thinkSeconds: number;
  startedAt: string;
  cpus: number;
}

export interface LadderReport {
  settings: LadderSettings;
  steps: StepResult[];
  /** Set when the ladder ended; a report written mid-way has the steps so far. */
  finishedAt: string | null;
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

/**
 * How much longer than its arrival window a probe's requests may run: the last journeys' own
 * length (three pages with think times). A probe that ran longer had its shoppers' requests sent
 * late: the generator could not keep the rate (in one run, 20 s of arrivals at 74 a second took
 * 65 s to send, at a p95 that looked fine), so the rate was never put on the shop.
 */
export const PACE_ALLOWANCE_SECONDS = 10;

/** The generator kept the probe's pace: its requests ran within the window and the allowance. */
const keptPace = (probe: { seconds: number; spanSeconds: number | null }) =>
  probe.spanSeconds === null || probe.spanSeconds <= probe.seconds + PACE_ALLOWANCE_SECONDS;

/** Which limits a probe broke, from what it measured. */
function brokenLimits(probe: Omit<Probe, 'passed' | 'failures'>, limits: ProbeLimits): string[] {
  const broken: string[] = [];
  if (!probe.latency) broken.push('no request was answered');
  else if (probe.latency.p95 >= limits.budgetMs)
    broken.push(`p95 ${Math.round(probe.latency.p95)} ms ≥ ${limits.budgetMs} ms`);
  if (probe.refusedShare >= limits.maxErrorRate && probe.refusedShare > 0)
    broken.push(`${percent(probe.refusedShare)} of requests refused`);
  if (probe.failedShoppers > 0) broken.push(`${probe.failedShoppers} shoppers got no answer`);
  if (probe.journeys.failed > 0) broken.push(`${probe.journeys.failed} journeys failed`);
  if (!keptPace(probe)) {
    broken.push(
      `the generator fell behind: ${probe.seconds} s of arrivals took ${Math.round(probe.spanSeconds ?? 0)} s to send`,
    );
  }
  return broken;
}

/**
 * The samples taken while the probe's requests ran (each covers the seconds before it), not while
 * Artillery started up or wound down: those would water the generator's share down.
 */
function samplesDuringLoad(output: ArtilleryOutput, samples: Sample[], samplerStartedAt: number) {
  const { firstMetricAt, lastMetricAt } = output.aggregate;
  if (firstMetricAt === undefined || lastMetricAt === undefined) return samples;
  const during = samples.filter((s) => {
    const at = samplerStartedAt + s.t * 1000;
    return at > firstMetricAt && at <= lastMetricAt + sampleEveryMs;
  });
  return during.length > 0 ? during : samples;
}

/**
 * A probe's figures from Artillery's output and the samples taken while it ran (the sampler
 * started at `samplerStartedAt`, epoch ms).
 */
export function summarizeProbe(
  rate: number,
  seconds: number,
  output: ArtilleryOutput,
  sampled: { samples: Sample[]; startedAt: number },
  limits: ProbeLimits,
): Probe {
  const { counters, summaries } = output.aggregate;
  const side = summarizeSide('http', output, []);
  const journeys = Object.values(side.journeys).reduce(
    (sum, j) => ({ completed: sum.completed + j.completed, failed: sum.failed + j.failed }),
    { completed: 0, failed: 0 },
  );
  const responseTime = summaries['http.response_time'];
  const shop = summarizeSamples(samplesDuringLoad(output, sampled.samples, sampled.startedAt));
  const { firstMetricAt, lastMetricAt } = output.aggregate;
  const spanSeconds =
    firstMetricAt === undefined || lastMetricAt === undefined
      ? null
      : (lastMetricAt - firstMetricAt) / 1000;
  const measured = {
    rate,
    seconds,
    journeys,
    requests: side.requests,
    requestsPerSecond: side.throughput,
    latency: responseTime
      ? { p50: responseTime.p50, p95: responseTime.p95, p99: responseTime.p99 }
      : null,
    refusedShare: side.requests > 0 ? (counters['shop.refused_answers'] ?? 0) / side.requests : 0,
    failedShoppers: counters['vusers.failed'] ?? 0,
    cpu: { busyShare: shop.cpu.busyShare, generatorShare: shop.cpu.generatorShare },
    spanSeconds,
    generatorBound: shop.cpu.generatorShare >= 0.5 || !keptPace({ seconds, spanSeconds }),
    pageCacheHitRatio: shop.pageCacheHitRatio,
    cdnHitRatio: shop.cdnHitRatio,
  };
  const failures = brokenLimits(measured, limits);
  return { ...measured, passed: failures.length === 0, failures };
}

/** A step's result from its probes and the search over them (its ratio is set later). */
export function stepResult(
  step: LadderStep,
  warmup: Probe | null,
  probes: Probe[],
  search: SearchResult,
  seconds: number,
): StepResult {
  const atSustainable = probes.find((p) => p.passed && p.rate === search.rate) ?? null;
  const lowestFailureAbove = probes
    .filter((p) => !p.passed && p.rate > search.rate)
    .sort((a, b) => a.rate - b.rate)[0];
  return {
    id: step.id,
    label: step.label,
    adds: step.adds,
    settings: step.settings,
    warmup,
    probes,
    sustainableRate: search.rate,
    capped: search.capped,
    atSustainable,
    generatorBound: [atSustainable, lowestFailureAbove].some((p) => p?.generatorBound === true),
    ratio: null,
    seconds,
  };
}

/**
 * Every step's ratio to the first step run (the baseline when step 1 is among them). A first step
 * that passed at the maximum rate has no known rate to divide by.
 */
export function withRatios(steps: StepResult[]): StepResult[] {
  const base = steps[0];
  const known = base !== undefined && base.sustainableRate > 0 && !base.capped;
  return steps.map((step) => ({
    ...step,
    ratio: known ? step.sustainableRate / base.sustainableRate : null,
  }));
}

// ---- The table, as text and as the HTML report's rows ------------------------------------------

/** The sustainable rate as read: "≥ 200" when capped, "< 1" when even the lowest probe failed. */
export function formatRate(step: StepResult): string {
  if (step.sustainableRate === 0) {
    const lowest = Math.min(...step.probes.map((p) => p.rate));
    return Number.isFinite(lowest) ? `< ${lowest}` : '—';
  }
  return step.capped ? `≥ ${step.sustainableRate}` : String(step.sustainableRate);
}

/** The ratio as read: "≥ 2.86×" when the step passed at the maximum rate. */
export function formatRatio(step: StepResult): string {
  if (step.ratio === null) return '—';
  return `${step.capped ? '≥ ' : ''}${step.ratio.toFixed(2)}×`;
}

/** One row per step, as the printed table and the HTML table show it. */
export function tableRows(report: LadderReport): Record<string, string>[] {
  return report.steps.map((step) => {
    const at = step.atSustainable;
    return {
      step: `${step.id}. ${step.label}`,
      journeys: formatRate(step),
      requests: at ? at.requestsPerSecond.toFixed(1) : '—',
      p95: at?.latency ? `${Math.round(at.latency.p95)} ms` : '—',
      ratio: formatRatio(step),
      generatorBound: step.generatorBound ? 'yes' : '',
    };
  });
}

const textColumns: [keyof ReturnType<typeof tableRows>[number], string, 'left' | 'right'][] = [
  ['step', 'step', 'left'],
  ['journeys', 'journeys/s', 'right'],
  ['requests', 'requests/s', 'right'],
  ['p95', 'p95', 'right'],
  ['ratio', 'ratio', 'right'],
  ['generatorBound', 'generator-bound', 'left'],
];

/** The table for a terminal: one line per step, columns padded to line up. */
export function formatLadderTable(report: LadderReport): string {
  const rows = tableRows(report);
  const widths = textColumns.map(([key, title]) =>
    Math.max(title.length, ...rows.map((row) => row[key]?.length ?? 0)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return textColumns[i]?.[2] === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  return [
    line(textColumns.map(([, title]) => title)),
    ...rows.map((row) => line(textColumns.map(([key]) => row[key] ?? ''))),
  ].join('\n');
}
