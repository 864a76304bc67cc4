/** Formats integer minor units for people, e.g. 1999 USD → "$19.99". */
export function formatPrice(priceCents: number, currency: string, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(priceCents / 100);
}
