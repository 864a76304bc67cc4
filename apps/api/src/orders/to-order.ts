import type { Order } from '@shop/domain';

export const orderInclude = { lines: { orderBy: { name: 'asc' } } } as const;

interface OrderRow {
  id: string;
  number: number;
  status: Order['status'];
  email: string;
  totalCents: bigint;
  currency: string;
  createdAt: Date;
  shipName: string;
  shipLine1: string;
  shipCity: string;
  shipRegion: string | null;
  shipPostalCode: string;
  shipCountry: string;
  lines: { productId: string; name: string; priceCents: number; quantity: number }[];
}

export function toOrder(row: OrderRow): Order {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    email: row.email,
    // bigint in the table; a total fits a JavaScript number exactly up to 2^53 cents.
    totalCents: Number(row.totalCents),
    currency: row.currency,
    createdAt: row.createdAt.toISOString(),
    shippingAddress: {
      name: row.shipName,
      line1: row.shipLine1,
      city: row.shipCity,
      region: row.shipRegion,
      postalCode: row.shipPostalCode,
      country: row.shipCountry,
    },
    items: row.lines.map((l) => ({
      productId: l.productId,
      name: l.name,
      priceCents: l.priceCents,
      quantity: l.quantity,
    })),
  };
}
