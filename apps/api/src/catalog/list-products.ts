import type { SqlReader } from '@shop/db';
import type { ListingQuery, ProductPage, ProductSort, ProductSummary } from '@shop/domain';
import { AppError } from '@shop/http';
import { hotKeys } from '@shop/jobs';
import type { Redis } from 'ioredis';
import { facetsOf, narrowedBy, type FacetCell } from './product-facets';
import { toCoverImage } from './to-summary';

// Listings are the catalog's busiest cache misses, so they are read in SQL, in as few round
// trips as the page allows: Prisma's own work per query costs several times what Postgres spends
// on these (bench:catalog's cache-miss pairs measure it).

/** How far down a hot list `popular` follows its ranking. */
const MAX_RANKED = 1_000;

// Each sort is an index's order (see prisma/schema.prisma), id breaking ties. Products the hot
// list does not rank follow the ranked ones, newest first.
export const order = {
  newest: 'p.created_at DESC, p.id DESC',
  price_asc: 'p.price_cents ASC, p.id ASC',
  price_desc: 'p.price_cents DESC, p.id DESC',
  popular: 'p.created_at DESC, p.id DESC',
} as const satisfies Record<ProductSort, string>;

/**
 * Products' cards, from `products` (named `p`) in `from`; with `total`, the listing's size as a
 * column too. The cover picture is kept on the product row (see the product_cover migration),
 * so a card is one row.
 */
function summaries(from: string, total?: string): string {
  return `
    SELECT p.id, p.slug, p.name, p.price_cents, p.currency, p.stock,
           p.cover_hash AS image_hash, p.cover_alt AS image_alt,
           p.cover_width AS image_width, p.cover_height AS image_height${total ? `, ${total} AS total` : ''}
    FROM ${from}`;
}

/** A statement's parameters, numbered as they are added. */
export function parameters() {
  const values: unknown[] = [];
  return {
    values,
    add(value: unknown, type = ''): string {
      values.push(value);
      return `$${values.length}${type}`;
    },
  };
}

/** Rows of one category, or of the whole shop for ''. */
export function inCategory(category: string, add: (value: unknown) => string): string[] {
  return category
    ? [`p.category_id = (SELECT id FROM categories WHERE slug = ${add(category)})`]
    : [];
}

export interface SummaryRow {
  id: string;
  slug: string;
  name: string;
  price_cents: number;
  currency: string;
  stock: number;
  image_hash: string | null;
  image_alt: string | null;
  image_width: number | null;
  image_height: number | null;
}

export function toSummary(row: SummaryRow): ProductSummary {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    priceCents: row.price_cents,
    currency: row.currency,
    image: toCoverImage(row.image_hash, row.image_alt, row.image_width, row.image_height),
    inStock: row.stock > 0,
  };
}

/** The listing's size (see totalOf), as a column of a page's rows. */
function totalColumn(category: string, add: (value: unknown) => string): string {
  return category
    ? `(SELECT product_count FROM categories WHERE slug = ${add(category)})`
    : '(SELECT COALESCE(sum(product_count), 0)::int FROM categories)';
}

/** A page's rows, and the listing's total when the page has rows to carry it. */
interface SortedPage {
  rows: SummaryRow[];
  total: number | undefined;
}

/**
 * One page in a sort's order, skipping `exclude` (the ranked products). The page's ids come
 * first, from the index alone: on a deep page (page 4,000 of 100,000 products skips 96,000 rows)
 * an index-only scan steps over the skipped rows without reading them from the table. Its rows
 * carry the listing's total, so a page is one round trip (each costs the API a socket write and
 * a read, more than Postgres spends on the count).
 */
async function sortedPage(
  sql: SqlReader,
  page: {
    category: string;
    narrowed: Narrowing;
    sort: ProductSort;
    exclude: string[];
    skip: number;
    take: number;
  },
): Promise<SortedPage> {
  const { values, add } = parameters();
  // A narrowed listing's total comes from the facet cube instead.
  const total = page.narrowed.any ? undefined : totalColumn(page.category, add);
  const where = [...inCategory(page.category, add), ...narrowedBy(page.narrowed, add)];
  if (page.exclude.length > 0) where.push(`NOT (p.id = ANY(${add(page.exclude, '::uuid[]')}))`);
  const ids = `(
    SELECT p.id FROM products p ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY ${order[page.sort]} OFFSET ${add(page.skip)} LIMIT ${add(page.take)}
  ) ids JOIN products p ON p.id = ids.id`;
  const text = `${summaries(ids, total)} ORDER BY ${order[page.sort]}`;
  const { rows } = await sql.query<SummaryRow & { total: number }>({
    name: statementName(text),
    text,
    values,
  });
  return { rows, total: rows[0]?.total };
}

