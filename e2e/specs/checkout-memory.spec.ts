// Checkout that remembers: typed details survive a detour, a registered shopper's address is
// kept and offered again with their name, and the state field follows the country. Two orders
// per project: every browser shares one address, and the shop takes 20 orders an hour from it.
import { expect, test, type Page } from '@playwright/test';
import { openHome } from '../journeys/browse-catalog';
import { addProductToCart, openCart, register } from '../journeys/shopping';

const uniqueEmail = (label: string, testId: string) =>
  `${label}-${Date.now()}-${testId.slice(0, 8)}@example.test`;

/** From any page with products: one in the cart, then the checkout page. */
async function toCheckout(page: Page): Promise<void> {
  await addProductToCart(page, 0);
  await openCart(page);
  await page.getByTestId('checkout-link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checkout' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Place order' })).toBeVisible();
}

/** Fails the test on any page error (a hydration mismatch among them). */
function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && /hydrat/i.test(message.text())) errors.push(message.text());
  });
  return errors;
}

test('a detour to the cart and elsewhere keeps what was typed at checkout, until the order is placed', async ({
  page,
}, testInfo) => {
  const errors = watchPageErrors(page);
  await openHome(page);
  await toCheckout(page);
  const form = page.locator('form');
  const typed = {
    email: uniqueEmail('detour', testInfo.testId),
    name: 'Dee Tour',
    line1: '200 King Street West',
    city: 'Toronto',
    postalCode: 'M5V 3L9',
  };
  await form.getByLabel('Email', { exact: true }).fill(typed.email);
  await form.getByLabel('Country').selectOption('CA');
  await form.getByLabel('Full name').fill(typed.name);
  await form.getByLabel('Street address').fill(typed.line1);
  await form.getByLabel('Town or city').fill(typed.city);
  await form.getByLabel('Province').fill('ON');
  await form.getByLabel('Postal code').fill(typed.postalCode);

  const expectTyped = async () => {
    await expect(form.getByLabel('Email', { exact: true })).toHaveValue(typed.email);
    await expect(form.getByLabel('Country')).toHaveValue('CA');
    await expect(form.getByLabel('Full name')).toHaveValue(typed.name);
    await expect(form.getByLabel('Street address')).toHaveValue(typed.line1);
    await expect(form.getByLabel('Town or city')).toHaveValue(typed.city);
    await expect(form.getByLabel('Province')).toHaveValue('ON');
    await expect(form.getByLabel('Postal code')).toHaveValue(typed.postalCode);
  };

  // To the cart and back within the app...
  await page.getByRole('link', { name: 'Edit cart' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your cart' })).toBeVisible();
  await page.getByTestId('checkout-link').click();
  await expectTyped();

  // ...and from another page loaded afresh, back to a checkout loaded afresh.
  await page.goto('/');
  await page.goto('/checkout');
  await expectTyped();
  expect(errors).toEqual([]);

  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByTestId('order-number')).toBeVisible();
  await expect(page.getByTestId('shipping-address')).toContainText('Toronto, ON M5V 3L9');
  await expect(page.getByTestId('shipping')).toHaveText('Free');

  // Placed: the next checkout starts empty.
  await openHome(page);
  await toCheckout(page);
  await expect(form.getByLabel('Street address')).toHaveValue('');
  await expect(form.getByLabel('Email', { exact: true })).toHaveValue('');
});

test('a registered shopper’s first order keeps the address, and the next checkout offers it with their name', async ({
  page,
}, testInfo) => {
  const account = {
    name: 'Remy Member',
    email: uniqueEmail('remember', testInfo.testId),
    password: 'remember-me-2026',
  };
  await openHome(page);
  await register(page, account);
  await toCheckout(page);
  const form = page.locator('form');

  // The account's name and email are there already; no address is saved yet.
  await expect(form.getByLabel('Full name')).toHaveValue(account.name);
  await expect(form.getByLabel('Email', { exact: true })).toHaveValue(account.email);
  await expect(page.getByTestId('saved-address')).toHaveCount(0);
  await form.getByLabel('Street address').fill('1 Market Street');
  await form.getByLabel('Town or city').fill('Springfield');
  await form.getByLabel('State', { exact: true }).fill('IL');
  await form.getByLabel('Postal code').fill('62704');
  await expect(form.getByLabel('Save this address to my account')).toBeChecked();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByTestId('order-number')).toBeVisible();
  await expect(page.getByTestId('shipping-address')).toContainText('Springfield, IL 62704');

  // The next checkout: the address is offered, chosen, and filled in.
  await openHome(page);
  await toCheckout(page);
  const saved = page.getByRole('radio', { name: /1 Market Street/ });
  await expect(saved).toBeChecked();
  await expect(page.getByRole('radio', { name: 'A new address' })).not.toBeChecked();
  await expect(form.getByLabel('Full name')).toHaveValue(account.name);
  await expect(form.getByLabel('Street address')).toHaveValue('1 Market Street');
  await expect(form.getByLabel('Town or city')).toHaveValue('Springfield');
  await expect(form.getByLabel('State', { exact: true })).toHaveValue('IL');
  await expect(form.getByLabel('Postal code')).toHaveValue('62704');
  await expect(form.getByLabel('Save this address to my account')).toHaveCount(0);

  // "A new address" empties the address and offers to save it; the saved one fills it again.
  await page.getByRole('radio', { name: 'A new address' }).check();
  await expect(form.getByLabel('Street address')).toHaveValue('');
  await expect(form.getByLabel('Full name')).toHaveValue(account.name);
  await expect(form.getByLabel('Save this address to my account')).toBeChecked();
  await saved.check();
  await expect(form.getByLabel('Street address')).toHaveValue('1 Market Street');

  // The account's address book lists it, and can forget it.
  await page.getByTestId('account-menu').click();
  await page.getByRole('banner').getByRole('link', { name: 'My addresses' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My addresses' })).toBeVisible();
  const cards = page.getByTestId('address-card');
  await expect(cards).toHaveCount(1);
  await expect(cards.first()).toContainText('Springfield, IL 62704');
  await expect(cards.first()).toContainText('United States');
  await cards
    .first()
    .getByRole('button', { name: /^Remove/ })
    .click();
  await expect(page.getByTestId('addresses-empty')).toBeVisible();
});

test('the state field appears for the United States, is required there, and follows the country', async ({
  page,
}) => {
  await openHome(page);
  await toCheckout(page);
  const form = page.locator('form');
  await form.getByLabel('Country').selectOption('US');
  await expect(form.getByLabel('State', { exact: true })).toBeVisible();
  await form.getByLabel('Email', { exact: true }).fill('state-check@example.test');
  await form.getByLabel('Full name').fill('Stacy State');
  await form.getByLabel('Street address').fill('1 Capitol Way');
  await form.getByLabel('Town or city').fill('Olympia');
  await form.getByLabel('Postal code').fill('98501');
  await page.getByRole('button', { name: 'Place order' }).click();

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(1);
  await expect(summary.getByRole('link', { name: 'Enter the state' })).toBeVisible();
  await expect(form.getByLabel('State', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/checkout$/);

  // Other countries name it their way, or not at all.
  await form.getByLabel('Country').selectOption('AU');
  await expect(form.getByLabel('State or territory')).toBeVisible();
  await form.getByLabel('Country').selectOption('GB');
  await expect(form.getByLabel(/^(State|Province|State or territory|Prefecture)$/)).toHaveCount(0);
  await form.getByLabel('Country').selectOption('US');
  await form.getByLabel('State', { exact: true }).fill('WA');
  await expect(form.getByLabel('State', { exact: true })).not.toHaveAttribute('aria-invalid');
  await expect(summary).toBeHidden();
});
