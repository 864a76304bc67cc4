// How much a cart may hold. No zod here: the storefront's catalog pages import this file alone
// (`@shop/domain/cart-limits`), as the package's index would bring every schema along.

export const MAX_LINE_QUANTITY = 99;
/** Different products one cart may hold. */
export const MAX_CART_LINES = 50;
/** At or below this many in stock, the shop says "Only N left" (product page, cart lines). */
export const LOW_STOCK = 5;

/** The most a shopper may set a line to: what is in stock, and never past MAX_LINE_QUANTITY. */
export function lineQuantityCap(line: { stock: number }): number {
  return Math.min(line.stock, MAX_LINE_QUANTITY);
}
