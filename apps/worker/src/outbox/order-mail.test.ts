import { describe, expect, it } from 'vitest';
import { composeOrderMail, orderMessageId } from './order-mail';

const order = {
  orderId: '0190f3a4-1111-7000-8000-000000000001',
  number: 100042,
  email: 'sam@example.test',
  currency: 'USD',
  totalCents: 12_497n,
  lines: [
    {
      productId: '0190f3a4-2222-7000-8000-000000000002',
      name: 'Walnut desk lamp',
      priceCents: 4_999,
      quantity: 2,
    },
    {
      productId: '0190f3a4-3333-7000-8000-000000000003',
      name: 'Brass bookend',
      priceCents: 2_499,
      quantity: 1,
    },
  ],
};

describe('the order confirmation', () => {
  it('names the order in the subject and lists every line, the total and a link to the order', () => {
    const mail = composeOrderMail(order, 'http://localhost:4100');
    expect(mail.to).toBe('sam@example.test');
    expect(mail.subject).toBe('Your Shopscale order #100042');
    expect(mail.text).toContain('2 × Walnut desk lamp ($49.99 each): $99.98');
    expect(mail.text).toContain('1 × Brass bookend ($24.99 each): $24.99');
    expect(mail.text).toContain('Total: $124.97');
    expect(mail.text).toContain(`http://localhost:4100/orders/${order.orderId}`);
    expect(mail.html).toContain(`href="http://localhost:4100/orders/${order.orderId}"`);
    expect(mail.html).toContain('$124.97');
  });

  it('carries one Message-ID per order, whoever composes it', () => {
    const first = composeOrderMail(order, 'http://localhost:4100');
    const again = composeOrderMail(order, 'https://shop.example');
    expect(first.messageId).toBe(`<order-${order.orderId}@shopscale.local>`);
    expect(again.messageId).toBe(first.messageId);
    expect(orderMessageId(order.orderId)).toBe(first.messageId);
  });

  it('escapes product names in the HTML and leaves the text part as it is', () => {
    const name = '<img src=x onerror="alert(1)"> & Co';
    const tricky = {
      ...order,
      lines: [{ productId: order.orderId, name, priceCents: 100, quantity: 1 }],
    };
    const mail = composeOrderMail(tricky, 'http://localhost:4100');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co');
    expect(mail.text).toContain(name);
  });
});
