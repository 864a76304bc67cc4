// npm run bench:checkout — orders per second through the edge, uncontended (every shopper buys
// a different product) and contended (everyone buys the same product, so every order waits on
// one row lock), next to pgbench's tpcb-like TPS on the same primary, all in one run.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { fetch, type Dispatcher } from 'undici';
import { checkoutEnv as settings, env } from './env';
import { writeBars } from './lib/bars';
import { crowd } from './lib/crowd';

const edge = `http://${env.SHOP_HOST}:${env.EDGE_PORT}`;
const db = new pg.Client({ connectionString: settings.DATABASE_URL });
await db.connect();

async function makeProducts(count: number): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO products (id, slug, name, description, price_cents, currency, stock, category_id, updated_at)
     SELECT gen_random_uuid(), 'bench-' || gen_random_uuid(), 'Benchmark item', 'Made by bench:checkout.', 100, 'USD', 1000000, c.id, now()
     FROM generate_series(1, $1), (SELECT id FROM categories ORDER BY position LIMIT 1) c RETURNING id`,
    [count],
  );
  return rows.map((r) => r.id);
}

/** A guest shopper: its session cookie and the address it connects from. */
interface Shopper {
  cookie: string;
  client: Dispatcher;
}

/**
 * A guest session holding one unit of `productId` in its cart, ready to check out. Every shopper
 * is a client of its own (a loopback address), as real shoppers are: the shop's order limits
 * per address would otherwise refuse all but the first few orders.
 */
async function shopperWith(productId: string, client: Dispatcher): Promise<Shopper> {
  const response = await fetch(`${edge}/api/cart/items`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ productId, quantity: 1 }),
    dispatcher: client,
  });
  if (!response.ok) throw new Error(`add to cart: ${response.status}`);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return { cookie, client };
}

interface Run {
  orders: number;
  failed: number;
  seconds: number;
  ordersPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  clientCpu: number;
}

async function checkoutAll(shoppers: Shopper[]): Promise<Run> {
  const latencies: number[] = [];
  let failed = 0;
  const queue = [...shoppers];
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: settings.BENCH_CONCURRENCY }, async () => {
      for (let shopper = queue.shift(); shopper; shopper = queue.shift()) {
        const t0 = performance.now();
        const response = await fetch(`${edge}/api/orders`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            cookie: shopper.cookie,
            'idempotency-key': randomUUID(),
          },
          dispatcher: shopper.client,
          body: JSON.stringify({
            email: 'bench@example.test',
            shippingAddress: {
              name: 'Bench',
              line1: '1 Load St',
              city: 'Testville',
              region: 'TX',
              postalCode: '12345',
              country: 'US',
            },
          }),
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - t0);
        if (response.status !== 201) failed++;
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    orders: shoppers.length - failed,
    failed,
    seconds,
    ordersPerSecond: (shoppers.length - failed) / seconds,
    latencyMs: { p50: at(0.5), p95: at(0.95), p99: at(0.99) },
    clientCpu: (cpu.user + cpu.system) / 1e6 / seconds,
  };
}

function pgbench(): { tps: number; clients: number } {
  const url = new URL(settings.DATABASE_URL);
  const conn = {
    PGHOST: url.hostname,
    PGPORT: url.port,
    PGUSER: decodeURIComponent(url.username),
    PGPASSWORD: decodeURIComponent(url.password),
  };
  const run = (args: string[]) =>
    spawnSync(join(settings.PG_BIN, args[0] ?? ''), args.slice(1), {
      encoding: 'utf8',
      env: conn,
    });
  run(['dropdb', '--if-exists', 'shop_pgbench']);
  run(['createdb', 'shop_pgbench']);
  const init = run(['pgbench', '-i', '-q', '-s', '10', 'shop_pgbench']);
  if (init.status !== 0) throw new Error(`pgbench -i failed: ${init.stderr}`);
  const clients = settings.BENCH_CONCURRENCY;
  const bench = run([
    'pgbench',
    '-b',
    'tpcb-like',
    '-c',
    String(clients),
    '-j',
    '2',
    '-T',
    String(settings.BENCH_SECONDS),
    'shop_pgbench',
  ]);
  run(['dropdb', '--if-exists', 'shop_pgbench']);
  const tps = Number(/tps = ([\d.]+)/.exec(bench.stdout)?.[1]);
  if (!Number.isFinite(tps))
    throw new Error(`pgbench printed no TPS: ${bench.stdout}${bench.stderr}`);
  return { tps, clients };
}

const made: string[] = [];
try {
  const n = settings.BENCH_ORDERS;
  process.stderr.write(`[bench] preparing ${n} uncontended and ${n} contended shoppers\n`);
  const own = await makeProducts(n);
  const [shared] = await makeProducts(1);
  made.push(...own);
  if (shared) made.push(shared);
  if (!shared) throw new Error('no shared product');
  await new Promise((resolve) => setTimeout(resolve, 200)); // let the replica see them
  const clients = crowd(20, 2 * n);
  const uncontendedShoppers = [];
  for (const [i, id] of own.entries()) {
    uncontendedShoppers.push(await shopperWith(id, clients.client(i)));
  }
  const contendedShoppers = [];
  for (let i = 0; i < n; i++)
    contendedShoppers.push(await shopperWith(shared, clients.client(n + i)));

  process.stderr.write('[bench] checkout, uncontended\n');
  const uncontended = await checkoutAll(uncontendedShoppers);
  process.stderr.write('[bench] checkout, contended\n');
  const contended = await checkoutAll(contendedShoppers);
  await clients.close();
  process.stderr.write(`[bench] pgbench tpcb-like, ${settings.BENCH_SECONDS} s\n`);
  const baseline = pgbench();

  const conditions = {
    orders: n,
    concurrency: settings.BENCH_CONCURRENCY,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    node: process.version,
    edge,
  };
  const line = (name: string, r: Run) =>
    `${name.padEnd(12)} ${r.ordersPerSecond.toFixed(0).padStart(6)} orders/s  p50 ${r.latencyMs.p50.toFixed(1)} ms  p95 ${r.latencyMs.p95.toFixed(1)} ms  p99 ${r.latencyMs.p99.toFixed(1)} ms  failed ${r.failed}  client CPU ${(r.clientCpu * 100).toFixed(0)}%  ratio to pgbench ${(r.ordersPerSecond / baseline.tps).toFixed(3)}`;
  process.stdout.write(
    [
      `conditions: ${JSON.stringify(conditions)}`,
      '',
      line('uncontended', uncontended),
      line('contended', contended),
      `pgbench      ${baseline.tps.toFixed(0).padStart(6)} TPS (tpcb-like, ${baseline.clients} clients, same primary)`,
      '',
    ].join('\n'),
  );
  const folder = join(import.meta.dirname, 'reports');
  mkdirSync(folder, { recursive: true });
  const base = join(folder, `checkout-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  writeFileSync(
    `${base}.json`,
    JSON.stringify({ conditions, uncontended, contended, pgbench: baseline }, null, 2),
  );
  writeBars(`${base}.svg`, 'Checkout throughput vs pgbench (one run, same primary)', [
    { label: 'orders/s, uncontended', value: uncontended.ordersPerSecond, unit: 'orders/s' },
    {
      label: 'orders/s, one hot product',
      value: contended.ordersPerSecond,
      unit: 'orders/s',
      colour: '#dc2626',
    },
    { label: 'pgbench tpcb-like', value: baseline.tps, unit: 'TPS', colour: '#9ca3af' },
  ]);
  process.stdout.write(`report: ${base}.json and .svg\n`);
} finally {
  await db.query(
    'DELETE FROM orders WHERE id IN (SELECT order_id FROM order_lines WHERE product_id = ANY($1))',
    [made],
  );
  await db.query('DELETE FROM products WHERE id = ANY($1)', [made]);
  await db.end();
}
