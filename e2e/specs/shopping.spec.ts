import { expect, test } from '@playwright/test';
import { openHome } from '../journeys/browse-catalog';
import { guestBuysThenRegisters } from '../journeys/guest-to-account';
import { addProductToCart, openCart } from '../journeys/shopping';

function uniqueEmail(testId: string): string {
  return `shopper-${Date.now()}-${testId.slice(0, 8)}@example.test`;
}

test('a guest shops, checks out, registers with that email and finds the order under My orders', async ({
  page,
}, testInfo) => {
  const { orderNumber } = await guestBuysThenRegisters(page, {
    email: uniqueEmail(testInfo.testId),
    screenshots: (name) => testInfo.outputPath(name),
  });
  expect(orderNumber).toMatch(/^\d+$/);
});

test('checkout names each wrong field and places nothing until they are right', async ({
  page,
}) => {
  await openHome(page);
  await addProductToCart(page, 0);
  await openCart(page);
  await page.getByTestId('checkout-link').click();

  const form = page.locator('form');
  await form.getByLabel('Email', { exact: true }).fill('not-an-email');
  await form.getByLabel('Postal code').fill('!!');
  await page.getByRole('button', { name: 'Place order' }).click();

  const summary = page.getByTestId('error-summary');
  await expect(summary).toBeVisible();
  await expect(summary).toBeFocused();
  // Email, name, street, town, state (the country is the United States) and postal code.
  await expect(summary.getByRole('link')).toHaveCount(6);
  await expect(form.getByLabel('Email', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Email', { exact: true })).toHaveAccessibleDescription(
    /email address like/,
  );
  await expect(form.getByLabel('Postal code')).toHaveAccessibleDescription(/letters, digits/);
  await expect(page).toHaveURL(/\/checkout$/);

  // Fixing a field clears its error as the shopper types.
  await form.getByLabel('Email', { exact: true }).fill('fixed@example.test');
  await expect(form.getByLabel('Email', { exact: true })).not.toHaveAttribute('aria-invalid');
  await expect(summary.getByRole('link')).toHaveCount(5);
});
