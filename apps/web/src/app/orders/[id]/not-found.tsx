import type { Metadata } from 'next';
import { OrderMissing } from '@/components/order-missing';

export const metadata: Metadata = {
  title: 'Order not found',
  robots: { index: false },
};

/** An order id the API does not know, or not for this shopper: a 404 that says how to find it. */
export default function OrderNotFound() {
  return <OrderMissing />;
}
