// /orders/<id> — one order: the confirmation after checkout ("Thank you", with ?placed=1) and the
// order's details later. Per shopper (its owner, or the guest browser that placed it): rendered
// per request, never cached by the edge; the order is read in the browser.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { OrderDetail } from './order-detail';

export const metadata: Metadata = {
  title: 'Your order',
  robots: { index: false },
};

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function OrderPage({ params, searchParams }: Props) {
  await connection();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  return (
    <div className="container page">
      <OrderDetail id={id} justPlaced={query.placed === '1'} />
    </div>
  );
}
