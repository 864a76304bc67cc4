// Journey steps around what shoppers are looking at now: product pages seen (each tells the shop
// with a view beacon), the home page's "Trending now" and a product page's "looking at this now".
// The worker folds events into those lists every few seconds, so a step that waits for them
// does what a person would: comes back to the page now and then, for a bounded time.
import type { Locator, Page } from '@playwright/test';
import { expect } from './expect';
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
 * products one after another, going back to the listing between them. Returns the category's
 * slug and what was seen.
 */
export async function viewProducts(
  page: Page,
  categoryIndex: number,
  count: number,
): Promise<{ category: string; seen: SeenProduct[] }> {
  await openHome(page);
  await openCategory(page, categoryIndex);
  const category = new URL(page.url()).pathname.split('/')[2] ?? '';
  const seen: SeenProduct[] = [];
  for (let index = 0; index < count; index++) {
    const viewed = viewRecorded(page);
    seen.push(await openProduct(page, index));
    await viewed;
    await page.goBack();
    await expect(page.getByTestId('product-card').nth(index + 1)).toBeVisible();
  }
  return { category, seen };
}

/** Opens a product page by its address (a link someone shared) and waits until it counts as seen. */
export async function openProductAt(page: Page, url: string): Promise<void> {
  const viewed = viewRecorded(page);
  await page.goto(url);
  await expect(page.getByTestId('product-name')).toBeVisible();
  await viewed;
}

/** The names on a hot list as the API answers it (what the storefront's sections draw). */
async function hotNames(page: Page, query: { category?: string; limit: number }) {
  const params = new URLSearchParams({ limit: String(query.limit) });
  if (query.category) params.set('category', query.category);
  const response = await page.request.get(`/api/hot?${params.toString()}`);
  expect(response.status()).toBe(200);
  const list = (await response.json()) as { items: { product: { name: string } }[] };
  return list.items.map((item) => item.product.name);
}

/** The product names on the cards of a section, in order. */
async function cardNames(section: Locator): Promise<string[]> {
  const names = await section.getByTestId('product-card').getByRole('heading').allInnerTexts();
  return names.map((name) => name.trim());
}

/**
 * Waits, coming back now and then, until every one of `names` is on the department's hot list:
 * the views a shopper made have been counted. On a shop with other shoppers they need not be
 * near the top.
 */
export async function waitUntilCounted(
  page: Page,
  category: string,
  names: string[],
): Promise<void> {
  await expect(async () => {
    const listed = await hotNames(page, { category, limit: 50 });
    expect(names.filter((name) => !listed.includes(name))).toEqual([]);
  }).toPass({ timeout: CATCH_UP_MS, intervals: COME_BACK_MS });
}

/**
 * Opens the page at `url` until its section named `heading` shows the hot list the shop answers
 * at that moment (the lists move every few seconds), and returns the section.
 */
async function openHotSection(
  page: Page,
  url: string,
  heading: string | RegExp,
  query: { category?: string; limit: number },
): Promise<Locator> {
  const section = page.getByRole('region', { name: heading });
  await expect(async () => {
    await page.goto(url);
    await expect(section.getByTestId('product-card').first()).toBeVisible({ timeout: 5_000 });
    const expected = await hotNames(page, query);
    expect(await cardNames(section)).toEqual(expected);
  }).toPass({ timeout: CATCH_UP_MS, intervals: COME_BACK_MS });
  return section;
}

/** The home page's "Trending now": the shop's eight hottest products. */
export function openTrending(page: Page): Promise<Locator> {
  return openHotSection(page, '/', 'Trending now', { limit: 8 });
}

/** A category page's "Popular in <department>": the department's four hottest products. */
export function openPopular(page: Page, category: string): Promise<Locator> {
  return openHotSection(page, `/c/${category}`, /^Popular in /, { category, limit: 4 });
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
