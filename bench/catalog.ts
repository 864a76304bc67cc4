// npm run bench:catalog — the catalog's cost over plain serving, measured side by side in one
// run against the running dev stack (npm start): the storefront home page through the edge next
// to nginx serving the same bytes as a static file, and two API reads through the edge next to a
// bare node:http server answering the same JSON.
//
// Each target is measured twice: plain (no Accept-Encoding) and the way browsers ask for it
// (Accept-Encoding: gzip, br). Compressed pairs are compared with the static nginx doing the same
// work as the edge (see lib/reference-servers.ts): the home page is a cached page whose compressed
// bytes the storefront stored, so the baseline answers those exact bytes from a `.gz` file
// (gzip_static); the API answers are compressed by the edge per request, so the baseline
// compresses the same JSON per request with the edge's gzip settings. Both checks are printed.
import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { env } from './env';
import { cpuBusyShare } from './lib/cpu-busy';
import { measureInRounds, printPairs, writeReport, type Pair } from './lib/report';
import { EDGE_GZIP, startReferenceServers } from './lib/reference-servers';
import { signInAsAdmin } from './lib/sign-in-as-admin';
import { runWrk, type WrkOptions } from './lib/wrk';

const edge = `http://${env.SHOP_HOST}:${env.EDGE_PORT}`;
const ready = await fetch(`${edge}/api/readyz`).catch(() => null);
if (!ready?.ok) {
  process.stderr.write(`The shop is not up at ${edge}; run \`npm start\` first.\n`);
  process.exit(1);
}

interface Answer {
  status: number;
  /** Content-Encoding, '' when the body is not encoded. */
  encoding: string;
  cacheStatus: string;
  /** The API's X-Cache: which level of its cache tier answered. */
  apiCache: string;
  body: Buffer;
}

/** GET without any decoding (fetch would ask for and undo compression on its own). */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    // A connection of its own: a pooled one may have been closed while wrk ran.
    request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: String(res.headers['content-encoding'] ?? ''),
          cacheStatus: String(res.headers['x-cache-status'] ?? ''),
          apiCache: String(res.headers['x-cache'] ?? ''),
          body: Buffer.concat(chunks),
        }),
      );
    })
      .on('error', reject)
      .end();
  });
}

const compressed = { 'Accept-Encoding': env.BENCH_ACCEPT_ENCODING };
// Signed in before the long runs: the cache-miss pairs flush the cache as this admin.
const cookie = await signInAsAdmin(edge, {
  email: env.SEED_ADMIN_EMAIL,
  password: env.SEED_ADMIN_PASSWORD,
});
const list = JSON.parse((await get(`${edge}/api/products?pageSize=1`)).body.toString('utf8')) as {
  items: { slug: string }[];
};
const slug = list.items[0]?.slug;
if (!slug) throw new Error('empty catalog');

interface Target {
  path: string;
  /** The path as labels show it. */
  shown: string;
  file: string;
  /** The plain pair's baseline; compressed pairs always compare with the static nginx. */
  plainBaseline: 'static' | 'node';
  /** Where the edge's compressed bytes come from: stored in its cache, or made per request. */
  compression: 'stored' | 'per-request';
  plain?: Answer;
  encoded?: Answer;
}
const targets: Target[] = [
  { path: '/', shown: '/', file: 'home.html', plainBaseline: 'static', compression: 'stored' },
  {
    path: '/api/products?pageSize=24',
    shown: '/api/products?pageSize=24',
    file: 'products.json',
    plainBaseline: 'node',
    compression: 'per-request',
  },
  {
    path: `/api/products/${slug}`,
    shown: '/api/products/{slug}',
    file: 'product.json',
    plainBaseline: 'node',
    compression: 'per-request',
  },
];

/**
 * Cache misses, measured with the cache flushed every 100 ms (lib/cache-flusher.ts) while wrk
 * asks for every product, and every listing page, in turn: each key is cold when it is asked
 * for again. The share of reads that really missed comes from the replicas' /metrics.
 */
interface Extra {
  headers?: Record<string, string>;
  /** Paths wrk asks for in turn (instead of the URL's own). */
  paths?: string[];
  connections?: number;
}

