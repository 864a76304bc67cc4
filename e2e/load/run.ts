// npm run load -- --mix shopping --browsers 10 --users 200 --duration 120
//
// Puts browser shoppers (Chromium, Artillery's Playwright engine, the e2e journeys) and
// protocol-level shoppers (Artillery's HTTP engine, the same journeys request by request) on the
// shop at once, watches the machine and the shop's /metrics while they shop, and writes
// report.json and report.html. Exits 1 when a check failed (Artillery's `ensure`), 2 on bad input.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { env } from './env';
import { renderHtml } from './lib/html-report';
import { mixes } from './lib/mixes';
import { parseOptions, type LoadOptions } from './lib/options';
import type { LoadReport, Side } from './lib/report-types';
import { startSampler } from './lib/sampler';
import { browserScript, httpScript, type ScriptSettings } from './lib/scripts';
import {
  checksFrom,
  failures,
  summarizePeriods,
  summarizeSide,
  summarizeVitals,
  type ArtilleryOutput,
} from './lib/summarize';

const say = (line: string) => process.stdout.write(`[load] ${line}\n`);
function stop(message: string): never {
  process.stderr.write(`load: ${message}\n`);
  process.exit(2);
}

const options = parseOptions(process.argv.slice(2), env.PUBLIC_URL);
if ('error' in options) stop(options.error);
const target = options.target.replace(/\/$/, '');

/** The shop must answer before anything starts: a run against nothing measures nothing. */
async function checkTarget(): Promise<void> {
  const answer = await fetch(`${target}/api/readyz`, { signal: AbortSignal.timeout(5_000) }).catch(
    (error: Error) => error,
  );
  if (answer instanceof Error) {
    stop(
      `the shop does not answer at ${target} (${answer.cause instanceof Error ? answer.cause.message : answer.message}): start it with \`npm start\`, or pass --target`,
    );
  }
  if (!answer.ok)
    stop(`the shop at ${target} is not ready (GET /api/readyz answered ${answer.status})`);
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${target}${path}`);
  if (!response.ok) stop(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** What shoppers pick from: departments, products in stock, and pages to land on. */
async function catalog() {
  const categories = await getJson<{ slug: string; productCount: number }[]>('/api/categories');
  const products: { slug: string; id: string; inStock: boolean }[] = [];
  for (let page = 1; page <= 5; page++) {
    const { items } = await getJson<{ items: typeof products }>(
      `/api/products?pageSize=100&page=${page}`,
    );
    products.push(...items.filter((item) => item.inStock));
    if (items.length < 100) break;
  }
  const filled = categories.filter((c) => c.productCount > 0).map((c) => c.slug);
  if (filled.length === 0 || products.length === 0)
    stop(`the shop at ${target} has no products to shop for`);
  const landings = [
    ...filled.slice(0, 6).map((slug) => `/c/${slug}`),
    ...products.slice(0, 12).map((p) => `/p/${p.slug}`),
  ];
  return { categories: filled, products, landings };
}

interface Side_ {
  kind: Side['kind'];
  exitCode: number;
  output: ArtilleryOutput;
  log: string;
}

const artilleryBin = join(
  createRequire(import.meta.url).resolve('artillery/package.json'),
  '..',
  'bin',
  'run',
);

/** Runs one Artillery script; its console output goes to a log file next to it. */
function runArtillery(kind: Side['kind'], folder: string, script: string): Promise<Side_> {
  const outputPath = join(folder, `${kind}-output.json`);
  const logPath = join(folder, `${kind}.log`);
  const log = createWriteStream(logPath);
  const child = spawn(process.execPath, [artilleryBin, 'run', '--output', outputPath, script], {
    cwd: folder,
    env: {
      // Artillery inherits this environment (PATH, the stack's settings) plus its own two.
      // eslint-disable-next-line no-restricted-properties
      ...process.env,
      ARTILLERY_DISABLE_TELEMETRY: 'true',
      JOURNEY_EXPECT_TIMEOUT_MS: String(env.LOAD_EXPECT_TIMEOUT_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      log.end(async () => {
        const text = await readFile(logPath, 'utf8');
        const output = await readFile(outputPath, 'utf8').then(
          (json) => JSON.parse(json) as ArtilleryOutput,
          () => null,
        );
        if (!output)
          return reject(new Error(`Artillery (${kind}) wrote no results; see ${logPath}`));
        resolve({ kind, exitCode: code ?? 1, output, log: text });
      });
    });
  });
}

/** The scripts for one run: both sides, as Artillery reads them. */
function scriptsFor(
  run: LoadOptions,
  shop: Awaited<ReturnType<typeof catalog>>,
  portable: boolean,
) {
  const settings: ScriptSettings = {
    target,
    weights: mixes[run.mix],
    durationSeconds: run.duration,
    thinkSeconds: run.think,
    // Locally, Debian's Chromium through bin/chromium (at the shop's priority, not above it).
    chromiumPath: portable ? undefined : join(import.meta.dirname, 'bin', 'chromium'),
    relativeProcessors: portable,
    landings: shop.landings,
    productsCsv: 'products.csv',
    categories: shop.categories,
    expectTimeoutMs: env.LOAD_EXPECT_TIMEOUT_MS,
  };
  return {
    browser: run.browsers > 0 ? browserScript(settings, run.browsers, run.maxErrorRate) : null,
    http:
      run.users + run.rate > 0 ? httpScript(settings, run.users, run.rate, run.maxErrorRate) : null,
  };
}

async function writeScripts(
  folder: string,
  scripts: ReturnType<typeof scriptsFor>,
  products: string,
) {
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, 'products.csv'), products);
  for (const [kind, script] of Object.entries(scripts)) {
    if (script)
      await writeFile(join(folder, `${kind}.json`), `${JSON.stringify(script, null, 2)}\n`);
  }
}

async function main(run: LoadOptions) {
  await checkTarget();
  const shop = await catalog();
  const products = shop.products.map((p) => `${p.slug},${p.id}`).join('\n');
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
  // Artillery bundles the flows into flows/dist as CommonJS; this workspace is ESM.
  const bundles = join(import.meta.dirname, 'flows', 'dist');
  await mkdir(bundles, { recursive: true });
  await writeFile(join(bundles, 'package.json'), '{ "type": "commonjs" }\n');
  const runs: Promise<Side_>[] = [];
  for (const kind of ['browser', 'http'] as const) {
    if (scripts[kind]) runs.push(runArtillery(kind, folder, join(folder, `${kind}.json`)));
  }
  say(
    `${run.mix} mix (${weights.browse}/${weights.buy}/${weights.account} browse/buy/account) on ${target}: ` +
      `${run.browsers} browsers, ${run.users} users, ${run.rate} arrivals/s for ${run.duration} s`,
  );
  const sampler = await startSampler({
    apiMetrics: Array.from(
      { length: env.API_REPLICAS },
      (_, i) => `http://${env.SHOP_HOST}:${env.API_PORT_BASE + 1 + i}/metrics`,
    ),
    edgeAccessLog: env.SHOP_DATA ? join(env.SHOP_DATA, 'logs', 'edge-access.log') : undefined,
  });
  const ticker = setInterval(
    () => say(`${Math.round((Date.now() - startedAt.getTime()) / 1000)} s`),
    15_000,
  );
  let sides: Side_[];
  try {
    sides = await Promise.all(runs);
  } finally {
    clearInterval(ticker);
  }
  const samples = await sampler.stop();
  const report = buildReport(run, startedAt, sides, samples);
  // Chart.js's browser build, inlined so the report opens offline (its main entry is in dist/).
  const chartDist = dirname(createRequire(import.meta.url).resolve('chart.js'));
  const chartJs = await readFile(join(chartDist, 'chart.umd.min.js'), 'utf8');
  await writeFile(join(folder, 'report.json'), JSON.stringify(report, null, 2));
  await writeFile(join(folder, 'report.html'), renderHtml(report, chartJs));
  printSummary(report);
  say(`report: ${join(folder, 'report.html')} (and report.json; Artillery's logs beside them)`);
  process.exitCode = report.summary.passed ? 0 : 1;
}

