// npm run bench:overload — crowds several times larger than the shop serves at once, in one run
// against the running dev stack, each client from a loopback address of its own:
//   1. catalog reads: OVERLOAD_CLIENTS clients reading uncached listings as fast as answered;
//   2. sign-ins: OVERLOAD_CLIENTS clients guessing passwords (argon2id) as fast as answered,
//      while OVERLOAD_BYSTANDERS shoppers browse the catalog; the same bystanders alone first;
//   3. first renders: OVERLOAD_CLIENTS clients asking for image variants nobody asked for yet.
// Prints, per crowd, every status with its count and p50/p99, and checks the targets: no 5xx
// other than 503, refusals (503, 429) answered in p99 < 100 ms, bystanders' p99 < 250 ms while
// sign-ins flood. The load generator's own CPU is reported: a run where it was the limit says so.
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { env, imagesBenchEnv, overloadBenchEnv as settings } from './env';
import { writeBars } from './lib/bars';
import {
  byStatus,
  closedLoop,
  crowd,
  latency,
  timed,
  type Outcome,
  type StatusSummary,
} from './lib/crowd';
import { photoOriginal } from './lib/photo-original';
import { writeJson } from './lib/report';
import { signInAsAdmin } from './lib/sign-in-as-admin';

const edge = `http://${env.SHOP_HOST}:${env.EDGE_PORT}`;
const ready = await fetch(`${edge}/api/readyz`).catch(() => null);
if (!ready?.ok) {
  process.stderr.write(`The shop is not up at ${edge}; run \`npm start\` first.\n`);
  process.exit(1);
}

const categories = (
  (await (await fetch(`${edge}/api/categories`)).json()) as { slug: string }[]
).map((c) => c.slug);
const listing = (n: number) =>
  `${edge}/api/products?category=${categories[n % categories.length]}&page=${1 + (n % 3)}`;

interface Crowd {
  name: string;
  seconds: number;
  statuses: StatusSummary[];
  requestsPerSecond: number;
  /** CPU the load generator used per wall second (1 = one core, all this process can use). */
  generatorCpu: number;
}

/** Runs `work`, timing it and the load generator's CPU over it. */
async function measure(name: string, work: () => Promise<Outcome[]>): Promise<Crowd> {
  process.stderr.write(`[bench] ${name}\n`);
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const outcomes = await work();
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    name,
    seconds,
    statuses: byStatus(outcomes),
    requestsPerSecond: outcomes.length / seconds,
    generatorCpu: (used.user + used.system) / 1e6 / seconds,
  };
}

const clients = settings.OVERLOAD_CLIENTS;
/** Not counted: the crowd's connections open and its clients spread out (as wrk warms up). */
const WARMUP_SECONDS = 3;
const seconds = settings.OVERLOAD_SECONDS;
const browsing = crowd(40, settings.OVERLOAD_BYSTANDERS);
const bystanders = (n: number) =>
  closedLoop({
    clients: settings.OVERLOAD_BYSTANDERS,
    seconds: n,
    warmupSeconds: WARMUP_SECONDS,
    thinkMs: 100,
    request: (c, i) => timed(listing(c * 7 + i), { dispatcher: browsing.client(c) }),
  });

// 1. Catalog reads.
const readers = crowd(41, clients);
const catalog = await measure(`catalog reads: ${clients} clients, ${seconds} s`, () =>
  closedLoop({
    clients,
    seconds,
    warmupSeconds: WARMUP_SECONDS,
    request: (c, i) => timed(listing(c + i), { dispatcher: readers.client(c) }),
  }),
);
await readers.close();

