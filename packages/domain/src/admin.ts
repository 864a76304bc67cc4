import { z } from 'zod';
import { MAX_PAGE, MAX_PAGE_SIZE, product, slug } from './catalog';
import { plainText } from './text';

// The catalog as admins edit it: /api/admin/products and its pages.

/** Prices and stock an admin may set (minor units; $100,000.00 at most). */
export const MAX_PRICE_CENTS = 10_000_000;
export const MAX_STOCK = 1_000_000;
export const MAX_DESCRIPTION = 5_000;
export const MAX_IMAGES = 10;

/** Several lines of text: like plainText, but line breaks and tabs are allowed. */
const longText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    // A text far too long is not searched for control characters too.
    .max(max, { abort: true })
    .refine((text) => /^[^\p{Cc}]*$/u.test(text.replace(/[\t\n\r]/g, '')), {
      error: 'must not contain control characters',
    });

/** A picture of the product: the hash `POST /img` answered, and what it shows in words. */
export const adminImage = z.object({
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'must be the hash POST /img answered'),
  alt: plainText(1, 300),
});

const fields = {
  name: plainText(1, 200),
  description: longText(1, MAX_DESCRIPTION),
  priceCents: z.number().int().min(1).max(MAX_PRICE_CENTS),
  stock: z.number().int().min(0).max(MAX_STOCK),
  categorySlug: slug,
  /** In the order shoppers see them; the first is the product's picture in listings. */
  images: z
    .array(adminImage)
    .max(MAX_IMAGES)
    .refine((images) => new Set(images.map((i) => i.hash)).size === images.length, {
      error: 'must not hold the same picture twice',
    }),
};

export const adminProductCreate = z.strictObject(fields);
export type AdminProductCreate = z.infer<typeof adminProductCreate>;

/** Any of the fields, and the version the admin edited (an older one is refused: 409). */
export const adminProductPatch = z.strictObject({
  ...z.object(fields).partial().shape,
  version: z.number().int().min(1),
});
export type AdminProductPatch = z.infer<typeof adminProductPatch>;

/** A stock adjustment: units received (positive) or written off (negative), and why. */
export const stockAdjustment = z.strictObject({
  delta: z
    .number()
    .int()
    .min(-MAX_STOCK)
    .max(MAX_STOCK)
    .refine((delta) => delta !== 0, { error: 'must not be zero' }),
  reason: plainText(1, 200),
});
export type StockAdjustment = z.infer<typeof stockAdjustment>;

export const adminProduct = product
  .extend({ version: z.number().int(), updatedAt: z.string() })
  .meta({ id: 'AdminProduct' });
export type AdminProduct = z.infer<typeof adminProduct>;

export const adminProductEnvelope = z.object({ product: adminProduct });

export const adminProductListQuery = z.object({
  /** Words in the name, or the slug. */
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(MAX_PAGE).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
});

export const adminProductRow = z.object({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  priceCents: z.number().int(),
  stock: z.number().int(),
  category: z.object({ slug: z.string(), name: z.string() }),
  image: z.object({ hash: z.string(), alt: z.string() }).nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type AdminProductRow = z.infer<typeof adminProductRow>;

export const adminProductPage = z.object({
  items: z.array(adminProductRow),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** Whether a next page exists (no count over the whole table). */
  hasMore: z.boolean(),
});

export const auditActions = ['create', 'update', 'stock'] as const;

export const auditEntry = z.object({
  id: z.string(),
  action: z.enum(auditActions),
  /** Who: the admin's email, or null when that account is gone. */
  actor: z.string().nullable(),
  at: z.string(),
  /** The product's edited fields before and after (before is null for a create). */
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof auditEntry>;

export const auditList = z.object({ items: z.array(auditEntry) });
