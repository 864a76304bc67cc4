// npm run bench:staleness — how long a price change takes to reach shoppers, through every
// cache: each API replica (its own cache and Redis), the API through the edge, and the
// storefront's product and category pages through the edge's page cache (Next's data cache
// behind it). The seeded admin changes prices through the admin API, one product at a time,
// while readers that had the old price cached poll every level; each reader's time is from the
// admin's answer ("saved") to its first answer with the new price. A reader that sees the old
// price again after the new one counts a relapse. Prices are restored afterwards.
import { formatPrice } from '@shop/domain/money';
import { join } from 'node:path';
import { stalenessBenchEnv as env } from './env';
import { writeJson } from './lib/report';
import { signInAsAdmin } from './lib/sign-in-as-admin';

const edge = `http://${env.SHOP_HOST}:${env.EDGE_PORT}`;
const ready = await fetch(`${edge}/api/readyz`).catch(() => null);
if (!ready?.ok) {
  process.stderr.write(`The shop is not up at ${edge}; run \`npm start\` first.\n`);
  process.exit(1);
}

interface Summary {
  id: string;
  slug: string;
  priceCents: number;
  currency: string;
}
interface Target extends Summary {
  category: string;
}

const getJson = async <T>(url: string, init?: RequestInit): Promise<T> => {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as T;
};

const cookie = await signInAsAdmin(edge, {
  email: env.SEED_ADMIN_EMAIL,
  password: env.SEED_ADMIN_PASSWORD,
});
const admin = { cookie, origin: edge };

/** Products to change: the newest of each category in turn (so they are on its first page). */
const categories = (await getJson<{ slug: string }[]>(`${edge}/api/categories`)).map((c) => c.slug);
const firstPages = await Promise.all(
  categories.map(async (category) => {
    const page = await getJson<{ items: Summary[] }>(
      `${edge}/api/products?category=${category}&pageSize=24`,
    );
    return page.items.map((item) => ({ ...item, category }));
  }),
);
const targets: Target[] = Array.from({ length: env.STALENESS_CHANGES }, (_, i) => {
  const page = firstPages[i % firstPages.length] ?? [];
  const target = page[Math.floor(i / firstPages.length) % Math.max(page.length, 1)];
  if (!target) throw new Error('a category without products');
  return target;
});

async function setPrice(target: Target, priceCents: number): Promise<void> {
  const url = `${edge}/api/admin/products/${target.id}`;
  const headers = { cookie: admin.cookie, origin: admin.origin };
  const { product } = await getJson<{ product: { version: number } }>(url, { headers });
  await getJson(url, {
    method: 'PATCH',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ version: product.version, priceCents }),
  });
}

/** One way shoppers see a product's price; `shows` tells whether an answer shows `price`. */
interface Reader {
  name: string;
  tier: 'api' | 'storefront';
  read: (target: Target) => Promise<string | number>;
  shows: (answer: string | number, target: Target, priceCents: number) => boolean;
}

const apiRead = (base: string) => async (target: Target) =>
  (await getJson<{ priceCents: number }>(`${base}/api/products/${target.slug}`)).priceCents;
const pageRead = (path: (target: Target) => string) => async (target: Target) => {
  const response = await fetch(`${edge}${path(target)}`);
  return response.text();
};
const inPage = (answer: string | number, target: Target, priceCents: number) =>
  String(answer).includes(formatPrice(priceCents, target.currency));
const isPrice = (answer: string | number, _target: Target, priceCents: number) =>
  answer === priceCents;

