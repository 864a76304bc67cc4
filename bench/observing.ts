// npm run bench:observing — what watching the shop costs: catalog throughput through the edge
// with Prometheus scraping every component (every 5 s, and its exporters of nginx, Postgres and
// Redis running) next to the same requests with Prometheus and the exporters stopped, in rounds
// back to back in one run (target: observed ≥ 0.95 × unobserved). The apps' own counters are
// part of them and always on; what is switched is everything that collects them.
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { env, observingEnv } from './env';
import { measureInRounds, printPairs, writeReport, type Pair } from './lib/report';
import { runWrk, type WrkOptions } from './lib/wrk';

const { SHOP_ROOT, PROMETHEUS_URL, PROMETHEUS_SCRAPE_INTERVAL } = observingEnv();
const supervisorConf = join(SHOP_ROOT, 'infra/local/supervisord.conf');
const edge = `http://${env.SHOP_HOST}:${env.EDGE_PORT}`;
const ready = await fetch(`${edge}/api/readyz`).catch(() => null);
if (!ready?.ok) {
  process.stderr.write(`The shop is not up at ${edge}; run \`npm start\` first.\n`);
  process.exit(1);
}

const collectors = [
  'prometheus',
  'nginx-exporter',
  'pg-primary-exporter',
  'pg-replica-exporter',
  'redis-exporter',
];
let observed: boolean | undefined;
/**
 * Starts or stops Prometheus and the exporters (supervisorctl waits until they have). A started
 * Prometheus replays its write-ahead log first, a burst of work of its own that watching does not
 * cost once it runs: the measurement waits until it is ready and has scraped once more.
 */
function observe(on: boolean): void {
  if (observed === on) return;
  const result = spawnSync(
    'supervisorctl',
    ['-c', supervisorConf, on ? 'start' : 'stop', ...collectors],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`supervisorctl: ${result.stdout}${result.stderr}`);
  observed = on;
  if (!on) return;
  const deadline = Date.now() + 60_000;
  while (spawnSync('curl', ['-sf', '-o', '/dev/null', `${PROMETHEUS_URL}/-/ready`]).status !== 0) {
    if (Date.now() > deadline) throw new Error('Prometheus did not get ready within 60 s');
    spawnSync('sleep', ['0.5']);
  }
  spawnSync('sleep', [String(parseInt(PROMETHEUS_SCRAPE_INTERVAL, 10) + 1)]);
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
      label: `${label}, Prometheus scraping`,
      baselineLabel: 'Prometheus and exporters stopped',
      ...measureInRounds(
        env.BENCH_ROUNDS,
        () => {
          observe(true);
          return runWrk(`${edge}${path}`, options);
        },
        () => {
          observe(false);
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
  cpus: cpus().length,
  node: process.version,
  edge,
};
process.stdout.write(`\nconditions: ${JSON.stringify(conditions)}\n\n`);
printPairs(pairs);
const base = writeReport(join(import.meta.dirname, 'reports'), 'observing', conditions, pairs);
process.stdout.write(`\nreport: ${base}.json and .svg\n`);
