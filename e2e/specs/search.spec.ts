import { expect, type Page, test } from '@playwright/test';
import { openFirstSuggestion, openHome, searchFor } from '../journeys/browse-catalog';

const cards = (page: Page) => page.getByTestId('search-results').getByTestId('product-card');

test('a search with a typo finds the products, and says what it searched for instead', async ({
  page,
}) => {
  await openHome(page);
  await searchFor(page, 'tabel lamp');
  await expect(page.getByText('No products match tabel lamp')).toBeVisible();
  await expect(page.getByText('table lamp', { exact: true })).toBeVisible();
  await expect(cards(page).first()).toContainText('Table Lamp');
});

test('choosing a sort applies it at once, and the results keep it on reload', async ({ page }) => {
  await page.goto('/search?q=lamp');
  await page.getByLabel('Sort by').selectOption('price_asc');
  await expect(page).toHaveURL(/sort=price_asc/);
  await page.reload();
  await expect(page.getByLabel('Sort by')).toHaveValue('price_asc');
  const prices = await cards(page).getByTestId('product-card-price').allInnerTexts();
  const cents = prices.map((price) => Number(price.replace(/[^0-9]/g, '')));
  expect(cents.length).toBeGreaterThan(1);
  expect(cents).toEqual([...cents].sort((a, b) => a - b));
});

test('suggestions come as one types, and one opens with the keyboard', async ({ page }) => {
  await openHome(page);
  await openFirstSuggestion(page, 'lam');
  await expect(page.getByTestId('product-name')).toContainText('Lamp');
});

test('a search nothing matches says so and offers every department', async ({ page }) => {
  await page.goto('/search?q=qqxxzz');
  await expect(page.getByText('No products match qqxxzz.')).toBeVisible();
  const departments = page.getByRole('link', { name: 'Kitchen & Dining' });
  await expect(departments.last()).toBeVisible();
});
