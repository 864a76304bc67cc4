import path from 'node:path';
import type { NextConfig } from 'next';

// Container images (apps/web/Dockerfile) build a standalone server: the bundle plus only the
// node_modules it uses, traced from the monorepo's root. The local stack runs `next start`.
// A build setting (read by `next build` only), not one of the storefront's runtime settings.
// eslint-disable-next-line no-restricted-properties
const standalone = process.env.NEXT_OUTPUT === 'standalone';
// STOREFRONT_CACHE=off (read by `next start`) keeps no rendered page and no fetched data in
// memory: every visit renders and asks the API, as the lower steps of npm run bench:ladder want.
// eslint-disable-next-line no-restricted-properties
const uncached = process.env.STOREFRONT_CACHE === 'off';

// The public listing address /c/<slug>?sort=&page= is served by the internal ISR route
// /c/<slug>/<sort>/<page>, cached per (category, sort, page): a page that read searchParams would
// be rendered on every request. Values that are not a sort or a page fall back to the defaults,
// so the set of cached pages stays bounded; / is the internal ISR route /home/<HOME_EDITION>.
// Rewrites here, not in a proxy (middleware): started on 127.0.0.1, Next sent a proxy's rewrites
// over HTTP to itself (vercel/next.js#94745), each page twice and some answered 500 on a reset.
// src/lib/category-url.test.ts checks these patterns against parseSort and parsePage.
export const LISTING_SORT = '(?<sort>newest|price_asc|price_desc|popular)';
export const LISTING_PAGE = '(?<page>[1-9]\\d{0,3}|10000)';
const sortQuery = { type: 'query', key: 'sort', value: LISTING_SORT } as const;
const pageQuery = { type: 'query', key: 'page', value: LISTING_PAGE } as const;
// A listing narrowed by a price band or to what is in stock is rendered per request by the
// route /c/<slug>/filtered, which reads the whole query (see its page.tsx); the edge does not
// keep it either.
const priceQuery = { type: 'query', key: 'price' } as const;
const inStockQuery = { type: 'query', key: 'inStock' } as const;

const nextConfig: NextConfig = {
  poweredByHeader: false,
  ...(standalone
    ? { output: 'standalone', outputFileTracingRoot: path.join(process.cwd(), '..', '..') }
    : {}),
  // `next build` type-checks with the route types it generates under .next/types; plain `tsc`
  // (the typecheck task) leaves them out, so it can run while a build rewrites them.
  typescript: { tsconfigPath: 'tsconfig.next.json' },
  reactStrictMode: true,
  // Rendered pages and fetched data stay in this process's memory instead of .next/cache on
  // disk: the dev and test stacks run the same build side by side and must not serve each
  // other's pages, and a restarted process starts clean (as the edge's cache does).
  experimental: { isrFlushToDisk: false },
  ...(uncached ? { cacheMaxMemorySize: 0 } : {}),
  // Product images will come from the shop's own image service (/img/…, fixed widths, immutable
  // URLs behind the edge's cache), so Next's optimizer is never used.
  images: { unoptimized: true },
  rewrites: async () => ({
    beforeFiles: [
      { source: '/', destination: '/home/front' },
      { source: '/c/:slug', has: [priceQuery], destination: '/c/:slug/filtered' },
      { source: '/c/:slug', has: [inStockQuery], destination: '/c/:slug/filtered' },
      { source: '/c/:slug', has: [sortQuery, pageQuery], destination: '/c/:slug/:sort/:page' },
      { source: '/c/:slug', has: [sortQuery], destination: '/c/:slug/:sort/1' },
      { source: '/c/:slug', has: [pageQuery], destination: '/c/:slug/newest/:page' },
      { source: '/c/:slug', destination: '/c/:slug/newest/1' },
    ],
    afterFiles: [],
    fallback: [],
  }),
  // Internal packages are consumed as TypeScript source.
  transpilePackages: ['@shop/domain', '@shop/config'],
};

export default nextConfig;
