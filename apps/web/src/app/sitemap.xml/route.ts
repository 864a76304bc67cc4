// GET /sitemap.xml — the sitemap index: the pages' sitemap and one per 10,000 products
import { listSitemapProducts } from '@/lib/data/list-sitemap-products';
import { absoluteUrl } from '@/lib/public-url';
import {
  PAGES_SITEMAP_PATH,
  productSitemapCount,
  productSitemapPath,
  sitemapIndex,
  xmlResponse,
} from '@/lib/seo/sitemap-xml';

// Rendered when asked (from the data cache), not by `next build`, which has no API.
export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  const { total, pageSize } = await listSitemapProducts(1);
  const products = Array.from({ length: productSitemapCount(total, pageSize) }, (_, i) =>
    absoluteUrl(productSitemapPath(i + 1)),
  );
  return xmlResponse(
    sitemapIndex([absoluteUrl(PAGES_SITEMAP_PATH), ...products].map((loc) => ({ loc }))),
  );
}
