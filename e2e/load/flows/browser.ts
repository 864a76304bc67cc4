// Browser shoppers for Artillery's Playwright engine: each virtual user is one Chromium context
// that shops for the whole run, journey after journey, picked by the mix's weights, with think
// times between steps. The steps are the functional journeys of e2e/journeys, unchanged, so
// what is measured here is what the specs check.
import type { Page } from '@playwright/test';
import { openCategory, openHome, openProduct } from '../../journeys/browse-catalog';
import {
  addProductToCart,
  changeQuantity,
  checkout,
  login,
  logout,
  openCart,
  openMyOrders,
  openProductInStock,
  register,
} from '../../journeys/shopping';
import { pageType } from '../lib/page-types';
import { refused } from './http';
import { pickJourney, type Journey, type Weights } from '../lib/mixes';

/** What the runner passes every virtual user (config.variables). */
interface Vars {
  weights: Weights;
  thinkSeconds: number;
  /** How long each shopper keeps starting journeys, from its own arrival. */
  durationSeconds: number;
  /** Category and product pages shoppers arrive on from outside (search engines, links). */
  landings: string[];
  $uuid: string;
}

interface Events {
  emit(kind: 'counter' | 'histogram', name: string, value: number): void;
  emit(kind: 'error', message: string): void;
}

interface Test {
  step(name: string, action: () => Promise<unknown>): Promise<void>;
}

/** A pause of about `mean` seconds (half to one and a half times it), as a person reads. */
function think(page: Page, vars: Vars): Promise<void> {
  const ms = vars.thinkSeconds * 1000 * (0.5 + Math.random());
  return page.waitForTimeout(ms);
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)] as T;

/**
 * Browse: most shoppers come in on the home page and click through a department to a product;
 * some land straight on a department or a product from outside. A landing is a full page load,
 * so its web vitals are the page type's; clicks are client-side navigations, timed as steps.
 */
async function browse(page: Page, vars: Vars, test: Test): Promise<void> {
  const landing = Math.random() < 0.5 ? null : pick(vars.landings);
  if (landing === null) {
    await test.step('home', () => openHome(page));
    await think(page, vars);
    await test.step('category', () => openCategory(page, Math.floor(Math.random() * 6)));
  } else {
    await test.step(`land_${pageType(landing)}`, () => land(page, landing));
  }
  if (pageType(page.url()) !== 'product') {
    await think(page, vars);
    await test.step('product', () => openProduct(page, Math.floor(Math.random() * 6)));
  }
  await think(page, vars);
  // Reads on down the page: the key press also ends the page's LCP measurement, which a page
  // left by a full navigation would otherwise never report.
  await page.keyboard.press('PageDown');
}

/** A full navigation to a category or product page, waiting for what a shopper came for. */
async function land(page: Page, path: string): Promise<void> {
  await page.goto(path);
  const type = pageType(path);
  const shown =
    type === 'product'
      ? page.getByTestId('product-name')
      : page.getByTestId('product-card').first();
  await shown.waitFor({ state: 'visible' });
}

/** Buy as a guest: a product into the cart from the home grid, the cart, checkout. */
async function buy(page: Page, vars: Vars, test: Test): Promise<void> {
  await test.step('home', () => openHome(page));
  await think(page, vars);
  await test.step('category', () => openCategory(page, Math.floor(Math.random() * 6)));
  await think(page, vars);
  await test.step('product', () => openProductInStock(page, Math.floor(Math.random() * 4)));
  await test.step('add_to_cart', () => addProductToCart(page));
  await think(page, vars);
  await test.step('cart', () => openCart(page));
  await test.step('change_quantity', () => changeQuantity(page, 0, 2));
  await think(page, vars);
  await test.step('checkout', () =>
    checkout(page, {
      email: `guest-${vars.$uuid}@load.shopscale.test`,
      name: 'Load Shopper',
      line1: '1 Test Lane',
      city: 'Portland',
      region: 'OR',
      postalCode: '97201',
      country: 'US',
    }));
  await think(page, vars);
}

/** Account: register, sign out and in again, look at My orders. */
async function account(page: Page, vars: Vars, test: Test, visit: number): Promise<void> {
  const details = {
    name: 'Load Shopper',
    email: `account-${vars.$uuid}-${visit}@load.shopscale.test`,
    password: 'load-journey-2026',
  };
  await test.step('home', () => openHome(page));
  await think(page, vars);
  await test.step('register', () => register(page, details));
  await test.step('logout', () => logout(page));
  await think(page, vars);
  await test.step('login', () => login(page, details));
  await test.step('my_orders', () => openMyOrders(page));
  await think(page, vars);
  await test.step('logout', () => logout(page));
}

const journeys: Record<
  Journey,
  (page: Page, vars: Vars, test: Test, visit: number) => Promise<void>
> = {
  browse: (page, vars, test) => browse(page, vars, test),
  buy: (page, vars, test) => buy(page, vars, test),
  account,
};

/**
 * One browser shopper: journeys back to back for the run's duration (a closed loop). A journey that
 * fails is counted and the shopper starts the next one in a fresh context state (cookies
 * cleared), as a person would reload and carry on.
 */
export async function shop(page: Page, context: { vars: Vars }, events: Events, test: Test) {
  const { vars } = context;
  // Refused pictures are counted apart: every browser here shares one address, and past 8 first
  // renders at once per address the CDN refuses more (shoppers at their own addresses would
  // not meet that limit together).
  page.on('response', (response) => {
    const picture = new URL(response.url()).pathname.startsWith('/img/');
    const name = picture ? 'shop.refused_pictures' : 'shop.refused_answers';
    events.emit('counter', name, refused(response.status()) ? 1 : 0);
  });
  for (const journey of Object.keys(journeys) as Journey[]) {
    events.emit('counter', `journeys.${journey}.completed`, 0);
    events.emit('counter', `journeys.${journey}.failed`, 0);
  }
  const deadline = Date.now() + Number(vars.durationSeconds) * 1000;
  for (let visit = 1; Date.now() < deadline; visit++) {
    const journey = pickJourney(vars.weights);
    const started = Date.now();
    try {
      await journeys[journey](page, vars, test, visit);
      events.emit('counter', `journeys.${journey}.completed`, 1);
      events.emit('histogram', `journeys.${journey}.duration`, Date.now() - started);
    } catch (error) {
      events.emit('counter', `journeys.${journey}.failed`, 1);
      events.emit('error', `${journey}: ${firstLine(error)}`);
      await page.context().clearCookies();
    }
  }
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // eslint-disable-next-line no-control-regex
  return (message.split('\n')[0] ?? message).replace(/\u001b\[[0-9;]*m/g, '').slice(0, 160);
}

/** Web vitals per page type (home, category, product, ...), not per URL. */
export function $rewriteMetricName(name: string): string {
  const match = /^browser\.page\.(TTFB|FCP|LCP|CLS|INP|FID)\.(.+)$/.exec(name);
  return match ? `browser.page.${match[1]}.${pageType(match[2] ?? '')}` : name;
}
