// npm run bench:images — the image pipeline next to plain baselines, in one run against the
// running dev stack: a CDN cache hit through the edge next to nginx serving the same bytes as a
// static file (wrk), and a variant's first render through the edge next to a bare sharp resize
// of the same original in this process.
import { cpus } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { env, imagesBenchEnv } from './env';
import { writeBars } from './lib/bars';
import { photoOriginal } from './lib/photo-original';
import { printPairs, writeReport, type Pair } from './lib/report';
import { startReferenceServers } from './lib/reference-servers';
import { signInAsAdmin } from './lib/sign-in-as-admin';
import { runWrk } from './lib/wrk';

const edge = `http://${env.SHOP_HOST}:${env.EDGE_PORT}`;

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

const cookie = await signInAsAdmin(edge, {
  email: imagesBenchEnv.SEED_ADMIN_EMAIL,
  password: imagesBenchEnv.SEED_ADMIN_PASSWORD,
});
const samples = imagesBenchEnv.BENCH_RENDERS;
const edgeMs: number[] = [];
const sharpMs: number[] = [];
let hotUrl = '';
process.stderr.write(
  `[bench] ${samples} first renders (webp 640) through the edge vs bare sharp\n`,
);
for (let i = 0; i < samples; i++) {
  const bytes = await photoOriginal();
  const uploaded = await fetch(`${edge}/img`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', cookie },
    body: bytes,
  });
  const { hash } = (await uploaded.json()) as { hash: string };
  const url = `${edge}/img/${hash}/640.webp`;
  let t0 = performance.now();
  const first = await fetch(url);
  await first.arrayBuffer();
  edgeMs.push(performance.now() - t0);
  if (first.headers.get('x-cache-status') !== 'MISS')
    throw new Error('expected a first render (MISS)');
  t0 = performance.now();
  await sharp(bytes)
    .rotate()
    .resize({ width: 640, withoutEnlargement: true })
    .webp({ quality: 75 })
    .toBuffer();
  sharpMs.push(performance.now() - t0);
  hotUrl = url;
}

const hot = Buffer.from(await (await fetch(hotUrl)).arrayBuffer());
const folder = join(import.meta.dirname, 'reports');
const reference = await startReferenceServers(
  join(folder, '.servers'),
  env.SHOP_HOST,
  env.STATIC_PORT,
  { 'variant.webp': hot },
);
try {
  const options = {
    seconds: env.BENCH_SECONDS,
    connections: env.BENCH_CONNECTIONS,
    threads: env.BENCH_THREADS,
  };
  process.stderr.write(`[bench] CDN hit vs nginx static file, ${options.seconds} s each\n`);
  runWrk(hotUrl, { ...options, seconds: 2 });
  const pair: Pair = {
    label: `GET /img/…/640.webp, CDN hit (${hot.length} B)`,
    shop: runWrk(hotUrl, options),
    baseline: runWrk(reference.staticUrl('variant.webp'), options),
    baselineLabel: 'nginx static file',
  };
  const conditions = {
    ...options,
    renders: samples,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    node: process.version,
    edge,
  };
  process.stdout.write(`\nconditions: ${JSON.stringify(conditions)}\n\n`);
  printPairs([pair]);
  const [edgeMedian, sharpMedian] = [median(edgeMs), median(sharpMs)];
  process.stdout.write(
    `first render through the edge: median ${edgeMedian.toFixed(1)} ms (max ${Math.max(...edgeMs).toFixed(1)}) vs bare sharp resize: median ${sharpMedian.toFixed(1)} ms → ratio ${(edgeMedian / sharpMedian).toFixed(2)}\n`,
  );
  const report = writeReport(folder, 'images', conditions, [pair]);
  writeBars(`${report}-renders.svg`, 'First render of a variant (median ms, one run)', [
    { label: 'through the edge (MISS)', value: edgeMedian, unit: 'ms' },
    { label: 'bare sharp resize', value: sharpMedian, unit: 'ms', colour: '#9ca3af' },
  ]);
  process.stdout.write(`report: ${report}.json, .svg and -renders.svg\n`);
} finally {
  await reference.stop();
}
