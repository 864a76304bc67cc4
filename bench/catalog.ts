// npm run bench:catalog — the catalog's cost over plain serving, measured side by side in one
// run against the running dev stack (npm start): the storefront home page through the edge next
// to nginx serving the same bytes as a static file, and two API reads through the edge next to a
// bare node:http server answering the same JSON.
import { cpus } from 'node:os';
import { join } from 'node:path';
import { env } from './env';
import { printPairs, writeReport, type Pair } from './lib/report';
import { startReferenceServers } from './lib/reference-servers';
import { runWrk, type WrkOptions } from './lib/wrk';

const edge = `http://${env.SHOP_HOST}:${env.EDGE_PORT}`;
const ready = await fetch(`${edge}/api/readyz`).catch(() => null);
if (!ready?.ok) {
  process.stderr.write(`The shop is not up at ${edge}; run \`npm start\` first.\n`);
  process.exit(1);
}

const bytesOf = async (path: string) =>
  Buffer.from(await (await fetch(`${edge}${path}`)).arrayBuffer());
const list = (await (await fetch(`${edge}/api/products?pageSize=1`)).json()) as {
  items: { slug: string }[];
};
const slug = list.items[0]?.slug;
if (!slug) throw new Error('empty catalog');
const targets = {
  home: { path: '/', file: 'home.html' },
  products: { path: '/api/products?pageSize=24', file: 'products.json' },
  product: { path: `/api/products/${slug}`, file: 'product.json' },
};
const files: Record<string, Buffer> = {};
for (const t of Object.values(targets)) files[t.file] = await bytesOf(t.path);

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

try {
  const pairs: Pair[] = [];
  const measure = (label: string, shopUrl: string, baselineUrl: string, baselineLabel: string) => {
    process.stderr.write(`[bench] ${label}: warming up, then ${options.seconds} s each\n`);
    runWrk(shopUrl, warm);
    runWrk(baselineUrl, warm);
    pairs.push({
      label,
      shop: runWrk(shopUrl, options),
      baseline: runWrk(baselineUrl, options),
      baselineLabel,
    });
  };
  measure(
    `GET / (${files['home.html']?.length} B)`,
    `${edge}/`,
    reference.staticUrl('home.html'),
    'nginx static file',
  );
  measure(
    `GET /api/products?pageSize=24 (${files['products.json']?.length} B)`,
    `${edge}${targets.products.path}`,
    reference.bareNodeUrl('products.json'),
    'bare node:http',
  );
  measure(
    `GET /api/products/{slug} (${files['product.json']?.length} B)`,
    `${edge}${targets.product.path}`,
    reference.bareNodeUrl('product.json'),
    'bare node:http',
  );

  const conditions = {
    ...options,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    node: process.version,
    edge,
  };
  process.stdout.write(`\nconditions: ${JSON.stringify(conditions)}\n\n`);
  printPairs(pairs);
  for (const p of pairs) {
    const failed = p.shop.errors + p.shop.non2xx + p.baseline.errors + p.baseline.non2xx;
    if (failed > 0)
      process.stdout.write(
        `WARNING: ${p.label}: ${failed} failed responses; its figures are not valid\n`,
      );
  }
  const report = writeReport(folder, 'catalog', conditions, pairs);
  process.stdout.write(`\nreport: ${report}.json and .svg\n`);
} finally {
  await reference.stop();
}
