// POST /internal/revalidate — the API, after a catalog change commits: expire the data this
// storefront process cached for what changed, then drop those pages from the edge's page cache.
// Reached only directly (the edge answers 404 for /internal/), and only with the shared secret.
import { timingSafeEqual } from 'node:crypto';
import { catalogChange, type CatalogChange } from '@shop/domain';
import { revalidateTag } from 'next/cache';
import { after } from 'next/server';
import { env } from '@/env';
import { CATEGORIES_TAG, categoryTag, LISTINGS_TAG, productTag } from '@/lib/data/cache-tags';
import { homePageKeys, listingPageKeys, productPageKeys } from '@/lib/data/purge-keys';
import { logError } from '@/lib/log-error';

export const dynamic = 'force-dynamic';

function authorized(request: Request, secret: string | undefined): boolean {
  const given = Buffer.from(request.headers.get('authorization') ?? '');
  const expected = Buffer.from(`Bearer ${secret ?? ''}`);
  return (
    secret !== undefined && given.length === expected.length && timingSafeEqual(given, expected)
  );
}

const problem = (status: number, code: string, message: string) =>
  Response.json({ error: { code, message } }, { status, headers: { 'cache-control': 'no-store' } });

export async function POST(request: Request): Promise<Response> {
  if (!authorized(request, env?.REVALIDATE_SECRET)) {
    return problem(401, 'UNAUTHENTICATED', 'A revalidation needs the shop’s secret');
  }
  const body = catalogChange.safeParse(await request.json().catch(() => null));
  if (!body.success) {
    const field = body.error.issues[0]?.path.join('.') || 'body';
    return problem(400, 'VALIDATION_FAILED', `Invalid body parameter: ${field}`);
  }
  const change = body.data;
  // Expired at once (not stale-while-revalidate): the next visit renders with the new data.
  const now = { expire: 0 };
  for (const slug of change.products) revalidateTag(productTag(slug), now);
  for (const slug of change.categories) revalidateTag(categoryTag(slug), now);
  if (change.categories.length > 0) revalidateTag(LISTINGS_TAG, now);
  if (change.recounted) revalidateTag(CATEGORIES_TAG, now);
  // Next applies the revalidations when this handler has answered: the edge is purged after
  // that, or a page requested in between would be rendered from the expired data again.
  after(() => purgeEdge(change));
  return Response.json({ revalidated: true }, { headers: { 'cache-control': 'no-store' } });
}

/** Drops the changed pages from the edge's page cache. */
async function purgeEdge(change: CatalogChange): Promise<void> {
  const url = env?.EDGE_PURGE_URL;
  if (!url) return;
  const keys = [
    ...change.products.flatMap(productPageKeys),
    ...change.categories.flatMap(listingPageKeys),
    ...(change.categories.length > 0 ? homePageKeys() : []),
  ];
  await Promise.all(
    keys.map(async (key) => {
      try {
        const response = await fetch(url, {
          method: 'PURGE',
          headers: { 'x-purge-key': key },
          signal: AbortSignal.timeout(2_000),
        });
        await response.arrayBuffer();
        // 404: the page was not in the cache.
        if (response.status !== 200 && response.status !== 404) {
          throw new Error(`edge answered ${response.status}`);
        }
      } catch (error) {
        logError('edge purge failed', error, { key });
      }
    }),
  );
}
