/** Formats integer minor units for people, e.g. 1999 USD → "$19.99". */
export function formatPrice(priceCents: number, currency: string, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(priceCents / 100);
}

/** Integer minor units as a decimal string for machines (schema.org, Open Graph), e.g. 1999 → "19.99". */
export function decimalPrice(priceCents: number): string {
  const sign = priceCents < 0 ? '-' : '';
  const cents = Math.abs(priceCents);
  return `${sign}${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/**
 * What shipping an order costs: nothing in this demonstration shop. Totals still show it, and an
 * order's total is its lines plus this.
 */
export const SHIPPING_CENTS = 0;
