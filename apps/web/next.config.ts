import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `next build` type-checks with the route types it generates under .next/types; plain `tsc`
  // (the typecheck task) leaves them out, so it can run while a build rewrites them.
  typescript: { tsconfigPath: 'tsconfig.next.json' },
  reactStrictMode: true,
  // Product images will come from the shop's own image service (/img/…, fixed widths, immutable
  // URLs behind the edge's cache), so Next's optimizer is never used.
  images: { unoptimized: true },
  // Internal packages are consumed as TypeScript source.
  transpilePackages: ['@shop/domain', '@shop/config'],
};

export default nextConfig;
