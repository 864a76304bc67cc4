// /c/<slug>?price=&inStock=&sort=&page= — a category's products narrowed by a price band or to
// what is in stock (reached through the rewrites in next.config.ts)
import { slug as slugSchema } from '@shop/domain';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CategoryListing, categoryMetadata, type Listing } from '@/components/category-listing';
import { DEFAULT_SORT, parsePage, parseSort } from '@/lib/category-url';
import { parseFilters } from '@/lib/listing-filters';

// Rendered per request (it reads the query), from the API's cached answers and Next's data cache
// (tagged like the listing's, so a catalog change drops them). Not kept as pages: the filters
// times the sorts and pages would make every catalog change purge hundreds of pages, here and
// at the edge (which bypasses its page cache for filtered listings: edge.conf.template).

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

async function listingOf({ params, searchParams }: Props): Promise<Listing | null> {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const parsed = slugSchema.safeParse(slug);
  if (!parsed.success) return null;
  return {
    slug: parsed.data,
    sort: parseSort(first(query.sort)) ?? DEFAULT_SORT,
    page: parsePage(first(query.page)) ?? 1,
    filters: { ...parseFilters(query), category: undefined },
  };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  return categoryMetadata(await listingOf(props));
}

export default async function FilteredCategoryPage(props: Props) {
  const listing = await listingOf(props);
  if (!listing) notFound();
  return <CategoryListing listing={listing} />;
}
