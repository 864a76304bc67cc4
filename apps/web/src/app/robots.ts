// /robots.txt — crawlers may read the catalog, not the shoppers' own pages; where the sitemap is
import type { MetadataRoute } from 'next';
import { connection } from 'next/server';
import { absoluteUrl } from '@/lib/public-url';

/** Pages that are per shopper, for admins, or endless (search results), and the API. */
const PRIVATE_PATHS = [
  '/cart',
  '/checkout',
  '/orders',
  '/account',
  '/admin',
  '/ops',
  '/login',
  '/register',
  '/search',
  '/api/',
];

export default async function robots(): Promise<MetadataRoute.Robots> {
  // Rendered when asked, not by `next build`: the sitemap's address needs PUBLIC_URL.
  await connection();
  return {
    rules: { userAgent: '*', allow: '/', disallow: PRIVATE_PATHS },
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
