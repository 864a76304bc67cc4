// npm run bench:observing — what watching the shop costs: catalog throughput through the edge
// with everything that watches it running (Prometheus scraping every component every 5 s, its
// exporters, the log collector, and the edge shipping its access log to it) next to the same
// requests with all of that off (`shop observing off`), in rounds back to back in one run
// (target: observed ≥ 0.95 × unobserved). The apps' own log lines and counters are part of them
// and always on; what is switched is everything that collects them.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { env, observingEnv } from './env';
import { cpuBusyShareSync } from './lib/cpu-busy';
import { measureInRounds, printPairs, writeReport, type Pair } from './lib/report';
import { runWrk, type WrkOptions } from './lib/wrk';

const { SHOP_ROOT, PROMETHEUS_URL, PROMETHEUS_SCRAPE_INTERVAL } = observingEnv();
const edge = `http://${env.SHOP_HOST}:${env.EDGE_PORT}`;
const ready = await fetch(`${edge}/api/readyz`).catch(() => null);
if (!ready?.ok) {
  process.stderr.write(`The shop is not up at ${edge}; run \`npm start\` first.\n`);
  process.exit(1);
}

let observed: boolean | undefined;
/**
 * Turns watching on or off (`shop observing`, which waits for supervisord). A started Prometheus
 * replays its write-ahead log first, a burst of work of its own that watching does not cost once
 * it runs: the measurement waits until it is ready and has scraped once more.
 */
function observe(on: boolean): void {
  if (observed === on) return;
  const result = spawnSync(
    'bash',
    [join(SHOP_ROOT, 'infra/local/bin/shop'), 'observing', on ? 'on' : 'off'],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`shop observing: ${result.stdout}${result.stderr}`);
  observed = on;
  // The edge's old workers finish their connections before the new config serves them all.
  spawnSync('sleep', ['1']);
  if (!on) return;
  const deadline = Date.now() + 60_000;
  while (spawnSync('curl', ['-sf', '-o', '/dev/null', `${PROMETHEUS_URL}/-/ready`]).status !== 0) {
    if (Date.now() > deadline) throw new Error('Prometheus did not get ready within 60 s');
    spawnSync('sleep', ['0.5']);
  }
  spawnSync('sleep', [String(parseInt(PROMETHEUS_SCRAPE_INTERVAL, 10) + 1)]);
}

/**
 * Waits (at most 30 s) until the machine is back to the stack's idle hum (under a fifth of the
 * CPUs busy over a second): what was switched on has started (Prometheus replays its
 * write-ahead log, the collector reads what the logs gained while it was off), what was switched
 * off has stopped, and no round pays for the switch before it.
 */
function settle(): void {
  const deadline = Date.now() + 30_000;
  while (cpuBusyShareSync(1_000) > 0.2 && Date.now() < deadline);
}

/** The processes that watch the shop: Prometheus and its exporters, the log collector, mtail. */
const WATCHERS = /^(prometheus|rsyslogd|mtail)/;
const TICKS_PER_SECOND = 100;

/** CPU seconds the watchers and the whole machine have used so far. */
function cpuSoFar(): { watchers: number; machine: number } {
  let watchers = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      if (!WATCHERS.test(comm)) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // Its own time and its finished children's (the collector's log rotation and its gzip).
      const [utime, stime, cutime, cstime] = fields.slice(11, 15).map(Number);
      watchers += ((utime ?? 0) + (stime ?? 0) + (cutime ?? 0) + (cstime ?? 0)) / TICKS_PER_SECOND;
    } catch {
      // The process ended meanwhile.
    }
  }
  const [, ...times] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/);
  // user nice system idle iowait irq softirq steal: all but idle and iowait were busy.
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = times.map(Number);
  const busy = user + nice + system + irq + softirq + steal;
  return { watchers, machine: busy / TICKS_PER_SECOND };
}

/** What the watchers used of the CPU the machine spent while watched rounds ran. */
const watchedCpu = { watchers: 0, machine: 0 };
function watched<T>(run: () => T): T {
  const before = cpuSoFar();
  const result = run();
  const after = cpuSoFar();
  watchedCpu.watchers += after.watchers - before.watchers;
  watchedCpu.machine += after.machine - before.machine;
  return result;
}

const options: WrkOptions = {
  seconds: env.BENCH_SECONDS,
  connections: env.BENCH_CONNECTIONS,
  threads: env.BENCH_THREADS,
};
const targets = [
  ['GET /api/products?pageSize=24 (cache hit)', '/api/products?pageSize=24'],
  ['GET /api/categories (cache hit)', '/api/categories'],
  ['GET / (edge page cache)', '/'],
] as const;

const pairs: Pair[] = [];
try {
  for (const [label, path] of targets) {
    process.stderr.write(`[bench] ${label}: ${env.BENCH_ROUNDS} rounds, observed and not\n`);
    runWrk(`${edge}${path}`, { ...options, seconds: 2 });
    pairs.push({
      label: `${label}, watched (metrics and logs collected)`,
      baselineLabel: 'not watched (shop observing off)',
      ...measureInRounds(
        env.BENCH_ROUNDS,
        () => {
          observe(true);
          settle();
          return watched(() => runWrk(`${edge}${path}`, options));
        },
        () => {
          observe(false);
          settle();
          return runWrk(`${edge}${path}`, options);
        },
      ),
    });
  }
} finally {
  observe(true);
}

const conditions = {
  ...options,
  rounds: env.BENCH_ROUNDS,
  scrapeInterval: PROMETHEUS_SCRAPE_INTERVAL,
  // The share of the machine's busy CPU the watchers used in the watched rounds: a steadier
  // figure of what watching costs than the throughput ratio, which moves ±10 % between rounds.
  watchersCpuShare: Number((watchedCpu.watchers / Math.max(watchedCpu.machine, 1e-9)).toFixed(4)),
  cpus: cpus().length,
  node: process.version,
  edge,
};
process.stdout.write(`\nconditions: ${JSON.stringify(conditions)}\n\n`);
printPairs(pairs);
process.stdout.write(
  `\nthe watchers (Prometheus, its exporters, the log collector, mtail) used ` +
    `${(conditions.watchersCpuShare * 100).toFixed(1)} % of the CPU the machine spent in the watched rounds\n`,
);
const base = writeReport(join(import.meta.dirname, 'reports'), 'observing', conditions, pairs);
process.stdout.write(`\nreport: ${base}.json and .svg\n`);
