import { expect, test } from '@playwright/test';
import { openCategory, openHome, openProduct } from '../journeys/browse-catalog';

test('a shopper browses home → a category → a product and sees its name and price', async ({
  page,
}, testInfo) => {
  await openHome(page);
  await openCategory(page, 1);
  const product = await openProduct(page, 0);

  expect(product.name.length).toBeGreaterThan(3);
  expect(product.price).toMatch(/^\$\d{1,3}(,\d{3})*\.\d{2}$/);
  await expect(page).toHaveTitle(new RegExp(product.name));

  const shot = await page.screenshot({ fullPage: true });
  await testInfo.attach('product-page', { body: shot, contentType: 'image/png' });
  await page.screenshot({ path: testInfo.outputPath('product-page.png'), fullPage: true });
});

test('an unknown product shows the shop’s not-found page', async ({ page }) => {
  const response = await page.goto('/p/no-such-product-anywhere');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: /home|shop|continue/i }).first()).toBeVisible();
});
