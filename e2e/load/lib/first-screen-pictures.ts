// The pictures a browser's first screen loads from a storefront page: protocol shoppers fetch
// them after the document (flows/http.ts), so the image CDN meets the load a browser puts on it.

/**
 * About two rows of product cards, or a product's photo and what sits beside it: what a
 * first screen shows before the shopper scrolls (the rest of the page's pictures load lazily).
 */
export const firstScreenPictureCount = 8;

const imgTags = /<img\b[^>]*>/gi;
// `src` itself, not `srcset` or `data-src`: the name follows whitespace and ends at `=`.
const srcAttribute = /\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;

/** HTML escapes an attribute value may hold; React writes `&` in a URL as `&amp;`. */
function decodeAttribute(value: string): string {
  return value.replace(/&amp;/g, '&');
}

/**
 * The `src` of the page's `<img>` tags served by the image service (`/img/...`), in document
 * order, each once, at most `limit` of them.
 */
export function firstScreenPictures(html: string, limit = firstScreenPictureCount): string[] {
  const pictures: string[] = [];
  for (const [tag] of html.matchAll(imgTags)) {
    const match = srcAttribute.exec(tag);
    const src = decodeAttribute(match?.[1] ?? match?.[2] ?? match?.[3] ?? '');
    if (!src.startsWith('/img/') || pictures.includes(src)) continue;
    pictures.push(src);
    if (pictures.length >= limit) break;
  }
  return pictures;
}
