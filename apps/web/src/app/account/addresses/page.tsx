// /account/addresses — "My addresses": the signed-in shopper's address book, last used first,
// with Remove. Per shopper: rendered per request (never cached by the edge); the list is read in
// the browser.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AddressBook } from './address-book';

export const metadata: Metadata = {
  title: 'My addresses',
  robots: { index: false },
};

export default async function AddressesPage() {
  await connection();
  return (
    <div className="container page">
      <AddressBook />
    </div>
  );
}
