import { expect, type Locator, type Page, test } from '@playwright/test';

// Facets on a category listing and on search results, as a shopper uses them: on a phone they
// fold into a "Filters" disclosure above the results, on a desktop they stand beside them.

const cards = (page: Page) => page.getByTestId('product-card');
const count = (page: Page) => page.getByTestId('listing-count');

/** Shows the filters (opens the disclosure where it is folded). */
async function openFilters(page: Page): Promise<Locator> {
  const filters = page.getByRole('form', { name: 'Filters' });
  if (!(await filters.isVisible())) {
    await page.getByTestId('filters').locator('summary').click();
  }
  await expect(filters).toBeVisible();
  return filters;
}

/** The number a filter's choice shows beside its label. */
async function facetCount(choice: Locator): Promise<number> {
  const label = choice.locator('xpath=ancestor::label');
  const text = await label.innerText();
  const match = /([\d,]+)\s*products?/.exec(text);
  if (!match?.[1]) throw new Error(`no count in "${text}"`);
  return Number(match[1].replace(/,/g, ''));
}

/** Waits until the listing says it holds `n` products. */
async function expectCount(page: Page, n: number): Promise<void> {
  const shown = n.toLocaleString('en-US');
  await expect(count(page)).toHaveText(new RegExp(`^${shown} products?\\b`));
}

async function shownCount(page: Page): Promise<number> {
  const match = /^([\d,]+)/.exec((await count(page).innerText()).trim());
  return Number(match?.[1]?.replace(/,/g, '') ?? NaN);
}

async function shownPrices(page: Page): Promise<number[]> {
  const prices = await cards(page).getByTestId('product-card-price').allInnerTexts();
  return prices.map((price) => Number(price.replace(/[^0-9]/g, '')));
}

async function firstCategory(page: Page): Promise<string> {
  const response = await page.request.get('/api/categories');
  const [category] = (await response.json()) as { slug: string }[];
  if (!category) throw new Error('no categories');
  return category.slug;
}

test('a price band narrows a listing, survives reload, combines with sort, and comes off again', async ({
  page,
}) => {
  await page.goto(`/c/${await firstCategory(page)}`);
  const everything = await shownCount(page);
  const filters = await openFilters(page);
  const band = filters.getByRole('radio', { name: /^\$25 – \$50/ });
  const expected = await facetCount(band);
  expect(expected).toBeGreaterThan(0);
  expect(expected).toBeLessThan(everything);

  await band.check();
  await expect(page).toHaveURL(/[?&]price=25-50(&|$)/);
  await expect(count(page)).toContainText('match your filters');
  await expectCount(page, expected);
  const inBand = (cents: number) => cents >= 2_500 && cents < 5_000;
  expect((await shownPrices(page)).every(inBand)).toBe(true);

  await page.reload();
  await expectCount(page, expected);
  await expect(
    (await openFilters(page)).getByRole('radio', { name: /^\$25 – \$50/ }),
  ).toBeChecked();

  await page.getByLabel('Sort by').selectOption('price_desc');
  await expect(page).toHaveURL(/sort=price_desc/);
  await expect(page).toHaveURL(/price=25-50/);
  const sorted = await shownPrices(page);
  expect(sorted.length).toBeGreaterThan(1);
  expect(sorted.every(inBand)).toBe(true);
  expect(sorted).toEqual([...sorted].sort((a, b) => b - a));

  await page.getByRole('link', { name: /\$25 – \$50 \(remove this filter\)/ }).click();
  await expect(page).not.toHaveURL(/price=/);
  await expect(page).toHaveURL(/sort=price_desc/);
  await expect(count(page)).not.toContainText('match your filters');
  await expectCount(page, everything);
});

test('in stock only and a department narrow search results, and back undoes them', async ({
  page,
}) => {
  await page.goto('/search?q=lamp');
  const all = await shownCount(page);
  let filters = await openFilters(page);
  const inStock = filters.getByRole('checkbox', { name: /In stock only/ });
  const stocked = await facetCount(inStock);
  await inStock.check();
  await expect(page).toHaveURL(/inStock=1/);
  await expect(count(page)).toContainText('match your filters');
  await expectCount(page, stocked);

  filters = await openFilters(page);
  // The first department after "All departments".
  const chosen = filters.getByRole('group', { name: 'Department' }).getByRole('radio').nth(1);
  const inDepartment = await facetCount(chosen);
  await chosen.check();
  await expect(page).toHaveURL(/category=/);
  await expect(page).toHaveURL(/inStock=1/);
  await expectCount(page, inDepartment);

  await page.goBack();
  await expect(page).not.toHaveURL(/category=/);
  await expectCount(page, stocked);
  await page.getByRole('link', { name: 'Clear filters' }).first().click();
  await expect(page).not.toHaveURL(/inStock=/);
  await expectCount(page, all);
});

test('filters work without JavaScript, with an Apply button', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`/c/${await firstCategory(page)}`);
  const filters = await openFilters(page);
  const band = filters.getByRole('radio', { name: /^Under \$25/ });
  const expected = await facetCount(band);
  await band.check();
  await filters.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/price=0-25/);
  await expectCount(page, expected);
  expect((await shownPrices(page)).every((cents) => cents < 2_500)).toBe(true);
  await context.close();
});
