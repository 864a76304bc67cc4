// npm run bench:hot — the worker tier's hot lists, in one run against the running dev stack:
//   1. catalog reads (wrk) alone, then again while shopper events stream in at a busy shop's rate
//      through the API's own recorder: the request path's p95 should not move;
//   2. 1,000,000 events through the same recorder (one XADD per batch: round trips per event
//      are counted), folded by the stack's real workers: the time until all are in the lists;
//   3. next to it, a bare pipelined Redis client doing the same sorted-set updates (ZINCRBY on
//      the shop's list and the category's, per event) on scratch keys.
// The events (HOT_WORKLOAD) are a shop's shoppers by default, or the fold's worst case
// (bench/lib/bench-events.ts).
// The run puts back the hot lists it found and removes what its visitors left behind.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { EVENTS_GROUP, EVENTS_STREAM, EventRecorder, hotKeys, presenceKeys } from '@shop/jobs';
import { Redis } from 'ioredis';
import { env, hotBenchEnv as settings } from './env';
import { writeBars } from './lib/bars';
import { benchEvents } from './lib/bench-events';
import { writeJson } from './lib/report';
import { runWrk, type WrkResult } from './lib/wrk';

const edge = `http://${env.SHOP_HOST}:${env.EDGE_PORT}`;
const ready = await fetch(`${edge}/api/readyz`).catch(() => null);
if (!ready?.ok) {
  process.stderr.write(`The shop is not up at ${edge}; run \`npm start\` first.\n`);
  process.exit(1);
}
const redis = new Redis(settings.EVENTS_REDIS_URL);
const say = (line: string) => process.stderr.write(`[bench] ${line}\n`);

// Real products, with their departments, for the events to name (events naming no product are
// dropped by the fold and would measure nothing).
const categories = (await (await fetch(`${edge}/api/categories`)).json()) as { slug: string }[];
const products: { id: string; category: string }[] = [];
for (const { slug } of categories) {
  const page = (await (
    await fetch(`${edge}/api/products?category=${slug}&pageSize=100`)
  ).json()) as {
    items: { id: string }[];
  };
  for (const item of page.items) products.push({ id: item.id, category: slug });
}
if (products.length === 0) throw new Error('empty catalog');

const categoryOf = new Map(products.map((p) => [p.id, p.category]));
const run = randomUUID().slice(0, 8);
const eventAt = benchEvents(products, run, settings.HOT_WORKLOAD);

const listKeys = [hotKeys.all, ...categories.map((c) => hotKeys.category(c.slug))];
const saved = await Promise.all(
  listKeys.map(async (key) => [key, await redis.dumpBuffer(key)] as const),
);
const savedMeta = await redis.dumpBuffer(hotKeys.meta);

