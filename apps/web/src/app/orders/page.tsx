// /orders — "My orders": the signed-in shopper's orders, newest first. Per shopper: rendered per
// request (never cached by the edge); the list is read in the browser.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { OrderList } from './order-list';

export const metadata: Metadata = {
  title: 'My orders',
  robots: { index: false },
};

export default async function OrdersPage() {
  await connection();
  return (
    <div className="container page">
      <OrderList />
    </div>
  );
}
