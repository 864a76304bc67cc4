// /admin/products/<id> — one product's editor, stock and history.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AdminGate } from '../../admin-gate';
import { ProductEditor } from '../product-editor';

export const metadata: Metadata = { title: 'Edit product · Admin', robots: { index: false } };

export default async function EditProductPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  return (
    <div className="container page">
      <AdminGate>
        <ProductEditor id={id} />
      </AdminGate>
    </div>
  );
}
