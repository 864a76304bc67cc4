// npm run load -- --mix shopping --browsers 10 --users 200 --duration 120
//
// Puts browser shoppers (Chromium, Artillery's Playwright engine, the e2e journeys) and
// protocol-level shoppers (Artillery's HTTP engine, the same journeys request by request) on the
// shop at once, watches the machine and the shop's /metrics while they shop, and writes
// report.json and report.html. Exits 1 when a check failed (Artillery's `ensure`), 2 on bad input.
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { env } from './env';
import { prepareFlowBundles, runArtillery, writeScripts, type ArtilleryRun } from './lib/artillery';
import { readChartJs } from './lib/chart-js';
import { renderHtml } from './lib/html-report';
import { samplerSources } from './lib/local-stack';
import { mixes } from './lib/mixes';
import { parseOptions, type LoadOptions } from './lib/options';
import type { LoadReport, Side } from './lib/report-types';
import { startSampler } from './lib/sampler';
import { browserScript, httpScript, scriptSettings } from './lib/scripts';
import {
  checkTarget,
  InputError,
  productsCsv,
  readCatalog,
  type Catalog,
} from './lib/shop-catalog';
import {
  checksFrom,
  failures,
  summarizePeriods,
  summarizeSamples,
  summarizeSide,
  summarizeVitals,
} from './lib/summarize';

const say = (line: string) => process.stdout.write(`[load] ${line}\n`);
function stop(message: string): never {
  process.stderr.write(`load: ${message}\n`);
  process.exit(2);
}

const options = parseOptions(process.argv.slice(2), env.PUBLIC_URL);
if ('error' in options) stop(options.error);
const target = options.target.replace(/\/$/, '');

interface SideRun extends ArtilleryRun {
  kind: Side['kind'];
}

/** The scripts for one run: both sides, as Artillery reads them. */
function scriptsFor(run: LoadOptions, shop: Catalog, portable: boolean) {
  const settings = scriptSettings(
    target,
    shop,
    {
      weights: mixes[run.mix],
      durationSeconds: run.duration,
      thinkSeconds: run.think,
      expectTimeoutMs: env.LOAD_EXPECT_TIMEOUT_MS,
    },
    portable,
  );
  return {
    browser: run.browsers > 0 ? browserScript(settings, run.browsers, run.maxErrorRate) : null,
    http:
      run.users + run.rate > 0 ? httpScript(settings, run.users, run.rate, run.maxErrorRate) : null,
  };
}

async function main(run: LoadOptions) {
  await checkTarget(target);
  const shop = await readCatalog(target);
  const products = productsCsv(shop);
  if (run.scriptsOnly) {
    // Portable: processors relative to the scripts, no local Chromium path.
    const folder = join(import.meta.dirname, 'scripts');
    await writeScripts(folder, scriptsFor(run, shop, true), products);
    say(
      `scripts for ${target}: ${folder}/{browser,http}.json (see README.md: artillery run-fargate)`,
    );
    return;
  }
  const startedAt = new Date();
  const folder =
    run.out ?? join(import.meta.dirname, 'reports', startedAt.toISOString().replace(/[:.]/g, '-'));
  const scripts = scriptsFor(run, shop, false);
  await writeScripts(folder, scripts, products);
  const weights = mixes[run.mix];
  await prepareFlowBundles();
  const runs: Promise<SideRun>[] = [];
  for (const kind of ['browser', 'http'] as const) {
    if (scripts[kind]) {
      runs.push(runArtillery(folder, kind).then((result) => ({ ...result, kind })));
    }
  }
  say(
    `${run.mix} mix (${weights.browse}/${weights.buy}/${weights.account} browse/buy/account) on ${target}: ` +
      `${run.browsers} browsers, ${run.users} users, ${run.rate} arrivals/s for ${run.duration} s`,
  );
  const sampler = await startSampler(samplerSources());
  const ticker = setInterval(
    () => say(`${Math.round((Date.now() - startedAt.getTime()) / 1000)} s`),
    15_000,
  );
  let sides: SideRun[];
  try {
    sides = await Promise.all(runs);
  } finally {
    clearInterval(ticker);
  }
  const samples = await sampler.stop();
  const report = buildReport(run, startedAt, sides, samples);
  await writeFile(join(folder, 'report.json'), JSON.stringify(report, null, 2));
  await writeFile(join(folder, 'report.html'), renderHtml(report, await readChartJs()));
  printSummary(report);
  say(`report: ${join(folder, 'report.html')} (and report.json; Artillery's logs beside them)`);
  process.exitCode = report.summary.passed ? 0 : 1;
}

