// Journey steps around what shoppers are looking at now: product pages seen (each tells the shop
// with a view beacon), the home page's "Trending now" and a product page's "looking at this now".
// The worker folds events into those lists every few seconds, so a step that waits for them
// does what a person would: comes back to the page now and then, for a bounded time.
import { expect, type Locator, type Page } from '@playwright/test';
import { openCategory, openHome, openProduct, type SeenProduct } from './browse-catalog';

/** How long a shopper keeps coming back for the lists to catch up with what was seen. */
const CATCH_UP_MS = 45_000;
/** Pauses between visits while waiting. */
const COME_BACK_MS = [1_000, 2_000, 3_000];

/** Resolves once the page has told the shop that a product was seen (its view beacon). */
function viewRecorded(page: Page): Promise<unknown> {
  return page.waitForRequest(
    (request) =>
      request.method() === 'POST' &&
      new URL(request.url()).pathname === '/api/events' &&
      request.postData()?.includes('"view"') === true,
  );
}

/**
 * From the home page, opens the category at `categoryIndex` and looks at its first `count`
 * products one after another, going back to the listing between them. Returns what was seen.
 */
export async function viewProducts(
  page: Page,
  categoryIndex: number,
  count: number,
): Promise<SeenProduct[]> {
  await openHome(page);
  await openCategory(page, categoryIndex);
  const seen: SeenProduct[] = [];
  for (let index = 0; index < count; index++) {
    const viewed = viewRecorded(page);
    seen.push(await openProduct(page, index));
    await viewed;
    await page.goBack();
    await expect(page.getByTestId('product-card').nth(index + 1)).toBeVisible();
  }
  return seen;
}

/** Opens a product page by its address (a link someone shared) and waits until it counts as seen. */
export async function openProductAt(page: Page, url: string): Promise<void> {
  const viewed = viewRecorded(page);
  await page.goto(url);
  await expect(page.getByTestId('product-name')).toBeVisible();
  await viewed;
}

/**
 * Opens the home page until its "Trending now" section lists one of `expected` (product names),
 * coming back now and then while the shop catches up. Returns the section's product cards.
 */
export async function openTrending(page: Page, expected: string[]): Promise<Locator> {
  const section = page.getByRole('region', { name: 'Trending now' });
  const cards = section.getByTestId('product-card');
  await expect(async () => {
    await openHome(page);
    await expect(cards.first()).toBeVisible({ timeout: 5_000 });
    const names = (await cards.getByRole('heading').allInnerTexts()).map((name) => name.trim());
    expect(names.filter((name) => expected.includes(name))).not.toHaveLength(0);
  }).toPass({ timeout: CATCH_UP_MS, intervals: COME_BACK_MS });
  return cards;
}

/**
 * On a product page: reloads it now and then until it says that `atLeast` people or more are
 * looking at it. Returns the number it says.
 */
export async function waitForViewers(page: Page, atLeast = 2): Promise<number> {
  const note = page.getByTestId('viewing-now');
  let count = 0;
  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId('product-name')).toBeVisible();
    await expect(note).toHaveText(/^[\d,]+ people are looking at this now$/, { timeout: 5_000 });
    count = Number.parseInt((await note.innerText()).replaceAll(',', ''), 10);
    expect(count).toBeGreaterThanOrEqual(atLeast);
  }).toPass({ timeout: CATCH_UP_MS, intervals: COME_BACK_MS });
  return count;
}
