// / and /c/<slug>?sort=&page= — rewrite public addresses to their internal, cacheable routes.
import { NextResponse, type NextRequest } from 'next/server';
import { categoryRoutePath, DEFAULT_SORT, parsePage, parseSort } from '@/lib/category-url';
import { HOME_EDITION } from '@/lib/home-url';

/**
 * A page that reads searchParams is rendered on every request. Turning the query into path
 * segments (invisible to the shopper: a rewrite, not a redirect) lets the category route be an
 * ISR page cached per (category, sort, page). Unknown or malformed values fall back to the
 * defaults, so the set of cached pages stays bounded.
 */
export function proxy(request: NextRequest): NextResponse {
  if (request.nextUrl.pathname === '/') {
    const home = request.nextUrl.clone();
    home.pathname = `/home/${HOME_EDITION}`;
    return NextResponse.rewrite(home);
  }
  const segments = request.nextUrl.pathname.split('/').filter(Boolean);
  const slug = segments[1];
  if (segments.length !== 2 || segments[0] !== 'c' || !slug) return NextResponse.next();

  const { searchParams } = request.nextUrl;
  const sort = parseSort(searchParams.get('sort')) ?? DEFAULT_SORT;
  const page = parsePage(searchParams.get('page')) ?? 1;

  const target = request.nextUrl.clone();
  target.pathname = categoryRoutePath(slug, sort, page);
  return NextResponse.rewrite(target);
}

export const config = {
  matcher: ['/', '/c/:slug'],
};
