// npm run bench:ladder -- [--steps 1,2,6] [--budget-ms 200] [--probe-seconds 30] ...
//
// The scalability ladder: the local stack restarted in one configuration after another, from a
// LAMP-style baseline to the full shop (lib/ladder-steps.ts), and for each the highest rate of
// browse journeys (open-loop arrivals, protocol shoppers) it sustains within the p95 budget.
// Writes ladder.json and ladder.html and prints the table. The stack ends as it began: restarted
// with its default settings if it was running, stopped if it was not. Exits 2 on bad input (an
// unknown step, a negative number, a shop that does not answer), 1 when the ladder itself failed.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { env } from './env';
import { prepareFlowBundles, runArtillery, writeScripts } from './lib/artillery';
import { readChartJs } from './lib/chart-js';
import { renderLadderHtml } from './lib/ladder-html';
import { parseLadderOptions, type LadderOptions } from './lib/ladder-options';
import {
  formatLadderTable,
  stepResult,
  summarizeProbe,
  withRatios,
  type LadderReport,
  type Probe,
  type StepResult,
} from './lib/ladder-report';
import { findSustainableRate, type SearchPlan } from './lib/ladder-search';
import { describeSettings, ladderSettingNames, type LadderStep } from './lib/ladder-steps';
import { samplerSources, startStack, stackIsRunning, stopStack } from './lib/local-stack';
import { mixes } from './lib/mixes';
import type { Sample } from './lib/report-types';
import { startSampler } from './lib/sampler';
import { httpScript, scriptSettings } from './lib/scripts';
import {
  checkTarget,
  InputError,
  productsCsv,
  readCatalog,
  type Catalog,
} from './lib/shop-catalog';

const say = (line: string) => process.stdout.write(`[ladder] ${line}\n`);
function stop(message: string): never {
  process.stderr.write(`ladder: ${message}\n`);
  process.exit(2);
}

const options = parseLadderOptions(process.argv.slice(2));
if ('error' in options) stop(options.error);
const target = env.PUBLIC_URL.replace(/\/$/, '');

/** Rates grow by 1.6 while probes pass; the gap to the first failure is then halved three times. */
const plan: SearchPlan = {
  startRate: options.startRate,
  maxRate: options.maxRate,
  growth: 1.6,
  bisections: 3,
};
/** The least time between one probe's last request and the next probe, for the shop to catch up. */
const settleSeconds = 5;

/** Set by Ctrl-C: the ladder stops after the current probe and restores the stack. */
let interrupted = false;

interface Run {
  options: LadderOptions;
  folder: string;
  /** `shop` start, stop and status output, step after step. */
  stackLog: string;
}

const describeProbe = (p: Probe) =>
  `${p.rate}/s: p95 ${p.latency ? Math.round(p.latency.p95) : '—'} ms, ` +
  `${p.requestsPerSecond.toFixed(1)} requests/s, ${(p.refusedShare * 100).toFixed(2)} % refused, ` +
  `generator ${Math.round(p.cpu.generatorShare * 100)} % of the CPUs` +
  `${p.generatorBound ? ' (generator-bound)' : ''} — ${p.passed ? 'pass' : `FAIL (${p.failures.join('; ')})`}`;

/** A step's configuration, running: where its probes go and what they shop for. */
interface ClimbingStep {
  folder: string;
  shop: Catalog;
  apiReplicas: number;
}

/** One open-loop probe at `rate`: its own Artillery script and results in the step's folder. */
async function probe(
  run: Run,
  step: ClimbingStep,
  name: string,
  rate: number,
  seconds: number,
): Promise<Probe> {
  if (interrupted) throw new Error('interrupted (Ctrl-C)');
  const settings = scriptSettings(target, step.shop, {
    weights: mixes.browsing,
    durationSeconds: seconds,
    thinkSeconds: run.options.think,
    expectTimeoutMs: env.LOAD_EXPECT_TIMEOUT_MS,
  });
  const script = httpScript(settings, 0, rate, run.options.maxErrorRate);
  await writeScripts(step.folder, { [name]: script }, productsCsv(step.shop));
  const samplerStartedAt = Date.now();
  const sampler = await startSampler(samplerSources(step.apiReplicas));
  let samples: Sample[] = [];
  const { output } = await runArtillery(step.folder, name).finally(async () => {
    samples = await sampler.stop();
  });
  // Artillery takes a while to exit after its last request; the pause counts from that request.
  const idleMs = Date.now() - (output.aggregate.lastMetricAt ?? Date.now());
  await sleep(Math.max(0, settleSeconds * 1000 - idleMs));
  return summarizeProbe(
    rate,
    seconds,
    output,
    { samples, startedAt: samplerStartedAt },
    run.options,
  );
}

/** The step's configuration, started afresh: the stack stopped, then started with its settings. */
async function restartFor(run: Run, step: LadderStep): Promise<ClimbingStep> {
  say(
    `step ${step.id}, ${step.label}: restarting the ${env.SHOP_STACK} stack with ${describeSettings(step.settings)}`,
  );
  await stopStack(run.stackLog);
  await startStack(step.settings, run.stackLog);
  await checkTarget(target, `\`shop start\` returned, but see its output in ${run.stackLog}`);
  return {
    folder: join(run.folder, `step-${step.id}`),
    shop: await readCatalog(target),
    apiReplicas: Number(step.settings.API_REPLICAS),
  };
}

