// /cart — the session's cart: change quantities, remove lines, go to checkout. Per shopper:
// rendered per request (never cached by the edge); the cart itself is read in the browser.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CartView } from './cart-view';

export const metadata: Metadata = {
  title: 'Your cart',
  robots: { index: false },
};

export default async function CartPage() {
  // A dynamic page answers `private, no-store`: the edge never keeps a shopper's cart.
  await connection();
  return (
    <div className="container page">
      <CartView />
    </div>
  );
}
