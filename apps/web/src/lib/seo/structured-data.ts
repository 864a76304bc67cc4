import 'server-only';
import { decimalPrice, type Product } from '@shop/domain';
import type { BreadcrumbList, Product as ProductThing, Thing, WithContext } from 'schema-dts';
import { imagePath } from '@/lib/image-url';
import { productHref } from '@/lib/product-url';
import { absoluteUrl } from '@/lib/public-url';

// schema.org descriptions of catalog pages for search engines (JSON-LD), typed with schema-dts
// so the compiler checks each property against its type. Rendered by components/json-ld.tsx.

export type StructuredData = WithContext<Thing>;

/** The picture size offered to search engines and link previews (the image service's 1200). */
export const SHARED_IMAGE_WIDTH = 1200;

/** A product with its offer: price, currency, whether it can be bought now, and where. */
export function productData(product: Product): WithContext<ProductThing> {
  const url = absoluteUrl(productHref(product.slug));
  const images = product.images.map((image) =>
    absoluteUrl(imagePath(image.hash, SHARED_IMAGE_WIDTH, 'jpeg')),
  );
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    '@id': url,
    url,
    sku: product.id,
    name: product.name,
    description: product.description,
    category: product.category.name,
    ...(images.length > 0 ? { image: images } : {}),
    offers: {
      '@type': 'Offer',
      url,
      price: decimalPrice(product.priceCents),
      priceCurrency: product.currency,
      availability:
        product.stock > 0 ? 'https://schema.org/InStock' : 'https://schema.org/OutOfStock',
      itemCondition: 'https://schema.org/NewCondition',
    },
  };
}

/** A page's place in the shop, Home first; each step with its absolute address. */
export function breadcrumbData(
  steps: { label: string; href: string }[],
): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: steps.map((step, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: step.label,
      item: absoluteUrl(step.href),
    })),
  };
}