const readers: Reader[] = [
  ...Array.from({ length: env.API_REPLICAS }, (_, i) => ({
    name: `api-${i + 1} (direct)`,
    tier: 'api' as const,
    read: apiRead(`http://${env.SHOP_HOST}:${env.API_PORT_BASE + i + 1}`),
    shows: isPrice,
  })),
  { name: 'API through the edge', tier: 'api', read: apiRead(edge), shows: isPrice },
  {
    name: 'product page',
    tier: 'storefront',
    read: pageRead((t) => `/p/${t.slug}`),
    shows: inPage,
  },
  {
    name: 'category page',
    tier: 'storefront',
    read: pageRead((t) => `/c/${t.category}`),
    shows: inPage,
  },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until the reader shows the price; then watches a while longer for relapses. */
async function watch(reader: Reader, target: Target, priceCents: number, since: number) {
  const deadline = since + 30_000;
  let seenMs: number | null = null;
  let relapses = 0;
  while (Date.now() < deadline) {
    const fresh = reader.shows(await reader.read(target), target, priceCents);
    const now = Date.now();
    if (fresh && seenMs === null) seenMs = now - since;
    if (!fresh && seenMs !== null) relapses++;
    if (seenMs !== null && now - since > seenMs + env.STALENESS_WATCH_MS) break;
    await sleep(env.STALENESS_POLL_MS);
  }
  return { seenMs, relapses };
}

const results = new Map(
  readers.map((r) => [r.name, { seen: [] as number[], relapses: 0, never: 0 }]),
);
const originals = new Map<string, Target>();
process.stdout.write(
  `bench:staleness — ${targets.length} price changes, ${readers.length} readers polling every ${env.STALENESS_POLL_MS} ms\n`,
);
try {
  for (const [i, target] of targets.entries()) {
    if (!originals.has(target.id)) originals.set(target.id, target);
    // Every reader has the current price cached before the change.
    for (const reader of readers) for (let k = 0; k < 2; k++) await reader.read(target);
    const priceCents = 987_600 + i;
    await setPrice(target, priceCents);
    const since = Date.now();
    const seen = await Promise.all(readers.map((r) => watch(r, target, priceCents, since)));
    for (const [k, reader] of readers.entries()) {
      const result = results.get(reader.name);
      const outcome = seen[k];
      if (!result || !outcome) continue;
      if (outcome.seenMs === null) result.never++;
      else result.seen.push(outcome.seenMs);
      result.relapses += outcome.relapses;
    }
    if ((i + 1) % 10 === 0) process.stdout.write(`  ${i + 1}/${targets.length} changes\n`);
  }
} finally {
  process.stdout.write('restoring prices\n');
  for (const target of originals.values()) await setPrice(target, target.priceCents);
}

const percentile = (values: number[], p: number) => {
  const sorted = values.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};
const TARGETS = { api: 1_000, storefront: 2_000 };
const rows = readers.map((reader) => {
  const result = results.get(reader.name) ?? { seen: [], relapses: 0, never: 0 };
  return {
    reader: reader.name,
    tier: reader.tier,
    changes: result.seen.length + result.never,
    p50Ms: percentile(result.seen, 50),
    p99Ms: percentile(result.seen, 99),
    maxMs: Math.max(...result.seen),
    neverSeen: result.never,
    relapses: result.relapses,
  };
});
process.stdout.write('\nreader                    p50 ms   p99 ms   max ms   relapses  never\n');
for (const row of rows) {
  process.stdout.write(
    `${row.reader.padEnd(24)} ${String(row.p50Ms).padStart(7)} ${String(row.p99Ms).padStart(8)} ${String(row.maxMs).padStart(8)} ${String(row.relapses).padStart(10)} ${String(row.neverSeen).padStart(6)}\n`,
  );
}
const verdicts = (['api', 'storefront'] as const).map((tier) => {
  const tierRows = rows.filter((row) => row.tier === tier);
  const max = Math.max(...tierRows.map((row) => row.maxMs));
  const pass =
    max <= TARGETS[tier] && tierRows.every((row) => row.relapses === 0 && row.neverSeen === 0);
  process.stdout.write(
    `${pass ? 'PASS' : 'FAIL'} ${tier}: max ${max} ms over ${targets.length} changes (target ≤ ${TARGETS[tier]} ms, no relapse)\n`,
  );
  return { tier, maxMs: max, targetMs: TARGETS[tier], pass };
});
const base = writeJson(join(import.meta.dirname, 'reports'), 'staleness', {
  conditions: { changes: targets.length, pollMs: env.STALENESS_POLL_MS, edge },
  rows,
  verdicts,
});
process.stdout.write(`report: ${base}.json\n`);
