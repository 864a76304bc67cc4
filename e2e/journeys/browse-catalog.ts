// Journey steps a shopper takes through the catalog. Specs assert on what they return; the load
// runner replays the same steps, so every step waits for what a person would wait for.
import type { Page } from '@playwright/test';
import { expect } from './expect';

export interface SeenProduct {
  name: string;
  price: string;
  url: string;
}

/** Home page: the shop's name, its categories and a grid of newest products. */
export async function openHome(page: Page): Promise<void> {
  await page.goto('/');
  await expect(
    page.getByRole('navigation', { name: 'Categories' }).getByRole('link').first(),
  ).toBeVisible();
  await expect(page.getByTestId('product-card').first()).toBeVisible();
}

/** Follows the category link at `index` in the category navigation. */
export async function openCategory(page: Page, index = 0): Promise<string> {
  const link = page.getByRole('navigation', { name: 'Categories' }).getByRole('link').nth(index);
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await expect(page.getByTestId('product-card').first()).toBeVisible();
  return name;
}

/** Opens the product card at `index` of the current grid and reads its name and price. */
export async function openProduct(page: Page, index = 0): Promise<SeenProduct> {
  await page.getByTestId('product-card').nth(index).getByRole('link').first().click();
  const name = page.getByTestId('product-name');
  await expect(name).toBeVisible();
  const price = page.getByTestId('product-price');
  await expect(price).toBeVisible();
  return {
    name: (await name.innerText()).trim(),
    price: (await price.innerText()).trim(),
    url: page.url(),
  };
}
