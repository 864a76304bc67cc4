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
  // Internal packages are consumed as TypeScript source.
  transpilePackages: ['@shop/domain', '@shop/config'],
};

export default nextConfig;
