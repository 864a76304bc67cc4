'use client';

import type { ProductSummary } from '@shop/domain';
import { useEffect, useState, type ReactNode } from 'react';
import { getHotProducts } from '@/lib/shopper/get-hot-products';
import { ProductGrid } from './product-grid';

interface Props {
  /** The section's heading (rendered by the page, with the page's own styles). */
  heading: ReactNode;
  /** The id of the heading element, which names the section. */
  headingId: string;
  className?: string;
  /** A category's hot list instead of the whole shop's. */
  category?: string;
  limit: number;
}

/**
 * A section of the products shoppers are looking at now ("Trending now", "Popular in …"). The
 * list is read in the browser after the page has loaded, so the page itself stays the same for
 * everyone and cacheable. Nothing is drawn until there are products: no empty frame, no error.
 */
export function HotProducts({ heading, headingId, className, category, limit }: Props) {
  const [products, setProducts] = useState<ProductSummary[]>([]);

  useEffect(() => {
    let current = true;
    void getHotProducts({ category, limit }).then((list) => {
      if (current) setProducts(list);
    });
    return () => {
      current = false;
    };
  }, [category, limit]);

  if (products.length === 0) return null;
  return (
    <section className={className} aria-labelledby={headingId} data-testid="hot-products">
      {heading}
      <ProductGrid products={products} headingLevel="h3" />
    </section>
  );
}
