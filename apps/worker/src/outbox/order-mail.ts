import { escapeMarkup, formatPrice } from '@shop/domain';
import type { OrderPlaced } from './order-placed';

export interface OrderMail {
  /** The same for every attempt of one order, so the mail server can be asked whether it came. */
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** The Message-ID of an order's confirmation: one per order, whoever sends it, however often. */
export const orderMessageId = (orderId: string) => `<order-${orderId}@shopscale.local>`;

/** The order confirmation for `order`, in plain text and simple HTML. */
export function composeOrderMail(
  order: OrderPlaced & { currency: string; totalCents: bigint },
  publicUrl: string,
): OrderMail {
  const price = (cents: number | bigint) => formatPrice(Number(cents), order.currency);
  const lines = order.lines
    .toSorted((a, b) => a.name.localeCompare(b.name))
    .map((line) => ({
      name: line.name,
      quantity: line.quantity,
      each: price(line.priceCents),
      total: price(line.priceCents * line.quantity),
    }));
  const total = price(order.totalCents);
  const link = new URL(`/orders/${order.orderId}`, publicUrl).href;
  const subject = `Your Shopscale order #${order.number}`;

  const text = [
    'Thank you for your order.',
    '',
    `Order #${order.number}`,
    '',
    ...lines.map((l) => `${l.quantity} × ${l.name} (${l.each} each): ${l.total}`),
    '',
    `Total: ${total}`,
    '',
    `See your order: ${link}`,
    '',
  ].join('\n');

  const rows = lines
    .map(
      (l) =>
        `<tr><td>${l.quantity} ×</td><td>${escapeMarkup(l.name)}</td>` +
        `<td>${escapeMarkup(l.each)} each</td><td align="right">${escapeMarkup(l.total)}</td></tr>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html><body style="font-family: sans-serif">
<p>Thank you for your order.</p>
<h1 style="font-size: 1.2em">Order #${order.number}</h1>
<table cellpadding="4">
${rows}
<tr><td colspan="3"><strong>Total</strong></td><td align="right"><strong>${escapeMarkup(total)}</strong></td></tr>
</table>
<p><a href="${escapeMarkup(link)}">See your order</a></p>
</body></html>
`;

  return { messageId: orderMessageId(order.orderId), to: order.email, subject, text, html };
}
