// Every page type, in the states a shopper and an admin meet it, checked with axe-core against
// WCAG 2.2 A and AA: no serious or critical violation. Each check attaches what axe found.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { openAdmin, signInFor } from '../journeys/admin-catalog';
import { openCategory, openHome, openProduct, searchFor } from '../journeys/browse-catalog';
import { addProductToCart, cartCount, checkout, login, openCart } from '../journeys/shopping';

const ADMIN = { email: 'admin@shopscale.test', password: 'admin-catalog-2026' };
const CUSTOMER = {
  name: 'Dana Demo',
  email: 'demo@shopscale.test',
  password: 'demo-shopper-2026',
};

/** Checks the page as it stands now; `state` names it in the failure and the attachment. */
async function expectAccessible(page: Page, testInfo: TestInfo, state: string): Promise<void> {
  // Once the header knows who is shopping, the page is in its settled state.
  await cartCount(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
  await testInfo.attach(`axe: ${state}`, {
    body: JSON.stringify(results.violations, null, 2),
    contentType: 'application/json',
  });
  const described = serious.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 3)
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  // Soft: every state is checked in one run, and the test fails at its end with all of them.
  expect.soft(described, `${state}: serious or critical violations`).toEqual([]);
}

/** Pages a guest opens directly, each checked once it has settled. */
const guestPages: { state: string; open: (page: Page) => Promise<void> }[] = [
  { state: 'home', open: openHome },
  {
    state: 'category listing',
    open: async (page) => {
      await openHome(page);
      await openCategory(page, 1);
    },
  },
  {
    state: 'product page',
    open: async (page) => {
      await openHome(page);
      await openProduct(page, 0);
    },
  },
  {
    state: 'search results',
    open: async (page) => {
      await openHome(page);
      await searchFor(page, 'lamp');
    },
  },
  {
    state: 'search with no results',
    open: async (page) => {
      await openHome(page);
      await searchFor(page, 'qqqzzzxxx');
    },
  },
  {
    state: 'unknown product (404)',
    open: async (page) => {
      await page.goto('/p/no-such-product-anywhere');
    },
  },
  {
    state: 'unknown order (404)',
    open: async (page) => {
      await page.goto('/orders/00000000-0000-4000-8000-000000000000');
    },
  },
  {
    state: 'empty cart',
    open: async (page) => {
      await openHome(page);
      await openCart(page);
    },
  },
  {
    state: 'sign in',
    open: async (page) => {
      await page.goto('/login');
    },
  },
  {
    state: 'register',
    open: async (page) => {
      await page.goto('/register');
    },
  },
];

for (const { state, open } of guestPages) {
  test(`a guest’s ${state} has no serious violations`, async ({ page }, testInfo) => {
    await open(page);
    await expectAccessible(page, testInfo, state);
  });
}

test('a guest’s cart, checkout with wrong fields and order confirmation have no serious violations', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  await openHome(page);
  await addProductToCart(page, 0);
  await openCart(page);
  await expectAccessible(page, testInfo, 'cart with a line');
  await page.getByTestId('checkout-link').click();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByTestId('error-summary')).toBeVisible();
  await expectAccessible(page, testInfo, 'checkout with every field wrong');
  await page.goto('/cart');
  await checkout(page, {
    email: `a11y-${Date.now().toString(36)}@example.com`,
    name: 'Ada Access',
    line1: '1 Contrast Street',
    city: 'Springfield',
    region: 'IL',
    postalCode: '12345',
    country: 'US',
  });
  await expectAccessible(page, testInfo, 'order confirmation');
});

test('a customer’s account pages have no serious violations', async ({ page }, testInfo) => {
  await openHome(page);
  await login(page, CUSTOMER);
  await page.goto('/orders');
  await expect(page.getByRole('heading', { level: 1, name: 'My orders' })).toBeVisible();
  await expect(
    page.getByTestId('order-row').first().or(page.getByText('No orders yet')),
  ).toBeVisible();
  await expectAccessible(page, testInfo, 'my orders');
  await page.goto('/account/addresses');
  await expect(page.getByRole('heading', { level: 1, name: 'My addresses' })).toBeVisible();
  await expect(
    page.getByTestId('address-card').first().or(page.getByTestId('addresses-empty')),
  ).toBeVisible();
  await expectAccessible(page, testInfo, 'my addresses');
  await page.goto('/admin/products');
  await expect(page.getByTestId('admin-forbidden')).toBeVisible();
  await expectAccessible(page, testInfo, 'admin page refused to a customer');
});

test('an admin’s product list and editor have no serious violations', async ({
  page,
}, testInfo) => {
  await openAdmin(page, ADMIN);
  await expectAccessible(page, testInfo, 'admin product list');
  await page.getByTestId('admin-product-row').first().getByRole('link').first().click();
  await expect(page.getByTestId('product-form')).toBeVisible();
  await expectAccessible(page, testInfo, 'admin product editor');
});

test('an admin’s new product form and /ops have no serious violations', async ({
  page,
}, testInfo) => {
  await signInFor(page, '/admin/products/new', ADMIN);
  await expect(page.getByTestId('product-form')).toBeVisible();
  await expectAccessible(page, testInfo, 'admin new product');
  await page.goto('/ops');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectAccessible(page, testInfo, 'ops');
});