async function folded(): Promise<void> {
  for (;;) {
    const [length, pending] = await Promise.all([
      redis.xlen(EVENTS_STREAM),
      redis.xpending(EVENTS_STREAM, EVENTS_GROUP) as Promise<[number, ...unknown[]]>,
    ]);
    if (length === 0 && pending[0] === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const catalogUrl = `${edge}/api/products?pageSize=24`;
const wrkOptions = { seconds: settings.BENCH_SECONDS, connections: 4, threads: 1 };

/** Starts the child that records events at HOT_STREAM_RATE; resolves once it is recording. */
async function startStreaming(productsFile: string, first: number) {
  // wrk blocks this process, so the events stream in from a child running the same recorder.
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(import.meta.dirname, 'lib/stream-events.ts'),
      productsFile,
      run,
      String(settings.HOT_STREAM_RATE),
      String(first),
      settings.HOT_WORKLOAD,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  /** Stops it; resolves with how many events it recorded. */
  return async () => {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    return Number(out.split('\n')[1] ?? 0);
  };
}

/** The run with the median p95 latency. */
const medianByP95 = (runs: WrkResult[]) => {
  const run = runs.toSorted((a, b) => a.latencyMs.p95 - b.latencyMs.p95)[(runs.length - 1) >> 1];
  if (!run) throw new Error('no rounds measured');
  return run;
};

try {
  // 1. The request path, without and with events streaming in: rounds of both back to back, so
  // drift in what else the machine does falls on both sides; each side is its median.
  const productsFile = join(tmpdir(), `bench-hot-${run}.json`);
  writeFileSync(productsFile, JSON.stringify(products));
  runWrk(catalogUrl, { ...wrkOptions, seconds: 2 });
  const aloneRuns: WrkResult[] = [];
  const duringRuns: WrkResult[] = [];
  let streamed = 0;
  for (let round = 1; round <= settings.BENCH_ROUNDS; round++) {
    say(
      `round ${round}: catalog reads alone, then while ${settings.HOT_STREAM_RATE} events/s stream in`,
    );
    aloneRuns.push(runWrk(catalogUrl, wrkOptions));
    const stopStreaming = await startStreaming(productsFile, streamed);
    duringRuns.push(runWrk(catalogUrl, wrkOptions));
    streamed += await stopStreaming();
  }
  const alone = medianByP95(aloneRuns);
  const during = medianByP95(duringRuns);
  await folded();

  // 2. A million events through the recorder, folded by the workers.
  const total = settings.HOT_EVENTS;
  say(`${total.toLocaleString('en-US')} events through the recorder, folded by the workers`);
  const xaddsBefore = await xaddCalls();
  const recorder = new EventRecorder(redis, { maxBatch: 500, flushMs: 50, maxBuffered: 1_000_000 });
  const t0 = performance.now();
  for (let n = 0; n < total; n++) {
    recorder.record(eventAt(streamed + n));
    // Let batches leave as a busy API process would, instead of holding a million at once.
    if (n % 50_000 === 49_999) await recorder.flush();
  }
  await recorder.flush();
  const ingestSeconds = (performance.now() - t0) / 1000;
  await folded();
  const foldSeconds = (performance.now() - t0) / 1000;
  const roundTrips = (await xaddCalls()) - xaddsBefore;

  // 3. The bare baseline: the same sorted-set updates, pipelined, on scratch keys.
  say('bare pipelined ZINCRBY baseline');
  const scratch = `bench:hot:${run}`;
  const t1 = performance.now();
  for (let start = 0; start < total; start += 10_000) {
    const pipeline = redis.pipeline();
    for (let n = start; n < Math.min(total, start + 10_000); n++) {
      const { productId } = eventAt(streamed + n);
      if (!productId) continue;
      pipeline.zincrby(`${scratch}:all`, 1, productId);
      pipeline.zincrby(`${scratch}:${categoryOf.get(productId) ?? ''}`, 1, productId);
    }
    await pipeline.exec();
  }
  const baselineSeconds = (performance.now() - t1) / 1000;
  await redis.del(`${scratch}:all`, ...categories.map((c) => `${scratch}:${c.slug}`));

  const conditions = {
    events: total,
    workload: settings.HOT_WORKLOAD,
    products: products.length,
    streamRate: settings.HOT_STREAM_RATE,
    streamedWhileReading: streamed,
    rounds: settings.BENCH_ROUNDS,
    wrk: wrkOptions,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    loadAverageBefore: loadavg(),
    node: process.version,
  };
  const figures = {
    ingestSeconds,
    foldSeconds,
    eventsFoldedPerSecond: total / foldSeconds,
    redisRoundTripsPerEvent: roundTrips / total,
    recorder: recorder.stats,
    baselineSeconds,
    foldOverBaseline: foldSeconds / baselineSeconds,
    catalogP95Ms: { alone: alone.latencyMs.p95, whileStreaming: during.latencyMs.p95 },
    catalogP95Change: during.latencyMs.p95 / alone.latencyMs.p95 - 1,
    catalogP95RoundRatios: aloneRuns.map(
      (a, i) => (duringRuns[i]?.latencyMs.p95 ?? NaN) / a.latencyMs.p95,
    ),
    catalogRequestsPerSecond: {
      alone: alone.requestsPerSecond,
      whileStreaming: during.requestsPerSecond,
    },
  };
  process.stdout.write(
    [
      `conditions: ${JSON.stringify(conditions)}`,
      '',
      `ingest: ${total.toLocaleString('en-US')} events recorded in ${ingestSeconds.toFixed(1)} s, ${roundTrips} XADD round trips (${figures.redisRoundTripsPerEvent.toFixed(4)} per event)`,
      `fold:   all folded into the hot lists ${foldSeconds.toFixed(1)} s after the first was recorded (${Math.round(figures.eventsFoldedPerSecond).toLocaleString('en-US')} events/s)`,
      `bare pipelined ZINCRBY (2 per event): ${baselineSeconds.toFixed(1)} s; fold / bare = ${figures.foldOverBaseline.toFixed(2)}`,
      `catalog read p95 (median of ${settings.BENCH_ROUNDS} rounds): alone ${alone.latencyMs.p95.toFixed(1)} ms, while ${settings.HOT_STREAM_RATE} events/s stream in ${during.latencyMs.p95.toFixed(1)} ms (${(figures.catalogP95Change * 100).toFixed(0)}%); per round ${figures.catalogP95RoundRatios.map((r) => r.toFixed(2)).join(' / ')}`,
      '',
      `${foldSeconds < 60 ? 'PASS' : 'FAIL'}  all folded in < 60 s`,
      `${figures.redisRoundTripsPerEvent <= 1 ? 'PASS' : 'FAIL'}  ingest ≤ 1 Redis round trip per event`,
      `${Math.abs(figures.catalogP95Change) <= 0.1 ? 'PASS' : 'FAIL'}  catalog p95 within ±10% while events stream in`,
      '',
    ].join('\n'),
  );
  const base = writeJson(join(import.meta.dirname, 'reports'), 'hot', { conditions, figures });
  writeBars(`${base}.svg`, `Hot lists: ${total.toLocaleString('en-US')} events (one run)`, [
    { label: 'recorded (ingest)', value: ingestSeconds, unit: 's' },
    { label: 'folded by the workers', value: foldSeconds, unit: 's', colour: '#dc2626' },
    { label: 'bare pipelined ZINCRBY', value: baselineSeconds, unit: 's', colour: '#9ca3af' },
  ]);
  process.stdout.write(`report: ${base}.json and .svg\n`);
} finally {
  // Put the hot lists back as they were, and take out what the benchmark's visitors left.
  for (const [key, value] of saved) {
    await redis.del(key);
    if (value) await redis.restore(key, 0, value);
  }
  await redis.del(hotKeys.meta);
  if (savedMeta) await redis.restore(hotKeys.meta, 0, savedMeta);
  // (The per-address counts expire by themselves within two minutes.)
  await removeMatching(`${hotKeys.repeatPrefix}*bench-${run}-*`);
  await removeMembers(presenceKeys.visitors, `bench-${run}-*`);
  for (const product of products)
    await removeMembers(presenceKeys.product(product.id), `bench-${run}-*`);
  redis.disconnect();
}

async function xaddCalls(): Promise<number> {
  const info = await redis.info('commandstats');
  return Number(/cmdstat_xadd:calls=(\d+)/.exec(info)?.[1] ?? 0);
}

async function removeMatching(pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 10_000);
    if (keys.length > 0) await redis.unlink(...keys);
    cursor = next;
  } while (cursor !== '0');
}

async function removeMembers(key: string, pattern: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, flat] = await redis.zscan(key, cursor, 'MATCH', pattern, 'COUNT', 10_000);
    const members = flat.filter((_, i) => i % 2 === 0);
    if (members.length > 0) await redis.zrem(key, ...members);
    cursor = next;
  } while (cursor !== '0');
}
