// The shop's main journey, end to end: a guest fills a cart, changes a quantity, checks out,
// registers with the order's email, signs out and in again and finds the order under My orders.
// Specs run it as it is and with a fault injected halfway; the load runner replays it.
import type { Page } from '@playwright/test';
import { expect } from './expect';
import { openCategory, openHome } from './browse-catalog';
import {
  addProductToCart,
  changeQuantity,
  checkout,
  login,
  logout,
  openCart,
  openMyOrders,
  openProductInStock,
  register,
  type ShippingDetails,
} from './shopping';

export interface GuestToAccountResult {
  orderNumber: string;
  email: string;
}

export async function guestBuysThenRegisters(
  page: Page,
  options: { email: string; midway?: () => Promise<void>; screenshots?: (name: string) => string },
): Promise<GuestToAccountResult> {
  const { email } = options;
  const account = { name: 'Robin Tester', email, password: 'journey-password-2026' };
  const shipping: ShippingDetails = {
    email,
    name: account.name,
    line1: '12 Harbour Street',
    city: 'Portland',
    region: 'OR',
    postalCode: '97201',
    country: 'US',
  };

  // A guest fills the cart: one product from the home grid, one from a product page.
  await openHome(page);
  const first = await addProductToCart(page, 0);
  await openCategory(page, 1);
  const second = await openProductInStock(page, 1, [first]);
  await addProductToCart(page);

  await options.midway?.();

  const lines = await openCart(page);
  await expect(lines).toHaveCount(2);
  await expect(lines.filter({ hasText: first })).toHaveCount(1);
  await expect(lines.filter({ hasText: second.name })).toHaveCount(1);
  const totalBefore = await page.getByTestId('cart-total').innerText();
  await changeQuantity(page, 0, 2);
  await expect(page.getByTestId('cart-total')).not.toHaveText(totalBefore);

  // Checkout as a guest: the confirmation thanks them with the order number.
  const orderNumber = await checkout(page, shipping);
  expect(orderNumber).toMatch(/^\d+$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Thank you');
  await expect(page.getByTestId('cart-count')).toHaveText('0');
  if (options.screenshots) {
    await page.screenshot({ path: options.screenshots('confirmation.png'), fullPage: true });
  }

  // Registering in the same browser with the order's email keeps the order with the account.
  await register(page, account);
  await logout(page);
  await login(page, account);
  const rows = await openMyOrders(page);
  await expect(rows.filter({ hasText: new RegExp(`#${orderNumber}(?!\\d)`) })).toHaveCount(1);
  if (options.screenshots) {
    await page.screenshot({ path: options.screenshots('my-orders.png'), fullPage: true });
  }
  return { orderNumber, email };
}
