import { expect, test, type APIRequestContext } from '@playwright/test';
import { openHome } from '../journeys/browse-catalog';
import { addProductToCart, cartCount, openCart } from '../journeys/shopping';

const ADMIN = { email: 'admin@shopscale.test', password: 'admin-catalog-2026' };

interface Made {
  id: string;
  slug: string;
  name: string;
  version: number;
}

/** The catalog manager, through the admin API: makes products and changes their stock. */
async function signedInAdmin(request: APIRequestContext): Promise<APIRequestContext> {
  const login = await request.post('/api/auth/login', { data: ADMIN });
  expect(login.status()).toBe(200);
  return request;
}

async function productWithStock(admin: APIRequestContext, stock: number): Promise<Made> {
  const categories = (await (await admin.get('/api/categories')).json()) as { slug: string }[];
  const name = `Short-run vase ${Date.now().toString(36)}`;
  const made = await admin.post('/api/admin/products', {
    data: {
      name,
      description: 'Thrown by hand; only a few each season.',
      priceCents: 3200,
      stock,
      categorySlug: categories[0]?.slug,
      images: [],
    },
  });
  expect(made.status()).toBe(201);
  const { product } = (await made.json()) as { product: Made };
  return product;
}

async function setStock(admin: APIRequestContext, product: Made, stock: number): Promise<void> {
  const changed = await admin.patch(`/api/admin/products/${product.id}`, {
    data: { version: product.version, stock },
  });
  expect(changed.status()).toBe(200);
}

test('adding to the cart shows the mini-cart with the line, the count and the subtotal', async ({
  page,
}) => {
  await openHome(page);
  const first = await addProductToCart(page, 0);
  const mini = page.getByRole('dialog', { name: 'Added to your cart' });
  await expect(mini).toBeVisible();
  await expect(mini).toBeFocused();
  await expect(mini.getByTestId('mini-cart-line')).toContainText(first);
  await expect(mini.getByTestId('mini-cart-line')).toContainText('Quantity 1');
  await expect(mini.getByTestId('mini-cart-subtotal')).toContainText('Subtotal (1 item)');

  // Escape closes it and gives focus back to the button that added.
  await page.keyboard.press('Escape');
  await expect(mini).toBeHidden();
  await expect(page.locator(':focus')).toHaveAttribute('data-testid', 'add-to-cart');
  expect(await page.locator(':focus').getAttribute('aria-label')).toContain(first);

  const second = await addProductToCart(page, 1);
  await expect(mini.getByTestId('mini-cart-line')).toContainText(second);
  await expect(mini.getByTestId('mini-cart-subtotal')).toContainText('Subtotal (2 items)');
  const subtotal = (await mini.getByTestId('mini-cart-subtotal').innerText()).split(/\s/).pop();

  await mini.getByRole('link', { name: 'View cart' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  await expect(mini).toBeHidden();
  await expect(page.getByTestId('cart-total')).toHaveText(subtotal ?? '');
});

test('the cart never goes past the stock of a product with few left, and says so', async ({
  page,
  request,
}) => {
  const admin = await signedInAdmin(request);
  const vase = await productWithStock(admin, 3);
  await page.goto(`/p/${vase.slug}`);
  await expect(page.getByTestId('product-stock')).toHaveText('Only 3 left');
  await addProductToCart(page);
  const mini = page.getByRole('dialog', { name: 'Added to your cart' });
  await expect(mini).toContainText('Only 3 left');
  await mini.getByRole('button', { name: 'Close' }).click();
  await expect(mini).toBeHidden();

  const lines = await openCart(page);
  const line = lines.filter({ hasText: vase.name });
  await expect(line.getByTestId('low-stock')).toHaveText('Only 3 left');
  const quantity = line.getByLabel(`Quantity of ${vase.name}`);
  await expect(quantity.locator('option')).toHaveText(['1', '2', '3']);
  await quantity.selectOption('3');
  await expect(page.getByTestId('cart-count')).toHaveText(String(3));
  await expect(line).toHaveAttribute('aria-busy', 'false');

  // One more from the product page is refused, saying why.
  await page.goto(`/p/${vase.slug}`);
  await expect.poll(() => cartCount(page)).toBe(3);
  const buyBox = page.getByTestId('buy-box');
  await buyBox.getByTestId('add-to-cart').click();
  await expect(buyBox.getByRole('alert')).toHaveText('Only 3 left — you have 3 in your cart.');
  await expect(page.getByTestId('cart-count')).toHaveText('3');
});

test('stock that fell after the cart was filled is fixed at checkout with "Set to N", keeping the typed details', async ({
  page,
  request,
}) => {
  const admin = await signedInAdmin(request);
  const vase = await productWithStock(admin, 4);
  await page.goto(`/p/${vase.slug}`);
  await addProductToCart(page, 0, 3);
  const mini = page.getByRole('dialog', { name: 'Added to your cart' });
  await mini.getByRole('link', { name: 'Checkout' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();

  const form = page.locator('form');
  await form.getByLabel('Email', { exact: true }).fill('vase-buyer@example.test');
  await form.getByLabel('Full name').fill('Ada Potter');
  await form.getByLabel('Street address').fill('1 Kiln Lane');
  await form.getByLabel('Town or city').fill('Stoke');
  await form.getByLabel('Postal code').fill('ST1 1AA');
  await form.getByLabel('Country').selectOption('GB');

  // Someone else bought two meanwhile.
  await setStock(admin, vase, 2);
  await page.getByRole('button', { name: 'Place order' }).click();
  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  const conflict = summary.getByTestId('stock-conflict');
  await expect(conflict).toContainText('Only 2 left — you have 3 in your cart.');
  await conflict.getByRole('button', { name: /^Set to 2/ }).click();

  await expect(
    page.getByRole('main').getByRole('status').filter({ hasText: 'You can place your order now' }),
  ).toBeVisible();
  await expect(summary).toBeHidden();
  await expect(page.getByTestId('cart-count')).toHaveText('2');
  await expect(page).toHaveURL(/\/checkout$/);
  await expect(form.getByLabel('Full name')).toHaveValue('Ada Potter');
  await expect(form.getByLabel('Postal code')).toHaveValue('ST1 1AA');

  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByTestId('order-number')).toBeVisible();
  await expect(page.getByRole('main').getByText(vase.name).first()).toBeVisible();
  const after = await admin.get(`/api/admin/products/${vase.id}`);
  expect(((await after.json()) as { product: { stock: number } }).product.stock).toBe(0);
});
