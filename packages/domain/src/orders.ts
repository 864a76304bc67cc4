import { z } from 'zod';
import { regionLabel } from './regions';
import { plainText } from './text';

const country = z
  .string()
  .trim()
  .length(2)
  .regex(/^[A-Za-z]{2}$/, 'a two-letter country code (ISO 3166-1)')
  .transform((value) => value.toUpperCase());

/** A state, province, prefecture...: optional, and blank is the same as absent. */
const region = plainText(0, 120)
  .transform((value) => value || undefined)
  .optional();

/** The fields of a shipping address, without the rule that ties the region to the country. */
export const shippingAddressFields = z.object({
  name: plainText(1, 120),
  line1: plainText(1, 200),
  city: plainText(1, 120),
  region,
  postalCode: z
    .string()
    .trim()
    .min(2)
    .max(20)
    .regex(/^[A-Za-z0-9 -]+$/, 'letters, digits, spaces and hyphens only'),
  country,
});

const regionInput = shippingAddressFields.pick({ country: true, region: true });

/**
 * A shipping address as the shopper sends it. Countries that need a region (regions.ts) refuse
 * an address without one, naming `region`; the check runs alongside the other fields' (when the
 * country and region themselves are well formed), so a form hears of every wrong field at once.
 */
export const shippingAddress = shippingAddressFields.refine(
  (address) => address.region !== undefined || regionLabel(address.country) === undefined,
  {
    path: ['region'],
    error: (issue) => {
      const input = issue.input as { country?: string } | undefined;
      const label = regionLabel(input?.country ?? '') ?? 'region';
      return `required for ${input?.country ?? 'this country'} (the ${label.toLowerCase()})`;
    },
    when: (payload) => regionInput.safeParse(payload.value).success,
  },
);
export type ShippingAddress = z.infer<typeof shippingAddress>;

export const placeOrderBody = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .pipe(z.email({ error: 'must be an email address' })),
  shippingAddress,
  /**
   * A signed-in shopper's order keeps its shipping address in their address book (or marks it
   * as last used when it is there already); false leaves the book alone. Guests have no book.
   */
  saveAddress: z.boolean().default(true),
});
export type PlaceOrderBody = z.infer<typeof placeOrderBody>;

/** Idempotency-Key: 8–200 visible ASCII characters, e.g. a UUID the client made. */
export const idempotencyKey = z
  .string()
  .min(8)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'visible ASCII characters only');

export const orderStatuses = ['placed', 'paid', 'shipped', 'cancelled'] as const;

export const order = z
  .object({
    id: z.string(),
    number: z.number().int(),
    status: z.enum(orderStatuses),
    email: z.string(),
    totalCents: z.number().int(),
    currency: z.string().length(3),
    createdAt: z.string(),
    shippingAddress: shippingAddressFields.extend({
      country: z.string(),
      /** null when the order was placed without one. */
      region: z.string().nullable(),
    }),
    items: z.array(
      z.object({
        productId: z.string(),
        name: z.string(),
        priceCents: z.number().int(),
        quantity: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'Order' });
export type Order = z.infer<typeof order>;

export const orderEnvelope = z.object({ order });
export const orderList = z.object({ items: z.array(order) });

export const shortLine = z.object({
  productId: z.string(),
  requested: z.number().int(),
  available: z.number().int(),
});
