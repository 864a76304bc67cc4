/** The public address of a product's page, e.g. /p/oak-desk-4821. */
export function productHref(slug: string): string {
  return `/p/${encodeURIComponent(slug)}`;
}