// 2. Sign-ins, with bystanders browsing: first alone, then beside the flood.
const quiet = latency(await bystanders(Math.max(5, Math.round(seconds / 3))));
const guessers = crowd(42, clients);
let beside: Outcome[] = [];
const signIns = await measure(`sign-ins: ${clients} clients guessing, ${seconds} s`, async () => {
  const [flood, browsed] = await Promise.all([
    closedLoop({
      clients,
      seconds,
      warmupSeconds: WARMUP_SECONDS,
      request: (c) =>
        timed(`${edge}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: `guess-${randomUUID()}@example.test`, password: 'guess' }),
          dispatcher: guessers.client(c),
        }),
    }),
    bystanders(seconds),
  ]);
  beside = browsed;
  return flood;
});
await guessers.close();
const during = latency(beside);

// 3. First renders of variants nobody asked for yet.
const admin = await signInAsAdmin(edge, {
  email: imagesBenchEnv.SEED_ADMIN_EMAIL,
  password: imagesBenchEnv.SEED_ADMIN_PASSWORD,
});
const variants: string[] = [];
for (let i = 0; i < settings.OVERLOAD_ORIGINALS; i++) {
  const uploaded = await fetch(`${edge}/img`, {
    method: 'POST',
    headers: { 'content-type': 'image/jpeg', cookie: admin },
    body: await photoOriginal(),
  });
  if (!uploaded.ok) throw new Error(`upload failed: ${uploaded.status}`);
  const { hash } = (await uploaded.json()) as { hash: string };
  for (const width of [64, 128, 256, 384, 640, 828, 1080, 1200, 1920]) {
    for (const format of ['avif', 'webp', 'jpeg'])
      variants.push(`${edge}/img/${hash}/${width}.${format}`);
  }
}
const renderers = crowd(43, clients);
// Every client opens its connection first on a variant the CDN already holds.
const [warm] = variants;
if (warm) {
  await timed(warm, { dispatcher: renderers.client(0) });
  await Promise.all(
    Array.from({ length: clients }, (_, c) => timed(warm, { dispatcher: renderers.client(c) })),
  );
}
const renders = await measure(
  `first renders: ${variants.length - 1} new variants, ${clients} clients, up to ${seconds} s`,
  () => {
    // Each client asks for the next variant nobody has yet; one it was refused goes back in line.
    const queue = variants.slice(1);
    return closedLoop({
      clients,
      seconds,
      warmupSeconds: WARMUP_SECONDS,
      request: async (c) => {
        const url = queue.shift();
        if (!url) return { status: -1, ms: 0, retryAfter: seconds };
        const outcome = await timed(url, { dispatcher: renderers.client(c) });
        if (outcome.status !== 200) queue.push(url);
        return outcome;
      },
    }).then((outcomes) => outcomes.filter((o) => o.status !== -1));
  },
);
await Promise.all([renderers.close(), browsing.close()]);

// Report.
const crowds = [catalog, signIns, renders];
const fmt = (ms: number) => ms.toFixed(ms < 10 ? 1 : 0);
const lines: string[] = [];
for (const c of crowds) {
  lines.push(
    `${c.name}: ${c.requestsPerSecond.toFixed(0)} answers/s, load generator CPU ${(c.generatorCpu * 100).toFixed(0)}%`,
  );
  for (const s of c.statuses) {
    lines.push(
      `  ${String(s.status).padEnd(4)} ${String(s.count).padStart(7)}  p50 ${fmt(s.p50)} ms  p99 ${fmt(s.p99)} ms`,
    );
  }
}
lines.push(
  `bystanders browsing (${settings.OVERLOAD_BYSTANDERS}): alone p50 ${fmt(quiet.p50)} ms p99 ${fmt(quiet.p99)} ms; while sign-ins flood p50 ${fmt(during.p50)} ms p99 ${fmt(during.p99)} ms`,
);

const refusals = crowds.flatMap((c) =>
  c.statuses.filter((s) => s.status === 503 || s.status === 429).map((s) => ({ c, s })),
);
const errors = crowds.flatMap((c) =>
  c.statuses
    .filter((s) => (s.status >= 500 && s.status !== 503) || s.status === 0)
    .map((s) => ({ c, s })),
);
const targets = [
  {
    target: 'no 5xx other than 503 (and no lost answers)',
    pass: errors.length === 0,
    seen:
      errors.map(({ c, s }) => `${c.name.split(':')[0]}: ${s.count} × ${s.status}`).join('; ') ||
      'none',
  },
  {
    target: '503 and 429 answered in p99 < 100 ms',
    pass: refusals.every(({ s }) => s.p99 < 100),
    seen: refusals
      .map(({ c, s }) => `${c.name.split(':')[0]} ${s.status} p99 ${fmt(s.p99)} ms`)
      .join('; '),
  },
  {
    target: 'bystanders p99 < 250 ms while sign-ins flood',
    pass: during.p99 < 250,
    seen: `${fmt(during.p99)} ms`,
  },
];
const busyGenerator = crowds.filter((c) => c.generatorCpu > 0.9);
const conditions = {
  seconds,
  warmupSeconds: WARMUP_SECONDS,
  clients,
  // Requests the shop takes at once, per crowd: the edge's limits, over every replica.
  capacity: {
    catalog: (settings.EDGE_API_MAX_CONNS ?? 0) * settings.API_REPLICAS,
    signIns: (settings.EDGE_AUTH_MAX_CONNS ?? 0) * settings.API_REPLICAS,
    renders: settings.EDGE_IMAGES_MAX_CONNS ?? 0,
  },
  bystanders: settings.OVERLOAD_BYSTANDERS,
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model,
  loadAverageBefore: loadavg(),
  node: process.version,
  edge,
};
process.stdout.write(
  [
    `conditions: ${JSON.stringify(conditions)}`,
    '',
    ...lines,
    '',
    ...targets.map((t) => `${t.pass ? 'PASS' : 'FAIL'}  ${t.target}: ${t.seen}`),
    ...busyGenerator.map(
      (c) =>
        `WARNING: the load generator used ${(c.generatorCpu * 100).toFixed(0)}% of a core in "${c.name}": it may have been the limit`,
    ),
    '',
  ].join('\n'),
);
const folder = join(import.meta.dirname, 'reports');
const base = writeJson(folder, 'overload', {
  conditions,
  crowds,
  bystanders: { quiet, during },
  targets,
});
writeBars(`${base}.svg`, 'Overload: p99 of each answer, per crowd (one run)', [
  ...crowds.flatMap((c) =>
    c.statuses.map((s) => ({
      label: `${c.name.split(':')[0]} ${s.status} (${s.count})`,
      value: s.p99,
      unit: 'ms',
      colour: s.status === 200 || s.status === 201 || s.status === 401 ? '#2563eb' : '#dc2626',
    })),
  ),
  { label: 'bystanders alone', value: quiet.p99, unit: 'ms', colour: '#9ca3af' },
  { label: 'bystanders, sign-in flood', value: during.p99, unit: 'ms', colour: '#9ca3af' },
]);
process.stdout.write(`report: ${base}.json and .svg\n`);
