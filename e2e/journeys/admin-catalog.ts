// Journey steps of an admin at work on the catalog: signing in to /admin, creating a product
// with a picture, changing its price and its stock. Specs assert on what they return.
import type { Page } from '@playwright/test';
import { expect } from './expect';

export interface NewProduct {
  name: string;
  description: string;
  price: string;
  stock: number;
}

/** A picture of its own: a PNG of one colour, drawn by the page's canvas. */
async function drawPicture(page: Page, colour: string): Promise<Buffer> {
  const dataUrl = await page.evaluate((fill) => {
    const canvas = document.createElement('canvas');
    canvas.width = 800;
    canvas.height = 600;
    const context = canvas.getContext('2d');
    if (context) {
      context.fillStyle = fill;
      context.fillRect(0, 0, 800, 600);
    }
    return canvas.toDataURL('image/png');
  }, colour);
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

/** Opens /admin as a guest: sent to sign in, then back to the product list. */
/** Opens `path` as a guest, is sent to sign in, and signs in to come back to it. */
export async function signInFor(
  page: Page,
  path: string,
  account: { email: string; password: string },
) {
  await page.goto(path);
  await expect(page).toHaveURL(`/login?next=${encodeURIComponent(path)}`);
  const form = page.locator('form');
  await form.getByLabel('Email', { exact: true }).fill(account.email);
  await form.getByLabel('Password', { exact: true }).fill(account.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
}

export async function openAdmin(page: Page, account: { email: string; password: string }) {
  await signInFor(page, '/admin/products', account);
  await expect(page.getByRole('heading', { level: 1, name: 'Products' })).toBeVisible();
  await expect(page.getByTestId('admin-product-row').first()).toBeVisible();
}

/**
 * From the product list: creates a product in the last department with one uploaded picture.
 * Ends on the new product's editor; returns its address in the shop.
 */
export async function createProduct(page: Page, product: NewProduct): Promise<string> {
  await page.getByRole('link', { name: 'New product' }).click();
  const form = page.getByTestId('product-form');
  await form.getByLabel('Name').fill(product.name);
  await form.getByLabel('Description').fill(product.description);
  await form.getByLabel('Price (USD)').fill(product.price);
  await form.getByLabel('Units in stock').fill(String(product.stock));
  const department = form.getByLabel('Department');
  await expect(department.locator('option')).not.toHaveCount(1);
  const last = await department.locator('option').last().getAttribute('value');
  await department.selectOption(last ?? '');
  const colour = `#${Math.floor(Math.random() * 0xffffff)
    .toString(16)
    .padStart(6, '0')}`;
  await page.locator('#picture-files').setInputFiles({
    name: 'reading-lamp.png',
    mimeType: 'image/png',
    buffer: await drawPicture(page, colour),
  });
  const preview = page.getByTestId('pictures').locator('img').first();
  await expect(preview).toBeVisible();
  await expect
    .poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await form.getByRole('button', { name: 'Create product' }).click();
  await expect(page).toHaveURL(/\/admin\/products\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: product.name })).toBeVisible();
  const shopLink = page.getByRole('link', { name: 'View in the shop' });
  return (await shopLink.getAttribute('href')) ?? '';
}

/** In the product's editor: sets a new price and saves it. */
export async function changePrice(page: Page, price: string): Promise<void> {
  const form = page.getByTestId('product-form');
  await form.getByLabel('Price (USD)').fill(price);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByTestId('save-status')).toContainText('Saved');
}

/** In the product's editor: adds (or, negative, writes off) units with a reason. */
export async function adjustStock(page: Page, delta: number, reason: string): Promise<void> {
  const form = page.getByTestId('stock-form');
  const before = Number.parseInt(await form.getByTestId('stock-level').innerText(), 10);
  await form.getByLabel('Change by').fill(String(delta));
  await form.getByLabel('Reason').fill(reason);
  await form.getByRole('button', { name: 'Adjust stock' }).click();
  await expect(form.getByTestId('stock-level')).toHaveText(
    new RegExp(`^${before + delta} units? in stock$`),
  );
}
