// GET /sitemaps/pages.xml — the front page and every department's listing
import { categoryHref } from '@/lib/category-url';
import { getCategories } from '@/lib/data/get-categories';
import { absoluteUrl } from '@/lib/public-url';
import { urlSet, xmlResponse } from '@/lib/seo/sitemap-xml';

// Rendered when asked (from the data cache), not by `next build`, which has no API.
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const categories = await getCategories();
  const paths = ['/', ...categories.map((category) => categoryHref(category.slug))];
  return xmlResponse(urlSet(paths.map((path) => ({ loc: absoluteUrl(path) }))));
}
