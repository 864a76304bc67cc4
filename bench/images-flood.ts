// npm run bench:images-flood — a flood of first renders through the edge: FLOOD_REQUESTS
// concurrent GETs for distinct variants nobody asked for before, from FLOOD_CLIENTS loopback
// addresses (default: one each, so the edge sees many clients, as with phones on a busy page),
// while probes ask for a variant the CDN holds, a variant only S3 holds, and upload an original.
// Prints the answers by status with their latency, and what the probes saw.
import { request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { env, floodBenchEnv, imagesBenchEnv } from './env';
import { writeBars } from './lib/bars';
import { photoOriginal } from './lib/photo-original';
import { writeJson } from './lib/report';
import { signInAsAdmin } from './lib/sign-in-as-admin';

const edge = `http://${env.SHOP_HOST}:${env.EDGE_PORT}`;
const service = `http://${env.SHOP_HOST}:${floodBenchEnv.IMAGES_PORT}`;
const WIDTHS = [64, 128, 256, 384, 640, 828, 1080, 1200, 1920];
const FORMATS = ['avif', 'webp', 'jpeg'];

interface Answer {
  status: number;
  ms: number;
  retryAfter: string | undefined;
  cache: string | undefined;
}

/** One request on its own connection from `localAddress`; status 0 when the connection failed. */
function send(
  url: string,
  options: { localAddress?: string; method?: string; headers?: Record<string, string> },
  body?: Buffer,
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        localAddress: options.localAddress,
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            retryAfter: res.headers['retry-after'],
            cache: res.headers['x-cache-status'] as string | undefined,
          }),
        );
      },
    );
    req.setTimeout(120_000, () => req.destroy(new Error('client timeout')));
    req.on('error', () =>
      resolve({ status: 0, ms: performance.now() - started, retryAfter: undefined, cache: '' }),
    );
    req.end(body);
  });
}

const clients = floodBenchEnv.FLOOD_CLIENTS ?? floodBenchEnv.FLOOD_REQUESTS;
/** The i-th request's source address; FLOOD_CLIENTS of them, round-robin. */
const clientAddress = (i: number) => {
  const c = i % clients;
  return `127.77.${Math.floor(c / 250)}.${(c % 250) + 1}`;
};
const probeAddress = (i: number) => `127.78.0.${i + 1}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const summarise = (answers: Answer[]) => {
  const byStatus = new Map<number, number[]>();
  for (const a of answers) byStatus.set(a.status, [...(byStatus.get(a.status) ?? []), a.ms]);
  return [...byStatus.entries()]
    .sort(([a], [b]) => a - b)
    .map(([status, ms]) => ({
      status,
      count: ms.length,
      p50: percentile(ms, 50),
      p99: percentile(ms, 99),
      max: Math.max(...ms),
    }));
};

const cookie = await signInAsAdmin(edge, {
  email: imagesBenchEnv.SEED_ADMIN_EMAIL,
  password: imagesBenchEnv.SEED_ADMIN_PASSWORD,
});
const upload = async (localAddress?: string) =>
  send(
    `${edge}/img`,
    { method: 'POST', localAddress, headers: { 'content-type': 'image/jpeg', cookie } },
    await photoOriginal(),
  );
async function uploadOriginal(): Promise<string> {
  const response = await fetch(`${edge}/img`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', cookie },
    body: await photoOriginal(),
  });
  if (!response.ok) throw new Error(`upload failed: ${response.status}`);
  return ((await response.json()) as { hash: string }).hash;
}

const total = floodBenchEnv.FLOOD_REQUESTS;
const perOriginal = WIDTHS.length * FORMATS.length;
process.stderr.write(`[bench] uploading ${Math.ceil(total / perOriginal) + 1} originals\n`);
const probeHash = await uploadOriginal();
const urls: string[] = [];
while (urls.length < total) {
  const hash = await uploadOriginal();
  for (const width of WIDTHS)
    for (const format of FORMATS) urls.push(`/img/${hash}/${width}.${format}`);
}
urls.length = total;

// A variant the CDN holds, and one only S3 holds (rendered by asking the service directly).
const cachedPath = `/img/${probeHash}/640.webp`;
const storedPath = `/img/${probeHash}/384.jpeg`;
if ((await send(`${edge}${cachedPath}`, {})).status !== 200) throw new Error('warm-up failed');
if ((await send(`${service}${storedPath}`, {})).status !== 200) throw new Error('warm-up failed');

process.stderr.write(`[bench] ${total} concurrent first renders through ${edge}\n`);
const loadBefore = loadavg().map((l) => Number(l.toFixed(2)));
let flooding = true;
const started = performance.now();
const flood = Promise.all(
  urls.map((path, i) => send(`${edge}${path}`, { localAddress: clientAddress(i) })),
).finally(() => {
  flooding = false;
});
const probes = { cached: [] as Answer[], stored: [] as Answer[], upload: [] as Answer[] };
const probing = (async () => {
  await new Promise((resolve) => setTimeout(resolve, 100));
  for (let round = 0; flooding; round++) {
    const from = probeAddress(0);
    probes.cached.push(await send(`${edge}${cachedPath}`, { localAddress: from }));
    if (round === 0) probes.stored.push(await send(`${edge}${storedPath}`, { localAddress: from }));
    if (round < 3) probes.upload.push(await upload(probeAddress(1)));
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
})();
const answers = await flood;
const floodSeconds = (performance.now() - started) / 1000;
await probing;

const statuses = summarise(answers);
const conditions = {
  requests: total,
  clientAddresses: clients,
  loadAverageBefore: loadBefore,
  distinctVariants: new Set(urls).size,
  originals: '1600×1200 JPEG (photo-like noise)',
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  node: process.version,
  edge,
  note: 'load generator, edge, image service and s3rver share the same machine',
};
const fmt = (n: number) => n.toFixed(0).padStart(7);
const lines = [
  `conditions: ${JSON.stringify(conditions)}`,
  '',
  `flood of ${total} first renders, all answered in ${floodSeconds.toFixed(1)} s`,
  'status  count  p50 ms  p99 ms  max ms',
  ...statuses.map(
    (s) =>
      `${String(s.status).padEnd(6)}${String(s.count).padStart(6)} ${fmt(s.p50)} ${fmt(s.p99)} ${fmt(s.max)}`,
  ),
  `503s without Retry-After: ${answers.filter((a) => a.status === 503 && !a.retryAfter).length}`,
  '',
  ...Object.entries(probes).map(
    ([name, list]) =>
      `probe ${name.padEnd(7)} during the flood: ${list
        .map((a) => `${a.status}${a.cache ? `/${a.cache}` : ''} in ${a.ms.toFixed(0)} ms`)
        .join(', ')}`,
  ),
];
process.stdout.write(`${lines.join('\n')}\n`);
const folder = join(import.meta.dirname, 'reports');
const report = writeJson(folder, 'images-flood', { conditions, floodSeconds, statuses, probes });
writeBars(
  `${report}.svg`,
  `${total} concurrent first renders: latency by status (ms)`,
  statuses.flatMap((s) => [
    { label: `${s.status} ×${s.count} p50`, value: s.p50, unit: 'ms' },
    { label: `${s.status} ×${s.count} p99`, value: s.p99, unit: 'ms', colour: '#9ca3af' },
  ]),
);
process.stdout.write(`report: ${report}.json and .svg\n`);