async function measureMisses(
  measure: (
    label: string,
    shopUrl: string,
    baselineUrl: string,
    baselineLabel: string,
    extra?: Extra,
  ) => void,
) {
  const slugs: string[] = [];
  for (let page = 1; ; page++) {
    const answer = JSON.parse(
      (await get(`${edge}/api/products?pageSize=100&page=${page}`)).body.toString('utf8'),
    ) as { items: { slug: string }[]; total: number };
    slugs.push(...answer.items.map((item) => item.slug));
    if (answer.items.length === 0 || slugs.length >= Math.min(answer.total, 20_000)) break;
  }
  const categories = JSON.parse((await get(`${edge}/api/categories`)).body.toString('utf8')) as {
    slug: string;
    productCount: number;
  }[];
  const listingPaths = categories.flatMap((category) =>
    ['newest', 'price_asc', 'price_desc'].flatMap((sort) =>
      Array.from(
        { length: Math.min(Math.ceil(category.productCount / 24), 50) },
        (_, i) => `/api/products?category=${category.slug}&sort=${sort}&page=${i + 1}&pageSize=24`,
      ),
    ),
  );
  // Searches shoppers might type: two words of a product's name (its material and what it is,
  // or its style and what it is), each pair once.
  const searchPaths = [
    ...new Set(
      slugs.flatMap((slug) => {
        const words = slug.split('-').filter((word) => !/^\d+$/.test(word));
        const thing = words.at(-1) ?? '';
        return words.length > 2 ? [`${words[1]} ${thing}`, `${words[0]} ${thing}`] : [];
      }),
    ),
  ]
    .slice(0, 2_000)
    .map((q) => `/api/products?q=${encodeURIComponent(q)}&pageSize=24`);
  const flusher = spawn(process.execPath, ['--import', 'tsx', 'lib/cache-flusher.ts'], {
    cwd: import.meta.dirname,
    // The child inherits this environment (PATH, the stack's settings) plus its own three.
    // eslint-disable-next-line no-restricted-properties
    env: { ...process.env, FLUSH_EDGE: edge, FLUSH_COOKIE: cookie, FLUSH_MS: '100' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const results: { label: string; missShare: number }[] = [];
  try {
    for (const [cache, paths, file, shown] of [
      [
        'listing',
        listingPaths,
        'products.json',
        `/api/products?category=…&sort=…&page=… (${listingPaths.length} pages)`,
      ],
      [
        'listing',
        searchPaths,
        'products.json',
        `/api/products?q=… (${searchPaths.length} searches)`,
      ],
      [
        'product',
        slugs.map((slug) => `/api/products/${slug}`),
        'product.json',
        `/api/products/{slug} (${slugs.length} products)`,
      ],
    ] as const) {
      const before = await cacheReads(cache);
      const label = `GET ${shown} plain, cache MISS, ${env.BENCH_MISS_CONNECTIONS} connections`;
      // Misses hold a request for a database read: as many clients as the replicas run at once
      // (more would be answered 503 by the edge, which limits what each replica is sent).
      measure(label, `${edge}${paths[0]}`, reference.bareNodeUrl(file), 'bare node:http', {
        paths: [...paths],
        connections: env.BENCH_MISS_CONNECTIONS,
      });
      const after = await cacheReads(cache);
      const missed = after.missed - before.missed;
      results.push({ label, missShare: missed / Math.max(1, after.all - before.all) });
    }
  } finally {
    flusher.kill();
  }
  return results;
}

/** Reads of one cache on every API replica: all, and those Postgres answered. */
async function cacheReads(cache: string): Promise<{ all: number; missed: number }> {
  let all = 0;
  let missed = 0;
  for (let n = 1; n <= env.API_REPLICAS; n++) {
    const text = (
      await get(`http://${env.SHOP_HOST}:${env.API_PORT_BASE + n}/metrics`)
    ).body.toString('utf8');
    for (const line of text.split('\n')) {
      if (!line.startsWith(`shop_cache_reads_total{cache="${cache}"`)) continue;
      const count = Number(line.split(' ').at(-1));
      all += count;
      if (line.includes('level="MISS"') || line.includes('level="BYPASS"')) missed += count;
    }
  }
  return { all, missed };
}

const files: Record<string, Buffer> = {};
for (const t of targets) {
  // Twice each: the second answer of a cached page is the cache hit the benchmark measures.
  for (let i = 0; i < 2; i++) {
    t.plain = await get(`${edge}${t.path}`);
    t.encoded = await get(`${edge}${t.path}`, compressed);
  }
  if (t.plain?.status !== 200 || t.encoded?.status !== 200)
    throw new Error(`${t.path}: ${t.plain?.status} / ${t.encoded?.status}`);
  if (t.plain.encoding) throw new Error(`${t.path}: encoded answer to a plain request`);
  files[t.file] = t.plain.body;
  if (t.compression === 'stored' && t.encoded.encoding) {
    if (t.encoded.encoding !== 'gzip')
      throw new Error(`${t.path}: the static baseline cannot serve "${t.encoded.encoding}"`);
    files[`${t.file}.gz`] = t.encoded.body;
  }
}

const folder = join(import.meta.dirname, 'reports');
const reference = await startReferenceServers(
  join(folder, '.servers'),
  env.SHOP_HOST,
  env.STATIC_PORT,
  files,
);
const options: WrkOptions = {
  seconds: env.BENCH_SECONDS,
  connections: env.BENCH_CONNECTIONS,
  threads: env.BENCH_THREADS,
};
const warm = { ...options, seconds: 2 };
const loadAtStart = loadavg()[0] ?? 0;
const busyAtStart = await cpuBusyShare();

try {
  // The baseline must answer what the edge answers: same encoding, and for stored bytes the very
  // same bytes; per-request gzip at the same level and settings gives the same size.
  const fairness: string[] = [];
  for (const t of targets) {
    const base = await get(reference.staticUrl(t.file), compressed);
    const edgeAnswer = t.encoded as Answer;
    const same =
      base.encoding === edgeAnswer.encoding &&
      (t.compression === 'stored'
        ? base.body.equals(edgeAnswer.body)
        : Math.abs(base.body.length - edgeAnswer.body.length) <= edgeAnswer.body.length * 0.02);
    fairness.push(
      `${same ? 'ok' : 'WARNING'}: ${t.path} with ${env.BENCH_ACCEPT_ENCODING}: edge ${edgeAnswer.encoding || 'identity'} ${edgeAnswer.body.length} B${edgeAnswer.cacheStatus ? ` (cache ${edgeAnswer.cacheStatus})` : ''}, static nginx ${base.encoding || 'identity'} ${base.body.length} B (${t.compression === 'stored' ? 'stored bytes via gzip_static' : `gzip level ${EDGE_GZIP.level} per request`})`,
    );
  }

  const pairs: Pair[] = [];
  const measure = (
    label: string,
    shopUrl: string,
    baselineUrl: string,
    baselineLabel: string,
    extra: Extra = {},
  ) => {
    const { headers = {}, paths, connections = options.connections } = extra;
    process.stderr.write(
      `[bench] ${label}: warming up, then ${env.BENCH_ROUNDS} rounds of ${options.seconds} s each\n`,
    );
    runWrk(shopUrl, { ...warm, connections, headers, paths });
    runWrk(baselineUrl, { ...warm, connections, headers });
    pairs.push({
      label,
      baselineLabel,
      ...measureInRounds(
        env.BENCH_ROUNDS,
        () => runWrk(shopUrl, { ...options, connections, headers, paths }),
        () => runWrk(baselineUrl, { ...options, connections, headers }),
      ),
    });
  };
  for (const t of targets) {
    const plain = t.plain as Answer;
    const encoded = t.encoded as Answer;
    const level = plain.apiCache ? `, cache ${plain.apiCache}` : '';
    measure(
      `GET ${t.shown} plain (${plain.body.length} B${level})`,
      `${edge}${t.path}`,
      t.plainBaseline === 'static' ? reference.staticUrl(t.file) : reference.bareNodeUrl(t.file),
      t.plainBaseline === 'static' ? 'nginx static file' : 'bare node:http',
    );
    measure(
      `GET ${t.shown} ${encoded.encoding || 'identity'} (${encoded.body.length} B)`,
      `${edge}${t.path}`,
      reference.staticUrl(t.file),
      t.compression === 'stored'
        ? 'nginx static .gz file'
        : `nginx static, gzip level ${EDGE_GZIP.level}`,
      { headers: compressed },
    );
  }

  const misses = await measureMisses(measure);

  const loadAtEnd = loadavg()[0] ?? 0;
  const conditions = {
    ...options,
    rounds: env.BENCH_ROUNDS,
    acceptEncoding: env.BENCH_ACCEPT_ENCODING,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    loadAverage1m: { start: loadAtStart, end: loadAtEnd },
    cpuBusyBefore: Number(busyAtStart.toFixed(3)),
    node: process.version,
    edge,
    fairness,
    misses,
  };
  process.stdout.write(`\nconditions: ${JSON.stringify(conditions)}\n\n`);
  process.stdout.write(`${fairness.join('\n')}\n\n`);
  for (const miss of misses) {
    process.stdout.write(
      `${miss.label}: ${(miss.missShare * 100).toFixed(1)} % of its reads were cache misses (read from Postgres)\n`,
    );
  }
  process.stdout.write('\n');
  printPairs(pairs);
  for (const p of pairs) {
    const failed = p.shop.errors + p.shop.non2xx + p.baseline.errors + p.baseline.non2xx;
    if (failed > 0)
      process.stdout.write(
        `WARNING: ${p.label}: ${failed} failed responses; its figures are not valid\n`,
      );
  }
  // What the machine was busy with in the 2 s before the run (the stack idling included).
  if (busyAtStart > 0.25)
    process.stdout.write(
      `WARNING: the CPUs were ${(busyAtStart * 100).toFixed(0)} % busy before the run: other work may compete with it; repeat it before trusting the figures\n`,
    );
  const report = writeReport(folder, 'catalog', conditions, pairs);
  process.stdout.write(`\nreport: ${report}.json and .svg\n`);
} finally {
  await reference.stop();
}
