import type { SqlReader } from '@shop/db';
import {
  MAX_SEARCH_MATCHES,
  type ProductFacets,
  type ProductPage,
  type SearchQuery,
  type SearchSort,
} from '@shop/domain';
import { AppError } from '@shop/http';
import {
  inCategory,
  order as listingOrder,
  parameters,
  statementName,
  toSummary,
  type SummaryRow,
} from './list-products';
import { cubeQuery, facetsOf, narrowedBy, type FacetCell } from './product-facets';

// Search over the products' words (the product_search migration): every word searched for must
// be in the product's name or description (stemmed: "boots" finds "boot"), the last one as a
// prefix, since shoppers are still typing it. Relevance ranks a match in the name above one in
// the description. When no product holds every word, each word the shop does not know is
// replaced by the known word most like it (pg_trgm's trigram similarity), and the search runs
// once more: "tabel lamp" finds table lamps, and the page says what it searched for instead.

/** Words searched for, at most this many (a longer query is cut). */
const MAX_WORDS = 8;

/** The words of a search: letters and digits only (nothing a shopper types is tsquery syntax). */
export function wordsOf(q: string): string[] {
  return (
    q
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu)
      ?.slice(0, MAX_WORDS) ?? []
  );
}

/**
 * Words as a tsquery: all required; the last one a prefix (of two letters or more: one letter
 * begins half the catalog's words), unless it is a corrected word.
 */
export function toTsquery(words: string[], lastIsPrefix = true): string {
  return words
    .map((word, i) =>
      lastIsPrefix && i === words.length - 1 && word.length > 1 ? `${word}:*` : word,
    )
    .join(' & ');
}

/** A match's order: best first, or one of the listings' orders. */
const order = {
  relevance: 'score DESC, p.id',
  newest: listingOrder.newest,
  price_asc: listingOrder.price_asc,
  price_desc: listingOrder.price_desc,
} as const satisfies Record<SearchSort, string>;

/** A match set's page: its rows, their total, facets, and the size of the set they came from. */
interface Found {
  rows: SummaryRow[];
  total: number;
  matched: number;
  capped: boolean;
  facets: ProductFacets;
}

/**
 * One page of search results with their total and facets, in one statement: the matches (at
 * most MAX_SEARCH_MATCHES and one, to know there were more) are the match set; the department,
 * price band and stock filters narrow it, and the page is cut from what they let through, ranked.
 * The facet cube is counted over the whole match set, so the counts add up to what choosing
 * them shows. The answer is one row: the totals, the cube and the page's cards as JSON (as
 * columns of every card's row, the cube was sent and parsed once per card).
 */
async function matchPage(sql: SqlReader, search: SearchQuery, tsquery: string): Promise<Found> {
  const { values, add } = parameters();
  const q = `to_tsquery('english', ${add(tsquery)})`;
  const narrowed = [...inCategory(search.category ?? '', add), ...narrowedBy(search, add)];
  const text = `
    WITH matches AS (
      SELECT p.id, p.slug, p.name, p.price_cents, p.currency, p.stock, p.created_at, p.category_id,
             p.cover_hash AS image_hash, p.cover_alt AS image_alt,
             p.cover_width AS image_width, p.cover_height AS image_height,
             ts_rank(p.search_vector, ${q}) AS score
      FROM products p WHERE p.search_vector @@ ${q}
      LIMIT ${MAX_SEARCH_MATCHES + 1}
    ), chosen AS (
      SELECT * FROM matches p ${narrowed.length > 0 ? `WHERE ${narrowed.join(' AND ')}` : ''}
    )
    SELECT (SELECT count(*) FROM matches)::int AS matched, (SELECT count(*) FROM chosen)::int AS total,
           (SELECT json_agg(cube) FROM (${cubeQuery('matches p')}) cube) AS cube,
           (SELECT json_agg(page ORDER BY page.n) FROM (
              SELECT p.id, p.slug, p.name, p.price_cents, p.currency, p.stock, p.image_hash,
                     p.image_alt, p.image_width, p.image_height,
                     row_number() OVER (ORDER BY ${order[search.sort]}) AS n
              FROM chosen p ORDER BY ${order[search.sort]}
              OFFSET ${add((search.page - 1) * search.pageSize)} LIMIT ${add(search.pageSize)}
           ) page) AS cards`;
  const { rows } = await sql.query<{
    matched: number;
    total: number;
    cube: FacetCell[] | null;
    cards: SummaryRow[] | null;
  }>({ name: statementName(text), text, values });
  const [found] = rows;
  const matched = found?.matched ?? 0;
  return {
    rows: (found?.cards ?? []).slice(0, MAX_SEARCH_MATCHES),
    total: Math.min(found?.total ?? 0, MAX_SEARCH_MATCHES),
    matched,
    capped: matched > MAX_SEARCH_MATCHES,
    facets: facetsOf(found?.cube ?? [], search).facets,
  };
}

/**
 * Each word the shop knows as it is; each other one replaced by the known word most like it, a
 * word of product names before one of descriptions alone (kept when none is like it at all).
 */
async function corrected(sql: SqlReader, words: string[]): Promise<string[]> {
  const { rows } = await sql.query<{ word: string }>({
    name: 'catalog:search-corrections',
    text: `
      SELECT COALESCE(
        (SELECT w.word FROM search_words w WHERE w.word = t.typed),
        (SELECT w.word FROM search_words w WHERE w.word % t.typed
         ORDER BY similarity(w.word, t.typed) + CASE WHEN w.in_names THEN 0.1 ELSE 0 END DESC, w.word
         LIMIT 1),
        t.typed) AS word
      FROM unnest($1::text[]) WITH ORDINALITY AS t(typed, n) ORDER BY t.n`,
    values: [words],
  });
  return rows.map((row) => row.word);
}

/** Search results: products holding every word, or else every corrected word. */
export async function searchProducts(sql: SqlReader, search: SearchQuery): Promise<ProductPage> {
  const words = wordsOf(search.q);
  let found = words.length > 0 ? await matchPage(sql, search, toTsquery(words)) : null;
  let instead: string | undefined;
  // Only words that match nothing are corrected (not filters that let nothing through).
  if (found?.matched === 0) {
    const better = await corrected(sql, words);
    if (better.some((word, i) => word !== words[i])) {
      found = await matchPage(sql, search, toTsquery(better, false));
      instead = better.join(' ');
    }
  }
  if (!found?.total && search.category) await requireCategory(sql, search.category);
  return {
    items: (found?.rows ?? []).map(toSummary),
    page: search.page,
    pageSize: search.pageSize,
    total: found?.total ?? 0,
    ...(instead === undefined ? {} : { searchedInstead: instead }),
    ...(found?.capped ? { capped: true } : {}),
    facets: found?.facets ?? facetsOf([], search).facets,
  };
}
/** Nothing found within a category: it may be no category at all (404, as listings say). */
async function requireCategory(sql: SqlReader, category: string): Promise<void> {
  const { rows } = await sql.query({
    name: 'catalog:category-exists',
    text: 'SELECT 1 FROM categories WHERE slug = $1',
    values: [category],
  });
  if (rows.length === 0) {
    throw new AppError('CATEGORY_NOT_FOUND', `Unknown category '${category}'`, {
      field: 'category',
    });
  }
}
