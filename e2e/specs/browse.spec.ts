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

test('a listing prefetches a page only when the shopper reaches for its link', async ({
  page,
  isMobile,
}) => {
  const prefetched: string[] = [];
  page.on('request', (request) => {
    if (request.headers()['next-router-prefetch']) prefetched.push(new URL(request.url()).pathname);
  });
  await page.goto('/c/kitchen');
  const card = page.getByTestId('product-card').first().getByRole('link');
  await expect(card).toBeVisible();
  // Twenty-four cards, twelve departments and the pages in view: none asked for on sight.
  await page.waitForTimeout(1_500);
  expect(prefetched).toEqual([]);

  // A pointer over it on a desktop; on a phone (no pointer), the link taking focus.
  if (isMobile) await card.focus();
  else await card.hover();
  const href = await card.getAttribute('href');
  await expect.poll(() => prefetched).toContain(href);
  expect(prefetched).toHaveLength(1);
});

test('a page slow to come shows a bar at the top of the window until it does', async ({ page }) => {
  await page.goto('/');
  // The header knows the shopper only once the page runs: from then on links navigate in place.
  await expect(page.getByRole('link', { name: 'Sign in' })).toBeAttached();
  const link = page.getByRole('navigation', { name: 'Categories' }).getByRole('link').first();
  await expect(link).toBeVisible();
  // The next page's data held back a moment, as a slow network or a busy shop would.
  await page.route(/[?&]_rsc=/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
  const bar = page.locator('.bprogress .bar');

  // A link followed.
  const name = (await link.innerText()).trim();
  await link.click();
  await expect(bar).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
  await expect(bar).toBeHidden();

  // A sort chosen: the page asks for its new data itself.
  await page.getByLabel('Sort by').selectOption('price_desc');
  await expect(bar).toBeVisible();
  await expect(page).toHaveURL(/sort=price_desc/);
  await expect(bar).toBeHidden();
});

test('on a phone the front page shows products in its first screen, and every department a swipe away', async ({
  page,
  isMobile,
}) => {
  test.skip(!isMobile, 'the layout of a phone');
  await page.goto('/');
  const screen = page.viewportSize();
  const card = page.locator('#new-arrivals').getByTestId('product-card').first();
  await expect(card).toBeVisible();
  const box = await card.boundingBox();
  if (!screen || !box) throw new Error('no layout to measure');
  // Unscrolled, the first new arrival's picture shows at least its top 120 px.
  expect(box.y + 120).toBeLessThan(screen.height);

  // The header's category bar has them all (the front page's tiles would push the products down).
  const departments = page.getByRole('navigation', { name: 'Categories' }).getByRole('link');
  await expect(departments).toHaveCount(12);
  const last = departments.last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
});
