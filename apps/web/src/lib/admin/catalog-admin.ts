// The browser's side of the admin API (/api/admin/products, POST /img): what the admin pages
// read and write. Same-origin calls with the session cookie, like the shopper's.
import type {
  AdminProduct,
  AdminProductCreate,
  AdminProductPatch,
  AdminProductRow,
  AuditEntry,
  Category,
} from '@shop/domain';
import { callApi, ShopApiError } from '@/lib/shopper/call-api';

export interface ProductPage {
  items: AdminProductRow[];
  page: number;
  pageSize: number;
  hasMore: boolean;
}

const PRODUCTS = '/api/admin/products';

export function listProducts(query: { q: string; page: number }): Promise<ProductPage> {
  const params = new URLSearchParams({ page: String(query.page), pageSize: '25' });
  if (query.q) params.set('q', query.q);
  return callApi<ProductPage>(`${PRODUCTS}?${params.toString()}`, { retry: true });
}

export async function getProduct(id: string): Promise<AdminProduct> {
  return (await callApi<{ product: AdminProduct }>(`${PRODUCTS}/${id}`, { retry: true })).product;
}

export async function createProduct(body: AdminProductCreate): Promise<AdminProduct> {
  return (await callApi<{ product: AdminProduct }>(PRODUCTS, { method: 'POST', body })).product;
}

/** An edit of the version the admin loaded; 409 VERSION_CONFLICT when someone else saved first. */
export async function updateProduct(id: string, body: AdminProductPatch): Promise<AdminProduct> {
  const path = `${PRODUCTS}/${id}`;
  return (await callApi<{ product: AdminProduct }>(path, { method: 'PATCH', body, retry: true }))
    .product;
}

export async function adjustStock(id: string, delta: number, reason: string) {
  const path = `${PRODUCTS}/${id}/stock`;
  return (
    await callApi<{ product: AdminProduct }>(path, { method: 'POST', body: { delta, reason } })
  ).product;
}

export async function getAudit(id: string): Promise<AuditEntry[]> {
  return (await callApi<{ items: AuditEntry[] }>(`${PRODUCTS}/${id}/audit`, { retry: true })).items;
}

export function getCategories(): Promise<Category[]> {
  return callApi<Category[]>('/api/categories', { retry: true });
}

export interface UploadedPicture {
  hash: string;
  width: number;
  height: number;
}

/** Uploads a picture's bytes to the image service (POST /img); the answer names it by hash. */
export async function uploadPicture(file: File): Promise<UploadedPicture> {
  let response: Response;
  try {
    response = await fetch('/img', {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    });
  } catch {
    throw new ShopApiError('The picture could not be sent. Check your connection.', 0, 'NETWORK');
  }
  const body = (await response.json().catch(() => null)) as
    (UploadedPicture & { error?: { code: string; message: string } }) | null;
  if (!response.ok || !body || body.error) {
    throw new ShopApiError(
      body?.error?.message ?? `The picture was refused (${response.status}).`,
      response.status,
      'UNEXPECTED',
    );
  }
  return { hash: body.hash, width: body.width, height: body.height };
}

/** "12.99" (or "12", "12.9", "$1,299.00") as cents; undefined when it is no price. */
export function centsOf(text: string): number | undefined {
  const plain = text.trim().replace(/^\$/, '').replaceAll(',', '');
  if (!/^\d+(\.\d{1,2})?$/.test(plain)) return undefined;
  const [whole = '0', fraction = ''] = plain.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

export const priceText = (cents: number) => (cents / 100).toFixed(2);