const mean = (values: number[]) =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0;
const ratio = (hits: number, all: number) => (all > 0 ? hits / all : null);

function buildReport(
  run: LoadOptions,
  startedAt: Date,
  sides: Side_[],
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
  const busy = mean(samples.map((s) => s.cpu.busy));
  const generator = mean(samples.map((s) => s.cpu.generator));
  const sum = (pick: (s: LoadReport['samples'][number]) => number) =>
    samples.reduce((n, s) => n + pick(s), 0);
  const levels = samples.reduce<Record<string, number>>((all, s) => {
    for (const [level, n] of Object.entries(s.cacheLevels)) all[level] = (all[level] ?? 0) + n;
    return all;
  }, {});
  const cacheReads = Object.values(levels).reduce((a, b) => a + b, 0);
  const cacheHits = Object.entries(levels)
    .filter(([level]) => level !== 'MISS' && level !== 'BYPASS')
    .reduce((n, [, count]) => n + count, 0);
  const lags = samples.map((s) => s.replicaLagSeconds).filter((lag): lag is number => lag !== null);
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
      cpu: { generatorShare: generator, shopShare: Math.max(0, busy - generator), busyShare: busy },
      // The machine was saturated and the load generator took half of it or more.
      generatorBound: busy >= 0.85 && generator >= busy / 2,
      cacheHitRatio: ratio(cacheHits, cacheReads),
      pageCacheHitRatio: ratio(
        sum((s) => s.pageCache.hits),
        sum((s) => s.pageCache.all),
      ),
      cdnHitRatio: ratio(
        sum((s) => s.cdn.hits),
        sum((s) => s.cdn.all),
      ),
      maxReplicaLagSeconds: lags.length ? Math.max(...lags) : null,
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

await main(options);
