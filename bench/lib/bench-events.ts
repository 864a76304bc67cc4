// Shopper events for the hot-list benchmark: each its own visitor and address (so none is a
// repeat, or over an address's cap), spread over real products.
import type { ShopperEvent } from '@shop/jobs';

export interface BenchProduct {
  id: string;
  category: string;
}

export function benchEvent(products: BenchProduct[], run: string, n: number): ShopperEvent {
  return {
    kind: 'view',
    productId: products[n % products.length]?.id ?? null,
    visitor: `bench-${run}-${n}`,
    address: `bench-${run}-${n % 100_000}`,
  };
}
