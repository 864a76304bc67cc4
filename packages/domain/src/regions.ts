/**
 * Countries whose addresses need a state, province or the like to be delivered, and what it is
 * called there. An address in one of them without its region is refused (`shippingAddress` in
 * orders.ts); elsewhere the region is optional and the storefront does not ask for it. Importable
 * alone as `@shop/domain/regions`, without zod.
 */
export const REGION_LABELS: Readonly<Record<string, string>> = {
  AU: 'State or territory',
  BR: 'State',
  CA: 'Province',
  IN: 'State',
  JP: 'Prefecture',
  MX: 'State',
  US: 'State',
};

/** What a country calls its regions when its addresses need one (`US` → "State"), else undefined. */
export function regionLabel(country: string): string | undefined {
  const code = country.trim().toUpperCase();
  return Object.hasOwn(REGION_LABELS, code) ? REGION_LABELS[code] : undefined;
}
