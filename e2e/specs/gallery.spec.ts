import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import { openCategory, openHome } from '../journeys/browse-catalog';

// The product page's gallery as a shopper uses it: every picture of the product, switched with
// the thumbnails (desktop) or by swiping the strip (phone), opened large, and a picture that
// fails to load leaving its tile rather than a broken-image icon.

/** What the spec reads of `GET /api/products/<slug>` (docs/API.md). */
interface Product {
  slug: string;
  name: string;
  images: { hash: string; alt: string; width: number; height: number }[];
}

const naturalWidth = (img: Locator) => img.evaluate((el: HTMLImageElement) => el.naturalWidth);

/** A product with several pictures, as the API describes it. */
async function productWithPictures(request: APIRequestContext): Promise<Product> {
  for (let page = 1; page <= 10; page++) {
    const listing = await request.get(`/api/products?sort=newest&pageSize=100&page=${page}`);
    expect(listing.ok()).toBe(true);
    const { items } = (await listing.json()) as { items: { slug: string; image: unknown }[] };
    for (const item of items.filter((i) => i.image !== null)) {
      const response = await request.get(`/api/products/${item.slug}`);
      const product = (await response.json()) as Product;
      if (product.images.length >= 2) return product;
    }
  }
  throw new Error('no product with several pictures');
}

/** The picture of the gallery's strip that is in view, horizontally. */
async function pictureInView(page: Page): Promise<number> {
  return page.getByTestId('gallery-strip').evaluate((strip) => {
    const box = strip.getBoundingClientRect();
    const slides = Array.from(strip.children);
    return slides.findIndex((slide) => {
      const r = slide.getBoundingClientRect();
      return Math.abs(r.left - box.left) < 2;
    });
  });
}

test('the gallery shows every picture of the product, one at a time', async ({
  page,
  request,
}, testInfo) => {
  const product = await productWithPictures(request);
  await page.goto(`/p/${product.slug}`);

  const pictures = page.getByTestId('gallery-picture');
  await expect(pictures).toHaveCount(product.images.length);
  const first = pictures.first().locator('img');
  await expect(first).toHaveAttribute('alt', product.images[0]?.alt ?? '');
  await expect(first).toHaveAttribute('loading', 'eager');
  await expect(first).toHaveAttribute('fetchpriority', 'high');

  const phone = testInfo.project.name === 'phone';
  const thumbs = page.getByTestId('gallery-thumb');
  if (phone) {
    // A phone swipes the strip; each picture says where it is in the row.
    await expect(thumbs.first()).toBeHidden();
    await expect(pictures.first()).toContainText(`1 / ${product.images.length}`);
  } else {
    await expect(thumbs).toHaveCount(product.images.length);
    await expect(thumbs.first()).toHaveAttribute('aria-current', 'true');
  }

  for (let index = 0; index < product.images.length; index++) {
    if (index > 0) {
      if (phone) {
        const strip = page.getByTestId('gallery-strip');
        // A swipe to the left, as a finger would: the strip snaps to the next picture.
        await strip.evaluate((el) => el.scrollBy({ left: el.clientWidth * 0.7 }));
      } else {
        await thumbs.nth(index).click();
        await expect(thumbs.nth(index)).toHaveAttribute('aria-current', 'true');
        await expect(thumbs.nth(index - 1)).not.toHaveAttribute('aria-current', 'true');
      }
    }
    await expect.poll(() => pictureInView(page)).toBe(index);
    const img = pictures.nth(index).locator('img');
    await expect(img).toBeInViewport();
    await expect(img).toHaveAttribute('alt', product.images[index]?.alt ?? '');
    await expect.poll(() => naturalWidth(img)).toBeGreaterThan(0);
    // Never a variant wider than the original.
    expect(await naturalWidth(img)).toBeLessThanOrEqual(product.images[index]?.width ?? 0);
  }
  await page.screenshot({ path: testInfo.outputPath('gallery-last-picture.png') });
});

