// /c/<slug>?sort=&page= — one category's products (reached through the rewrites in next.config.ts)
import { slug as slugSchema } from '@shop/domain';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CategoryListing, categoryMetadata, type Listing } from '@/components/category-listing';
import { parsePage, parseSort } from '@/lib/category-url';
import { NO_FILTERS } from '@/lib/listing-filters';

// ISR without touching the API at build time: no listing is prerendered by `next build`
// (generateStaticParams returns []); each (category, sort, page) is rendered on its first visit,
// then served from the cache and re-rendered in the background at most once a minute, or
// earlier when its `category:<slug>` or `catalog` tag is revalidated. Narrowed listings are
// rendered per request by ../../filtered/page.tsx.
export const revalidate = 60;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string; sort: string; page: string }[] {
  return [];
}

interface Params {
  slug: string;
  sort: string;
  page: string;
}

function parseParams(params: Params): Listing | null {
  const slug = slugSchema.safeParse(params.slug);
  const sort = parseSort(params.sort);
  const page = parsePage(params.page);
  if (!slug.success || !sort || !page) return null;
  return { slug: slug.data, sort, page, filters: NO_FILTERS };
}

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  return categoryMetadata(parseParams(await params));
}

export default async function CategoryPage({ params }: { params: Promise<Params> }) {
  const listing = parseParams(await params);
  if (!listing) notFound();
  return <CategoryListing listing={listing} />;
}
