// /admin/products/new — a new product: its fields, department and pictures.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AdminGate } from '../../admin-gate';
import { ProductEditor } from '../product-editor';

export const metadata: Metadata = { title: 'New product · Admin', robots: { index: false } };

export default async function NewProductPage() {
  await connection();
  return (
    <div className="container page">
      <AdminGate>
        <ProductEditor />
      </AdminGate>
    </div>
  );
}