type Narrowing = Pick<ListingQuery, 'price' | 'inStock'> & { any: boolean };

/** The ranked products a narrowed listing keeps, still in the hot list's order. */
async function rankedWithin(
  sql: SqlReader,
  category: string,
  narrowed: Narrowing,
  ids: string[],
): Promise<string[]> {
  if (!narrowed.any || ids.length === 0) return ids;
  const { values, add } = parameters();
  const where = [
    `p.id = ANY(${add(ids, '::uuid[]')})`,
    ...inCategory(category, add),
    ...narrowedBy(narrowed, add),
  ];
  const text = `SELECT p.id FROM products p WHERE ${where.join(' AND ')}`;
  const { rows } = await sql.query<{ id: string }>({ name: statementName(text), text, values });
  const kept = new Set(rows.map((row) => row.id));
  return ids.filter((id) => kept.has(id));
}

/** The ranked products on this page, in the hot list's order. */
async function rankedPage(sql: SqlReader, category: string, ids: string[]): Promise<SummaryRow[]> {
  const { values, add } = parameters();
  const where = [`p.id = ANY(${add(ids, '::uuid[]')})`, ...inCategory(category, add)];
  const text = `${summaries('products p')} WHERE ${where.join(' AND ')}`;
  const { rows } = await sql.query<SummaryRow>({ name: statementName(text), text, values });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * How many products the listing holds: kept per category by a trigger, so no count of the
 * products table per request. Null for an unknown category.
 */
async function totalOf(sql: SqlReader, category: string): Promise<number | null> {
  const { rows } = category
    ? await sql.query<{ total: number }>({
        name: 'catalog:category-total',
        text: 'SELECT product_count AS total FROM categories WHERE slug = $1',
        values: [category],
      })
    : await sql.query<{ total: number }>({
        name: 'catalog:shop-total',
        text: 'SELECT COALESCE(sum(product_count), 0)::int AS total FROM categories',
      });
  return rows[0]?.total ?? null;
}

// Prepared once per connection under a name of their own (parsed and planned once, not per read).
const statementNames = new Map<string, string>();
export function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `catalog:list:${statementNames.size}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * One page of the catalog, optionally within a category, a price band and what is in stock;
 * read from the replica (or the primary for read-your-writes). `popular` orders by the worker's
 * hot list of the category (or of the shop), then the rest newest first. The page and its total
 * are read in one statement; the facets (and a narrowed listing's total) come from `cube`, the
 * shop's facet cube (see product-facets.ts).
 */
export async function listProducts(
  deps: { sql: SqlReader; redis: Redis },
  query: ListingQuery,
  cube: FacetCell[],
): Promise<ProductPage> {
  const { sql } = deps;
  const category = query.category ?? '';
  const narrowed = {
    price: query.price,
    inStock: query.inStock,
    any: !!query.price || query.inStock,
  };
  const counted = facetsOf(cube, query);
  if (!counted.known) {
    throw new AppError('CATEGORY_NOT_FOUND', `Unknown category '${category}'`, {
      field: 'category',
    });
  }
  const offset = (query.page - 1) * query.pageSize;
  const ranked =
    query.sort === 'popular'
      ? await rankedWithin(
          sql,
          category,
          narrowed,
          await deps.redis.zrevrange(
            category ? hotKeys.category(category) : hotKeys.all,
            0,
            MAX_RANKED - 1,
          ),
        )
      : [];
  const rankedOnPage = ranked.slice(offset, offset + query.pageSize);
  const [rankedRows, rest] = await Promise.all([
    rankedOnPage.length > 0 ? rankedPage(sql, category, rankedOnPage) : [],
    rankedOnPage.length < query.pageSize
      ? sortedPage(sql, {
          category,
          narrowed,
          sort: query.sort,
          exclude: ranked,
          skip: Math.max(0, offset - ranked.length),
          take: query.pageSize - rankedOnPage.length,
        })
      : { rows: [], total: undefined },
  ]);
  // A page without sorted rows (past the end, or all of it ranked) asks for the total apart.
  const total = narrowed.any ? counted.total : (rest.total ?? (await totalOf(sql, category)));
  if (total === null) {
    throw new AppError('CATEGORY_NOT_FOUND', `Unknown category '${category}'`, {
      field: 'category',
    });
  }
  return {
    items: [...rankedRows, ...rest.rows].map(toSummary),
    page: query.page,
    pageSize: query.pageSize,
    total,
    facets: counted.facets,
  };
}
