// Journey steps a shopper takes to buy: fill the cart, check out, and use an account. Specs
// assert on what they return; the load runner replays the same steps. Each step waits for what
// a person would see, and does again what a person would do again when the shop says a try
// failed (the storefront makes that safe: checkout re-sends the same Idempotency-Key).
import type { Locator, Page } from '@playwright/test';
import { expect } from './expect';
import { openProduct, type SeenProduct } from './browse-catalog';

export interface ShippingDetails {
  email: string;
  name: string;
  line1: string;
  city: string;
  /** The state, province or prefecture, for countries that ask for one (US, CA, AU, ...). */
  region?: string;
  postalCode: string;
  /** Two-letter country code, e.g. "US". */
  country: string;
}

/** How the checkout names the region field in the countries that have one. */
export const REGION_LABEL = /^(State|Province|State or territory|Prefecture)$/;

export interface AccountDetails {
  name: string;
  email: string;
  password: string;
}

/** The header's cart count, once the storefront has loaded it. */
export async function cartCount(page: Page): Promise<number> {
  const count = page.getByTestId('cart-count');
  await expect(count).toHaveText(/^\d+$/);
  return Number(await count.innerText());
}

/**
 * Clicks `button` until `done` shows. When the shop reports a failure instead (`alert`), a
 * person waits a moment and tries again: up to three tries in all.
 */
async function clickUntil(button: Locator, done: Locator, alert: Locator): Promise<void> {
  for (let tries = 1; ; tries++) {
    await button.click();
    await expect(done.or(alert).first()).toBeVisible();
    if (tries >= 3 || (await done.isVisible()) || !(await alert.isVisible())) break;
    await button.page().waitForTimeout(1_000);
  }
  await expect(done).toBeVisible();
}

/**
 * Adds a product to the cart from the current page: on a grid (home, category) the
 * `index`-th product that is in stock; on a product page the product itself, `quantity` of
 * it. Waits for the header's count to grow and returns the product's name.
 */
export async function addProductToCart(page: Page, index = 0, quantity = 1): Promise<string> {
  const before = await cartCount(page);
  const productName = page.getByTestId('product-name');
  let name: string;
  let scope: Locator;
  if (await productName.isVisible()) {
    name = (await productName.innerText()).trim();
    scope = page.getByTestId('buy-box');
    if (quantity > 1) await scope.getByLabel('Quantity').selectOption(String(quantity));
  } else {
    scope = page
      .getByTestId('product-card')
      .filter({ has: page.locator('[data-testid="add-to-cart"]:enabled') })
      .nth(index);
    name = (await scope.getByRole('heading').innerText()).trim();
    expect(quantity, 'a card adds one at a time').toBe(1);
  }
  const done = page.getByTestId('cart-count').getByText(String(before + quantity), { exact: true });
  await clickUntil(scope.getByTestId('add-to-cart'), done, scope.getByRole('alert'));
  return name;
}

/**
 * From a grid (home, category), opens the first product from `fromIndex` on that is in stock and
 * not one of `skip` (names), going back to the grid to try the next one otherwise.
 */
export async function openProductInStock(
  page: Page,
  fromIndex = 0,
  skip: string[] = [],
): Promise<SeenProduct> {
  const cards = await page.getByTestId('product-card').count();
  for (let index = fromIndex; index < cards; index++) {
    const product = await openProduct(page, index);
    const button = page.getByTestId('buy-box').getByTestId('add-to-cart');
    if (!skip.includes(product.name) && (await button.isEnabled())) return product;
    await page.goBack();
    await expect(page.getByTestId('product-card').nth(index)).toBeVisible();
  }
  throw new Error(`no product in stock on this grid from position ${fromIndex}`);
}

