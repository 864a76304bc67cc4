import { expect, test } from '@playwright/test';
import { signInFor } from '../journeys/admin-catalog';

const ADMIN = { email: 'admin@shopscale.test', password: 'admin-catalog-2026' };
const CUSTOMER = { email: 'demo@shopscale.test', password: 'demo-shopper-2026' };

test('an admin sees the running shop on /ops, its figures renewed every few seconds', async ({
  page,
}, testInfo) => {
  await signInFor(page, '/ops', ADMIN);
  await expect(page.getByRole('heading', { level: 1, name: 'The running shop' })).toBeVisible();
  // Every component Prometheus scrapes is listed, and up.
  const components = page.getByTestId('ops-component');
  await expect.poll(() => components.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(13);
  await expect(components.filter({ hasText: 'down' })).toHaveCount(0);
  // The API replicas report their traffic (the page's own requests are some of it).
  await expect(page.getByTestId('ops-api-replica').first()).toContainText('/s', {
    timeout: 20_000,
  });
  const updated = page.getByTestId('ops-updated');
  const first = await updated.innerText();
  await expect(updated).not.toHaveText(first, { timeout: 6_000 });
  const shot = await page.screenshot({ path: testInfo.outputPath('ops.png'), fullPage: true });
  await testInfo.attach('ops', { body: shot, contentType: 'image/png' });
});

test('a customer is told /ops is for admins, and the API refuses its figures', async ({ page }) => {
  await signInFor(page, '/ops', CUSTOMER);
  await expect(page.getByTestId('admin-forbidden')).toContainText('Admins only');
  expect((await page.request.get('/api/admin/ops')).status()).toBe(403);
});
