import { expect, test } from '@playwright/test';
import { adjustStock, changePrice, createProduct, openAdmin } from '../journeys/admin-catalog';

const ADMIN = { email: 'admin@shopscale.test', password: 'admin-catalog-2026' };
const CUSTOMER = { email: 'demo@shopscale.test', password: 'demo-shopper-2026' };

test('an admin creates a product with a picture, changes its price and stock, and a shopper sees them', async ({
  page,
  browser,
}, testInfo) => {
  await openAdmin(page, ADMIN);
  const name = `Walnut Reading Lamp ${Date.now().toString(36)}`;
  const shopPath = await createProduct(page, {
    name,
    description: 'A warm lamp on a walnut base.\nDimmable.',
    price: '89.50',
    stock: 12,
  });
  await changePrice(page, '79.00');
  await adjustStock(page, -2, 'damaged in transit');

  const history = page.getByTestId('audit-log').getByRole('listitem');
  await expect(history.first()).toContainText('Stock adjusted by admin@shopscale.test');
  await expect(page.getByTestId('audit-log')).toContainText('$89.50 → $79.00');
  const shot = await page.screenshot({
    path: testInfo.outputPath('admin-editor.png'),
    fullPage: true,
  });
  await testInfo.attach('admin-editor', { body: shot, contentType: 'image/png' });

  // A shopper, in a browser of their own, finds it at the new price with its picture.
  const shopper = await (await browser.newContext()).newPage();
  await shopper.goto(shopPath);
  await expect(shopper.getByTestId('product-name')).toHaveText(name);
  await expect(shopper.getByTestId('product-price')).toHaveText('$79.00');
  const picture = shopper.locator('main img').first();
  await expect
    .poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);

  // Both pages are cached now (the edge, the storefront, the API). The admin changes the price
  // again: within 2 s of "Saved" the shopper's reloads show it on the product and category pages.
  const categoryPath = (await shopper.getByTestId('product-category').getAttribute('href')) ?? '';
  const shopperCategory = await shopper.context().newPage();
  await shopperCategory.goto(categoryPath);
  // The listing's card (the product may be in "Popular in …" below it too, once people view it).
  const card = shopperCategory
    .getByTestId('category-products')
    .getByTestId('product-card')
    .filter({ hasText: name });
  await expect(card).toContainText('$79.00');
  await changePrice(page, '74.00');
  const savedAt = Date.now();
  // What the shopper's browser is sent for each page, asked every 100 ms. A page is stale for
  // as long as requests get the old price: the staleness is when the first request that got the
  // new one was sent, and every later one must get it too. How long a render takes on this busy
  // machine is latency, not staleness; it only stretches the overall wait.
  const staleFor = async (path: string): Promise<number> => {
    const answers: { sentAfter: number; fresh: boolean }[] = [];
    await expect
      .poll(
        async () => {
          const sentAfter = Date.now() - savedAt;
          const html = await (await shopper.request.get(path)).text();
          answers.push({ sentAfter, fresh: html.includes('$74.00') });
          return answers.at(-1)?.fresh;
        },
        { timeout: 15_000, intervals: [100] },
      )
      .toBe(true);
    // Three more asks: a page is not fresh if a later request gets the old price again.
    for (let i = 0; i < 3; i++) {
      const html = await (await shopper.request.get(path)).text();
      expect(html, `${path} served the old price again`).toContain('$74.00');
    }
    const firstFresh = answers.findIndex((answer) => answer.fresh);
    return answers[firstFresh]?.sentAfter ?? Infinity;
  };
  const [productStale, categoryStale] = await Promise.all([
    staleFor(shopPath),
    staleFor(categoryPath),
  ]);
  expect(productStale, 'product page stale for (ms)').toBeLessThanOrEqual(2_000);
  expect(categoryStale, 'category page stale for (ms)').toBeLessThanOrEqual(2_000);
  // And the open tabs show it once reloaded.
  await shopper.reload();
  await expect(shopper.getByTestId('product-price')).toHaveText('$74.00');
  await shopperCategory.reload();
  await expect(card).toContainText('$74.00');
  testInfo.annotations.push({
    type: 'staleness',
    description: `new price asked for ${productStale} ms (product) and ${categoryStale} ms (category) after "Saved"`,
  });
  await shopper.context().close();
});

test('a customer is told the admin pages are for admins; the API refuses them too', async ({
  page,
}) => {
  await page.goto('/login?next=%2Fadmin%2Fproducts');
  const form = page.locator('form');
  await form.getByLabel('Email', { exact: true }).fill(CUSTOMER.email);
  await form.getByLabel('Password', { exact: true }).fill(CUSTOMER.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('admin-forbidden')).toContainText('Admins only');
  for (const path of ['/api/admin/products', '/api/admin/queues']) {
    expect((await page.request.get(path)).status(), path).toBe(403);
  }
});
