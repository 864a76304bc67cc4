// /orders/<id> — one order: the confirmation after checkout ("Thank you", with ?placed=1) and the
// order's details later. Per shopper (its owner, or the guest browser that placed it): rendered
// per request, never cached by the edge. The order is read with the shopper's cookie: one the API
// does not know for them is a 404; when the API cannot say, the browser asks again itself.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { findOrder } from '@/lib/shopper/find-order';
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
  const order = await findOrder(id);
  if (order === null) notFound();
  return (
    <div className="container page">
      <OrderDetail id={id} justPlaced={query.placed === '1'} initialOrder={order} />
    </div>
  );
}
