// /admin — the catalog's back office starts at its product list.
import { redirect } from 'next/navigation';

export default function AdminPage() {
  redirect('/admin/products');
}
