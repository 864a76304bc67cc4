// /checkout — shipping details and placing the order. Per shopper: rendered per request (never
// cached by the edge); the form reads the cart and the account from the browser.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { CheckoutForm } from './checkout-form';
import styles from './checkout.module.css';

export const metadata: Metadata = {
  title: 'Checkout',
  robots: { index: false },
};

export default async function CheckoutPage() {
  // A dynamic page answers `private, no-store`: the edge never keeps a shopper's checkout.
  await connection();
  return (
    <div className="container page">
      <h1 className={styles.title}>Checkout</h1>
      <CheckoutForm />
    </div>
  );
}
