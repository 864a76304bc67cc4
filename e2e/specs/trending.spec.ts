import { expect, test, type Locator } from '@playwright/test';
import { openCategory, openHome, openProduct } from '../journeys/browse-catalog';
import {
  openPopular,
  openProductAt,
  openTrending,
  viewProducts,
  waitForViewers,
  waitUntilCounted,
} from '../journeys/trending';

// These wait for the worker to fold the pages' events into its lists (every few seconds), on top
// of the browsing itself.
test.describe.configure({ timeout: 120_000 });

// Categories the other specs do not browse, so these views are not mixed with theirs.
const TRENDING_CATEGORY = 5;
const PRESENCE_CATEGORY = 7;

/** Scrolls `section` into view and waits for its pictures, so a screenshot shows them. */
async function showPictures(section: Locator): Promise<void> {
  await section.scrollIntoViewIfNeeded();
  const pictures = section.locator('img');
  for (let i = 0; i < (await pictures.count()); i++) {
    const picture = pictures.nth(i);
    await picture.scrollIntoViewIfNeeded();
    await expect
      .poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);
  }
  await section.scrollIntoViewIfNeeded();
}

test('the home page shows Trending now with real products after a few views', async ({
  page,
}, testInfo) => {
  const { category, seen } = await viewProducts(page, TRENDING_CATEGORY, 3);
  // The views are counted within a few folds. Other specs and tests shop on the same stack, so
  // these products need not be near the top: each section must show the list as it stands.
  await waitUntilCounted(
    page,
    category,
    seen.map((product) => product.name),
  );

  const section = await openTrending(page);
  // Every card links to a product page that exists.
  const links = await section
    .getByTestId('product-card')
    .getByRole('link')
    .evaluateAll((anchors) => anchors.map((a) => a.getAttribute('href') ?? ''));
  expect(links.length).toBeGreaterThan(0);
  for (const href of links) {
    expect(href).toMatch(/^\/p\/[a-z0-9-]+$/);
    const response = await page.request.get(href);
    expect(response.status(), href).toBe(200);
  }
  await showPictures(section);
  const shot = await page.screenshot({
    path: testInfo.outputPath('home-trending.png'),
    fullPage: true,
  });
  await testInfo.attach('home-trending', { body: shot, contentType: 'image/png' });
  await section.screenshot({ path: testInfo.outputPath('trending-section.png') });

  // The department's own list under its listing.
  const popular = await openPopular(page, category);
  await showPictures(popular);
  await popular.screenshot({ path: testInfo.outputPath('popular-section.png') });
});

test('a product page says how many people are looking at it when two shoppers view it', async ({
  page,
  browser,
}, testInfo) => {
  await openHome(page);
  await openCategory(page, PRESENCE_CATEGORY);
  const product = await openProduct(page, 0);

  // A second shopper, in a browser of their own, opens the same product.
  const other = await browser.newContext();
  try {
    await openProductAt(await other.newPage(), product.url);
    const count = await waitForViewers(page, 2);
    expect(count).toBeGreaterThanOrEqual(2);
    await expect(page.getByTestId('viewing-now')).toHaveAttribute('aria-live', 'polite');
    const shot = await page.screenshot({ path: testInfo.outputPath('product-viewers.png') });
    await testInfo.attach('product-viewers', { body: shot, contentType: 'image/png' });
  } finally {
    await other.close();
  }
});