/** Opens the cart from the header; returns its lines. */
export async function openCart(page: Page): Promise<Locator> {
  await page.getByRole('banner').getByRole('link', { name: /^Cart/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  const lines = page.getByTestId('cart-line');
  await expect(lines.first().or(page.getByTestId('cart-empty'))).toBeVisible();
  return lines;
}

/** On the cart page: sets the `index`-th line's quantity and waits for the cart to agree. */
export async function changeQuantity(page: Page, index: number, quantity: number): Promise<void> {
  const line = page.getByTestId('cart-line').nth(index);
  const select = line.getByLabel(/^Quantity of/);
  const before = await cartCount(page);
  const had = Number(await select.inputValue());
  await select.selectOption(String(quantity));
  await expect(page.getByTestId('cart-count')).toHaveText(String(before - had + quantity));
  await expect(line).toHaveAttribute('aria-busy', 'false');
  await expect(select).toHaveValue(String(quantity));
}

/**
 * From the cart: goes to checkout, fills in the details, places the order and waits for the
 * confirmation. Returns the order number the confirmation shows.
 */
export async function checkout(page: Page, details: ShippingDetails): Promise<string> {
  await page.getByTestId('checkout-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  const form = page.locator('form');
  await form.getByLabel('Email', { exact: true }).fill(details.email);
  // The country first: it decides whether there is a region to fill in.
  await form.getByLabel('Country').selectOption(details.country);
  await form.getByLabel('Full name').fill(details.name);
  await form.getByLabel('Street address').fill(details.line1);
  await form.getByLabel('Town or city').fill(details.city);
  if (details.region !== undefined) await form.getByLabel(REGION_LABEL).fill(details.region);
  await form.getByLabel('Postal code').fill(details.postalCode);
  const number = page.getByTestId('order-number');
  await clickUntil(
    page.getByRole('button', { name: 'Place order' }),
    number,
    page.getByTestId('error-summary'),
  );
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}/);
  return (await number.innerText()).trim();
}

async function expectSignedIn(page: Page, name: string): Promise<void> {
  const firstName = name.split(' ')[0] ?? name;
  await expect(page.getByTestId('account-menu')).toContainText(firstName);
}

/** Creates an account from the header's Register link; ends signed in, back where it started. */
export async function register(page: Page, account: AccountDetails): Promise<void> {
  const from = page.url();
  await page.getByRole('banner').getByRole('link', { name: 'Register' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Create an account' })).toBeVisible();
  const form = page.locator('form');
  await form.getByLabel('Your name').fill(account.name);
  await form.getByLabel('Email', { exact: true }).fill(account.email);
  await form.getByLabel('Password', { exact: true }).fill(account.password);
  await form.getByRole('button', { name: 'Create account' }).click();
  await expectSignedIn(page, account.name);
  await expect(page).toHaveURL(from);
}

/** Signs in from the header's Sign in link; ends back on the page it started from. */
export async function login(
  page: Page,
  account: Pick<AccountDetails, 'email' | 'password'> & { name: string },
): Promise<void> {
  const from = page.url();
  await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sign in' })).toBeVisible();
  const form = page.locator('form');
  await form.getByLabel('Email', { exact: true }).fill(account.email);
  await form.getByLabel('Password', { exact: true }).fill(account.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expectSignedIn(page, account.name);
  await expect(page).toHaveURL(from);
}

/**
 * Signs out from the account menu; the header offers "Sign in" again and the cart is empty.
 * Signing out on an account-only page (an order, My orders, My addresses, checkout) lands on
 * the home page.
 */
export async function logout(page: Page): Promise<void> {
  const onPrivatePage = /^\/(orders|checkout|account)(\/|$)/.test(new URL(page.url()).pathname);
  await page.getByTestId('account-menu').click();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByTestId('cart-count')).toHaveText('0');
  if (onPrivatePage) await expect(page).toHaveURL((url) => url.pathname === '/');
}

/** Opens "My orders" from the account menu; returns its rows once they have loaded. */
export async function openMyOrders(page: Page): Promise<Locator> {
  await page.getByTestId('account-menu').click();
  await page.getByRole('banner').getByRole('link', { name: 'My orders' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My orders' })).toBeVisible();
  const rows = page.getByTestId('order-row');
  await expect(rows.first().or(page.getByText('No orders yet'))).toBeVisible();
  return rows;
}
