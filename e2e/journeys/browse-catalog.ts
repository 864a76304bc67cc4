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

/** Types words into the header's search box and sends them (Enter): the results page. */
export async function searchFor(page: Page, words: string): Promise<void> {
  const box = page.getByRole('combobox', { name: 'Search products' });
  await box.fill(words);
  await box.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(`Results for ${words}`);
}

/**
 * Types the start of a word into the search box, as a person does, and opens the first
 * suggestion with the keyboard; returns the suggestion's name.
 */
export async function openFirstSuggestion(page: Page, typed: string): Promise<string> {
  const box = page.getByRole('combobox', { name: 'Search products' });
  await box.click();
  await box.pressSequentially(typed, { delay: 50 });
  const first = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option').first();
  await expect(first).toBeVisible();
  await box.press('ArrowDown');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  const name = (await first.locator('span').first().innerText()).trim();
  await box.press('Enter');
  await expect(page.getByTestId('product-name')).toHaveText(name);
  return name;
}
