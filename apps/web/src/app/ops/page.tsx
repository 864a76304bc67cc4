// /ops — the running shop drawn as its tiers, with live figures from Prometheus (read through
// GET /api/admin/ops every two seconds). Admins only; rendered per request, never cached.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { AdminGate } from '../admin/admin-gate';
import { OpsBoard } from './ops-board';

export const metadata: Metadata = { title: 'Operations · Admin', robots: { index: false } };

export default async function OpsPage() {
  await connection();
  return (
    <div className="container page">
      <AdminGate what="The running shop's figures are for admin accounts only.">
        <OpsBoard />
      </AdminGate>
    </div>
  );
}
