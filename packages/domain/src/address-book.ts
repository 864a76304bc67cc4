import { z } from 'zod';

/** Most addresses an account keeps: past it, the least recently used one goes. */
export const MAX_SAVED_ADDRESSES = 10;

/** An address in a signed-in shopper's address book (`GET /api/account/addresses`). */
export const savedAddress = z
  .object({
    id: z.string(),
    name: z.string(),
    line1: z.string(),
    city: z.string(),
    region: z.string().nullable(),
    postalCode: z.string(),
    country: z.string(),
    /** When an order last went to it (ISO 8601). */
    lastUsedAt: z.string(),
  })
  .meta({ id: 'SavedAddress' });
export type SavedAddress = z.infer<typeof savedAddress>;

/** The book, last used first. */
export const savedAddressList = z.object({ items: z.array(savedAddress) });

export const savedAddressParams = z.object({ id: z.uuid({ error: 'must be an address id' }) });

/** The fields of a postal address, wherever it comes from (an order, the address book, a form). */
export interface PostalAddress {
  name: string;
  line1: string;
  city: string;
  region?: string | null | undefined;
  postalCode: string;
  country: string;
}

/** Words compared without letter case or extra spaces. */
const loose = (text: string | null | undefined) =>
  (text ?? '').trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * What makes two addresses the same one, so the book keeps it once: every field compared
 * without letter case or extra spaces, the postal code also without its spaces and hyphens
 * ("SW1A 1AA" is "sw1a1aa"). Equal keys, same address.
 */
export function addressKey(address: PostalAddress): string {
  return JSON.stringify([
    loose(address.name),
    loose(address.line1),
    loose(address.city),
    loose(address.region),
    loose(address.postalCode).replace(/[\s-]/g, ''),
    loose(address.country),
  ]);
}
