// Shopper events for the hot-list benchmark, deterministic in the event number n, in one of two
// workloads (HOT_WORKLOAD):
// - `shoppers` (default): what a shop sees. 100,000 visitors, each from an address of its own,
//   take turns, so a visitor's events lie far apart (no batch holds two of one visitor). Products
//   are picked by popularity (Zipf, s = 1: the 10th product is seen a tenth as often as the
//   first); 9 in 10 events are views, 1 in 10 adds to cart. A visitor who sees a product again
//   within the repeat window is dropped by the fold, as it would be in the shop.
// - `distinct`: the worst case for the fold. Every event is a new visitor from one of 100,000
//   addresses, and products take turns, so nothing can be added up or skipped.
import type { ShopperEvent } from '@shop/jobs';

export interface BenchProduct {
  id: string;
  category: string;
}

export type Workload = 'shoppers' | 'distinct';

const VISITORS = 100_000;

/** A fixed pseudo-random number in [0, 1) for n (a 32-bit integer hash). */
function unit(n: number, salt: number): number {
  let x = (n ^ salt) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b) >>> 0;
  return ((x ^ (x >>> 16)) >>> 0) / 2 ** 32;
}

/** The cumulative Zipf(1) distribution over `count` ranks. */
function zipf(count: number): Float64Array {
  const cdf = new Float64Array(count);
  let total = 0;
  for (let rank = 0; rank < count; rank++) cdf[rank] = total += 1 / (rank + 1);
  return cdf.map((value) => value / total);
}

/** The rank whose cumulative share first reaches u (binary search). */
function rankOf(cdf: Float64Array, u: number): number {
  let low = 0;
  let high = cdf.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((cdf[mid] ?? 1) < u) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function benchEvents(products: BenchProduct[], run: string, workload: Workload) {
  const cdf = zipf(products.length);
  return (n: number): ShopperEvent => {
    if (workload === 'distinct') {
      return {
        kind: 'view',
        productId: products[n % products.length]?.id ?? null,
        visitor: `bench-${run}-${n}`,
        address: `bench-${run}-${n % VISITORS}`,
      };
    }
    const visitor = n % VISITORS;
    return {
      kind: unit(n, 0x9e3779b9) < 0.1 ? 'cart' : 'view',
      productId: products[rankOf(cdf, unit(n, 0x85ebca6b))]?.id ?? null,
      visitor: `bench-${run}-${visitor}`,
      address: `bench-${run}-${visitor}`,
    };
  };
}