test('the arrow keys switch pictures from the thumbnails', async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name === 'phone', 'thumbnails are for wider screens');
  const product = await productWithPictures(request);
  await page.goto(`/p/${product.slug}`);
  const thumbs = page.getByTestId('gallery-thumb');
  await thumbs.first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(thumbs.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(thumbs.nth(1)).toBeFocused();
  await expect.poll(() => pictureInView(page)).toBe(1);
  await page.keyboard.press('ArrowLeft');
  await expect(thumbs.first()).toHaveAttribute('aria-current', 'true');
  await expect.poll(() => pictureInView(page)).toBe(0);
});

test('a click on the picture opens it larger; Escape closes it', async ({
  page,
  request,
}, testInfo) => {
  const product = await productWithPictures(request);
  await page.goto(`/p/${product.slug}`);
  const main = page.getByTestId('gallery-picture').first().locator('img');
  await expect.poll(() => naturalWidth(main)).toBeGreaterThan(0);
  const zoom = page.getByTestId('gallery-zoom');
  await expect(zoom).toBeHidden();
  // Each picture's link says which picture it enlarges (their alt texts may all be the name).
  const enlargeFirst = page.getByRole('link', {
    name: `Enlarge picture 1 of ${product.images.length}: ${product.images[0]?.alt}`,
  });

  await enlargeFirst.click();
  await expect(zoom).toBeVisible();
  const large = zoom.locator('img');
  await expect(large).toHaveAttribute('alt', product.images[0]?.alt ?? '');
  await expect.poll(() => naturalWidth(large)).toBeGreaterThan(await naturalWidth(main));
  expect(await naturalWidth(large)).toBeLessThanOrEqual(product.images[0]?.width ?? 0);
  await page.screenshot({ path: testInfo.outputPath('gallery-zoom.png') });
  // Opening it is no navigation: the progress bar (which shows after 120 ms) stays away.
  await page.waitForTimeout(400);
  await expect(page.locator('.bprogress .bar')).toHaveCount(0);

  await page.keyboard.press('Escape');
  await expect(zoom).toBeHidden();
  // Focus goes back to the picture that was opened.
  await expect(enlargeFirst).toBeFocused();

  // The close button and a click beside the picture close it too.
  await enlargeFirst.press('Enter');
  await expect(zoom).toBeVisible();
  await zoom.getByRole('button', { name: /close/i }).click();
  await expect(zoom).toBeHidden();
  await enlargeFirst.click();
  await expect(zoom).toBeVisible();
  await page.mouse.click(5, 5);
  await expect(zoom).toBeHidden();
});

test('a picture that fails to load leaves its tile, with no broken-image icon', async ({
  page,
  request,
}, testInfo) => {
  const product = await productWithPictures(request);
  const failing = product.images[0]?.hash ?? '';
  await page.route(`**/img/${failing}/**`, (route) => route.fulfill({ status: 404 }));
  await page.goto(`/p/${product.slug}`);

  const tile = page.getByTestId('gallery-picture').first();
  await expect(tile).toBeVisible();
  // The failed picture is taken away (no img left with its alt text); the tile's initial shows.
  await expect(tile.locator('img')).toHaveCount(0);
  await expect(tile).toContainText(product.name.trim().charAt(0).toUpperCase());
  const background = await tile
    .locator('div')
    .first()
    .evaluate((el) => getComputedStyle(el).backgroundImage);
  expect(background).toContain('gradient');
  // The other pictures still load.
  const second = page.getByTestId('gallery-picture').nth(1).locator('img');
  await second.evaluate((el: HTMLImageElement) => (el.loading = 'eager'));
  await expect.poll(() => naturalWidth(second)).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('gallery-failed-picture.png') });
});

test('a product card whose picture fails to load keeps its tile', async ({ page }) => {
  await page.route(/\/img\/[0-9a-f]{64}\//, (route) => route.fulfill({ status: 404 }));
  await openHome(page);
  await openCategory(page, 2);
  const card = page.getByTestId('product-card').first();
  await expect(card).toBeVisible();
  await expect(card.locator('img')).toHaveCount(0);
});
