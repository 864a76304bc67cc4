import { expect, test, type Locator } from '@playwright/test';
import { openCategory, openHome, openProduct } from '../journeys/browse-catalog';

const naturalWidth = (img: Locator) => img.evaluate((el: HTMLImageElement) => el.naturalWidth);

test('product pictures load in the grid and on the product page', async ({ page }, testInfo) => {
  await openHome(page);
  await openCategory(page, 2);
  const cardImage = page.getByTestId('product-card').first().locator('img');
  await cardImage.scrollIntoViewIfNeeded();
  await expect.poll(() => naturalWidth(cardImage)).toBeGreaterThan(0);
  // Cards below the fold load lazily.
  const lastCard = page.getByTestId('product-card').last().locator('img');
  expect(await lastCard.getAttribute('loading')).toBe('lazy');

  await openProduct(page, 0);
  const main = page.locator('main img').first();
  await expect.poll(() => naturalWidth(main)).toBeGreaterThan(0);
  expect(await main.getAttribute('fetchpriority')).toBe('high');
  const src = await main.evaluate((el: HTMLImageElement) => el.currentSrc);
  expect(src).toMatch(/\/img\/[0-9a-f]{64}\/\d+\.(avif|webp|jpeg)$/);
  await page.screenshot({ path: testInfo.outputPath('product-with-picture.png') });
});
