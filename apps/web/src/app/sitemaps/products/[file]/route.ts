// GET /sitemaps/products/<n>.xml — products (n-1)×10,000+1 to n×10,000, in id order, with lastmod
import { listSitemapProducts } from '@/lib/data/list-sitemap-products';
import { productHref } from '@/lib/product-url';
import { absoluteUrl } from '@/lib/public-url';
import { productSitemapCount, urlSet, xmlResponse } from '@/lib/seo/sitemap-xml';

// Rendered when asked (from the data cache), not by `next build`, which has no API.
export const dynamic = 'force-dynamic';

const notFound = () =>
  new Response('No such sitemap\n', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

export async function GET(
  _request: Request,
  { params }: { params: Promise<{ file: string }> },
): Promise<Response> {
  const number = /^([1-9]\d{0,4})\.xml$/.exec((await params).file)?.[1];
  if (!number) return notFound();
  const n = Number(number);
  // The first page says how many there are, so a number past the end asks the API nothing more.
  const first = await listSitemapProducts(1);
  if (n > productSitemapCount(first.total, first.pageSize)) return notFound();
  const { items } = n === 1 ? first : await listSitemapProducts(n);
  return xmlResponse(
    urlSet(
      items.map((item) => ({ loc: absoluteUrl(productHref(item.slug)), lastmod: item.updatedAt })),
    ),
  );
}