/** One step: restart, warm up, then search for the highest rate that passes. */
async function climb(run: Run, step: LadderStep): Promise<StepResult> {
  const began = Date.now();
  const climbing = await restartFor(run, step);
  const { startRate, warmupSeconds, probeSeconds } = run.options;
  // Caches fill as they would in a running shop; the warm-up's figures are kept, not counted.
  const warmup =
    warmupSeconds > 0 ? await probe(run, climbing, 'warmup', startRate, warmupSeconds) : null;
  if (warmup) say(`  warm-up at ${describeProbe(warmup)}`);
  const probes: Probe[] = [];
  const search = await findSustainableRate(async (rate) => {
    const name = `probe-${String(probes.length + 1).padStart(2, '0')}-at-${rate}`;
    const result = await probe(run, climbing, name, rate, probeSeconds);
    probes.push(result);
    say(`  ${describeProbe(result)}`);
    return result.passed;
  }, plan);
  const result = stepResult(step, warmup, probes, search, (Date.now() - began) / 1000);
  say(`step ${step.id}: sustains ${search.capped ? 'at least ' : ''}${search.rate} journeys/s`);
  return result;
}

/** ladder.json and ladder.html, written after every step so an interrupted ladder keeps its steps. */
async function writeReport(run: Run, report: LadderReport, chartJs: string): Promise<void> {
  await writeFile(join(run.folder, 'ladder.json'), `${JSON.stringify(report, null, 2)}\n`);
  await writeFile(join(run.folder, 'ladder.html'), renderLadderHtml(report, chartJs));
}

/** Every setting the ladder varies, unset: the stack's defaults, the full shop. */
const defaultSettings = Object.fromEntries(ladderSettingNames.map((name) => [name, undefined]));

/** The stack as it was before the ladder: the full shop if it was running, else stopped. */
async function restore(run: Run, wasRunning: boolean): Promise<void> {
  say(
    `${wasRunning ? 'restoring' : 'stopping'} the ${env.SHOP_STACK} stack (it was ${wasRunning ? 'running' : 'stopped'} before the ladder)`,
  );
  await stopStack(run.stackLog);
  if (wasRunning) await startStack(defaultSettings, run.stackLog);
}

async function climbAll(run: Run, chartJs: string): Promise<LadderReport> {
  const report: LadderReport = {
    settings: {
      target,
      stack: env.SHOP_STACK,
      mix: 'browsing',
      budgetMs: run.options.budgetMs,
      maxErrorRate: run.options.maxErrorRate,
      startRate: plan.startRate,
      maxRate: plan.maxRate,
      growth: plan.growth,
      bisections: plan.bisections,
      probeSeconds: run.options.probeSeconds,
      warmupSeconds: run.options.warmupSeconds,
      thinkSeconds: run.options.think,
      startedAt: new Date().toISOString(),
      cpus: cpus().length,
    },
    steps: [],
    finishedAt: null,
  };
  for (const step of run.options.steps) {
    report.steps = withRatios([...report.steps, await climb(run, step)]);
    await writeReport(run, report, chartJs);
  }
  report.finishedAt = new Date().toISOString();
  await writeReport(run, report, chartJs);
  return report;
}

async function main(ladderOptions: LadderOptions): Promise<number> {
  const startedAt = new Date();
  const folder =
    ladderOptions.out ??
    join(import.meta.dirname, 'reports', `ladder-${startedAt.toISOString().replace(/[:.]/g, '-')}`);
  await mkdir(folder, { recursive: true });
  const run: Run = { options: ladderOptions, folder, stackLog: join(folder, 'stack.log') };
  const chartJs = await readChartJs();
  await prepareFlowBundles();
  const wasRunning = await stackIsRunning(run.stackLog);
  say(
    `steps ${ladderOptions.steps.map((step) => step.id).join(', ')} on the ${env.SHOP_STACK} stack (${target}); ` +
      `report in ${folder}; the stack's output in ${run.stackLog}`,
  );
  process.once('SIGINT', () => {
    interrupted = true;
    say(
      'Ctrl-C: stopping after this probe, then restoring the stack (Ctrl-C again to leave it as it is)',
    );
  });
  let exitCode = 0;
  try {
    const report = await climbAll(run, chartJs);
    process.stdout.write(`\n${formatLadderTable(report)}\n\n`);
    say(
      `report: ${join(folder, 'ladder.html')} (and ladder.json; each probe's Artillery files beside them)`,
    );
  } catch (error) {
    exitCode = error instanceof InputError ? 2 : 1;
    process.stderr.write(`ladder: ${error instanceof Error ? error.message : String(error)}\n`);
  } finally {
    await restore(run, wasRunning).catch((error: unknown) => {
      exitCode ||= 1;
      process.stderr.write(`ladder: ${error instanceof Error ? error.message : String(error)}\n`);
    });
  }
  return exitCode;
}

process.exitCode = await main(options);
