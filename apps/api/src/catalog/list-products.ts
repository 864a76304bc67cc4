import { Prisma, type DbReader } from '@shop/db';
import type { ProductListQuery, ProductPage, ProductSort } from '@shop/domain';
import { AppError } from '@shop/http';
import { hotKeys } from '@shop/jobs';
import type { Redis } from 'ioredis';
import { summarySelect, toSummary } from './to-summary';

const newest = [{ createdAt: 'desc' }, { id: 'desc' }] as const;
const orderBy = {
  newest,
  price_asc: [{ priceCents: 'asc' }, { id: 'asc' }],
  price_desc: [{ priceCents: 'desc' }, { id: 'desc' }],
  // Products the hot list does not rank follow the ranked ones, newest first.
  popular: newest,
} as const satisfies Record<ProductSort, unknown>;

/** How far down a hot list `popular` follows its ranking. */
const MAX_RANKED = 1_000;

/** Past this many rows skipped, a page's ids are found first (see `deepPage`). */
const DEFERRED_FROM = 48;

// The same orders as `orderBy`, in SQL, for deep pages; each is an index's order.
const sqlOrder = {
  newest: 'created_at DESC, id DESC',
  price_asc: 'price_cents ASC, id ASC',
  price_desc: 'price_cents DESC, id DESC',
  popular: 'created_at DESC, id DESC',
} as const satisfies Record<ProductSort, string>;

/**
 * A deep page (page 4,000 of a 100,000-product shop skips 96,000 rows): its ids first, from the
 * index alone (an index-only scan steps over the skipped rows without reading them), then only
 * those rows. Skipping whole rows instead reads each skipped row from the table.
 */
async function deepPage(
  reader: DbReader,
  query: { categoryId: string | undefined; sort: ProductSort; skip: number; take: number },
) {
  const where = query.categoryId
    ? Prisma.sql`WHERE category_id = ${query.categoryId}::uuid`
    : Prisma.empty;
  const page = await reader.$queryRaw<{ id: string }[]>`
    SELECT id FROM products ${where}
    ORDER BY ${Prisma.raw(sqlOrder[query.sort])}
    OFFSET ${query.skip} LIMIT ${query.take}`;
  const ids = page.map((row) => row.id);
  const rows = await reader.product.findMany({
    where: { id: { in: ids } },
    select: summarySelect,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * One page of the catalog, optionally within a category; read from the replica (or the primary
 * for read-your-writes). `popular` orders by the worker's hot list of the category (or of the
 * shop), then the rest newest first.
 */
export async function listProducts(
  deps: { reader: DbReader; redis: Redis },
  query: ProductListQuery,
): Promise<ProductPage> {
  const { reader } = deps;
  let categoryId: string | undefined;
  // How many products the listing holds: kept per category by a trigger, so no count of the
  // products table per request.
  let total: () => Promise<number>;
  if (query.category) {
    const category = await reader.category.findUnique({
      where: { slug: query.category },
      select: { id: true, productCount: true },
    });
    if (!category) {
      throw new AppError('CATEGORY_NOT_FOUND', `Unknown category '${query.category}'`, {
        field: 'category',
      });
    }
    categoryId = category.id;
    const { productCount } = category;
    total = async () => productCount;
  } else {
    // Read beside the page itself (below), not before it.
    total = async () =>
      (await reader.category.aggregate({ _sum: { productCount: true } }))._sum.productCount ?? 0;
  }
  const where = categoryId ? { categoryId } : {};
  const offset = (query.page - 1) * query.pageSize;
  const ranked =
    query.sort === 'popular'
      ? await deps.redis.zrevrange(
          query.category ? hotKeys.category(query.category) : hotKeys.all,
          0,
          MAX_RANKED - 1,
        )
      : [];
  const rankedOnPage = ranked.slice(offset, offset + query.pageSize);
  const [rankedRows, restRows, count] = await Promise.all([
    rankedOnPage.length > 0
      ? reader.product.findMany({
          where: { ...where, id: { in: rankedOnPage } },
          select: summarySelect,
        })
      : [],
    rankedOnPage.length < query.pageSize
      ? ranked.length === 0 && offset >= DEFERRED_FROM
        ? deepPage(reader, { categoryId, sort: query.sort, skip: offset, take: query.pageSize })
        : reader.product.findMany({
            where: ranked.length > 0 ? { ...where, id: { notIn: ranked } } : where,
            orderBy: [...orderBy[query.sort]],
            skip: Math.max(0, offset - ranked.length),
            take: query.pageSize - rankedOnPage.length,
            select: summarySelect,
          })
      : [],
    total(),
  ]);
  const byId = new Map(rankedRows.map((row) => [row.id, row]));
  const rows = [
    ...rankedOnPage.flatMap((id) => {
      const row = byId.get(id);
      return row ? [row] : [];
    }),
    ...restRows,
  ];
  return {
    items: rows.map(toSummary),
    page: query.page,
    pageSize: query.pageSize,
    total: count,
  };
}
