// /admin/products — every product, most recently changed first, with search and paging. Per
// admin: rendered per request and read in the browser (never cached by the edge).
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AdminGate } from '../admin-gate';
import { ProductTable } from './product-table';

export const metadata: Metadata = { title: 'Products · Admin', robots: { index: false } };

export default async function AdminProductsPage() {
  await connection();
  return (
    <div className="container page">
      <AdminGate>
        <ProductTable />
      </AdminGate>
    </div>
  );
}