function buildReport(
  run: LoadOptions,
  startedAt: Date,
  sides: SideRun[],
  samples: LoadReport['samples'],
): LoadReport {
  const summarized = sides.map((side) =>
    summarizeSide(side.kind, side.output, checksFrom(side.log)),
  );
  const browser = sides.find((side) => side.kind === 'browser');
  let completed = 0;
  let failed = 0;
  for (const side of summarized) {
    for (const journey of Object.values(side.journeys)) {
      completed += journey.completed;
      failed += journey.failed;
    }
  }
  const requests = summarized.reduce((sum, side) => sum + side.requests, 0);
  const failedRequests = sides.reduce(
    (sum, side) => sum + failures(side.output.aggregate.counters),
    0,
  );
  return {
    settings: {
      mix: run.mix,
      weights: mixes[run.mix],
      browsers: run.browsers,
      users: run.users,
      rate: run.rate,
      durationSeconds: run.duration,
      thinkSeconds: run.think,
      target,
      startedAt: startedAt.toISOString(),
      cpus: cpus().length,
    },
    sides: summarized,
    vitals: browser ? summarizeVitals(browser.output) : {},
    samples,
    periods: sides.flatMap((side) => summarizePeriods(side.kind, side.output, startedAt.getTime())),
    summary: {
      failedJourneys: failed,
      completedJourneys: completed,
      errorRate: requests > 0 ? failedRequests / requests : 0,
      ...summarizeSamples(samples),
      passed: sides.every((side) => side.exitCode === 0) && failed === 0,
    },
  };
}

const pct = (share: number | null) => (share === null ? 'n/a' : `${(share * 100).toFixed(1)} %`);
const ms = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value)} ms`);

function printSummary(report: LoadReport) {
  const { summary } = report;
  for (const side of report.sides) {
    const journeys = Object.entries(side.journeys)
      .map(([name, j]) => `${name} ${j.completed} ok/${j.failed} failed`)
      .join(', ');
    say(
      `${side.kind}: ${side.requests} requests (${side.throughput.toFixed(1)}/s); journeys: ${journeys}`,
    );
    for (const check of side.checks) say(`  ${check.ok ? 'ok  ' : 'FAIL'} ${check.check}`);
  }
  for (const [type, vitals] of Object.entries(report.vitals)) {
    say(
      `vitals ${type}: LCP p75 ${ms(vitals.LCP?.p75)}, FCP p75 ${ms(vitals.FCP?.p75)}, TTFB p75 ${ms(vitals.TTFB?.p75)}`,
    );
  }
  say(
    `CPU: machine ${pct(summary.cpu.busyShare)} busy; load generator ${pct(summary.cpu.generatorShare)}, ` +
      `shop ${pct(summary.cpu.shopShare)}${summary.generatorBound ? ' — WARNING: the load generator may have set the pace' : ''}`,
  );
  say(
    `caches: catalog ${pct(summary.cacheHitRatio)}, page cache ${pct(summary.pageCacheHitRatio)}, ` +
      `CDN ${pct(summary.cdnHitRatio)}; replica lag max ${summary.maxReplicaLagSeconds ?? 'n/a'} s`,
  );
  say(
    `${summary.passed ? 'PASSED' : 'FAILED'}: ${summary.completedJourneys} journeys completed, ${summary.failedJourneys} failed, ${pct(summary.errorRate)} of requests failed`,
  );
}

await main(options).catch((error: unknown) => {
  if (error instanceof InputError) stop(error.message);
  throw error;
});
