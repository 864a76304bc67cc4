// Artillery scripts for one run: the browser side (Playwright engine, flows/browser.ts) and the
// protocol side (HTTP engine, flows/http.ts), written as JSON next to the run's report.
import { join } from 'node:path';
import { journeyNames, type Journey, type Weights } from './mixes';
import type { Catalog } from './shop-catalog';

export interface ScriptSettings {
  target: string;
  weights: Weights;
  durationSeconds: number;
  thinkSeconds: number;
  /** Debian's Chromium locally; undefined where the runner brings its own (Fargate). */
  chromiumPath: string | undefined;
  /** Processor paths relative to the script (scripts kept in e2e/load/scripts), else absolute. */
  relativeProcessors: boolean;
  /** `/c/…` and `/p/…` paths browser shoppers land on from outside. */
  landings: string[];
  /** CSV (beside the script) of `slug,id` of products in stock, for the protocol side. */
  productsCsv: string;
  categories: string[];
  /** How long a browser step may wait for what it expects (Playwright's default 5 s is short under load). */
  expectTimeoutMs: number;
}

/**
 * The settings for a run on `catalog`'s shop. Portable scripts (Fargate) reference the flows
 * relative to themselves and bring no Chromium; local ones use Debian's through bin/chromium (at
 * the shop's priority, not above it).
 */
export function scriptSettings(
  target: string,
  catalog: Catalog,
  run: Pick<ScriptSettings, 'weights' | 'durationSeconds' | 'thinkSeconds' | 'expectTimeoutMs'>,
  portable = false,
): ScriptSettings {
  return {
    ...run,
    target,
    chromiumPath: portable ? undefined : join(import.meta.dirname, '..', 'bin', 'chromium'),
    relativeProcessors: portable,
    landings: catalog.landings,
    productsCsv: 'products.csv',
    categories: catalog.categories,
  };
}

/** The flows, absolute: the scripts are written to the run's folder. */
const processorPath = (settings: ScriptSettings, name: string) =>
  settings.relativeProcessors
    ? `../flows/${name}.ts`
    : join(import.meta.dirname, '..', 'flows', `${name}.ts`);

/**
 * Artillery's `ensure` checks: a run fails when a journey failed, or when more than
 * `maxErrorRate` of the requests were refused (5xx, 429; flows/http.ts counts them).
 */
function ensure(kind: 'browser' | 'http', maxErrorRate: number) {
  const failed = journeyNames.map((j) => `journeys.${j}.failed`).join(' + ');
  const requests = kind === 'browser' ? 'browser.http_requests' : 'http.requests';
  return {
    conditions: [
      { expression: `(${failed}) == 0`, strict: true },
      { expression: `shop.refused_answers <= ${requests} * ${maxErrorRate}`, strict: true },
      // A shopper whose request got no answer at all (a timeout) stops there: Artillery ends
      // the virtual user, and its journey never reaches its end to be counted.
      { expression: 'vusers.failed == 0', strict: true },
    ],
  };
}

/** Ramp: shoppers arrive over a few seconds, not all in the same instant. */
const rampSeconds = (count: number) => Math.max(1, Math.min(10, Math.ceil(count / 2)));

/**
 * `rate` arrivals a second as an Artillery phase. Artillery shares an `arrivalRate` among its
 * workers in whole arrivals (a fraction fails its own check), so a fractional rate becomes the
 * same number of arrivals spread evenly over the phase (`arrivalCount`, run by one worker).
 */
function arrivals(rate: number, durationSeconds: number) {
  return Number.isInteger(rate)
    ? { arrivalRate: rate }
    : { arrivalCount: Math.max(1, Math.round(rate * durationSeconds)) };
}

export function browserScript(settings: ScriptSettings, browsers: number, maxErrorRate: number) {
  return {
    config: {
      target: settings.target,
      phases: [{ name: 'browsers', duration: rampSeconds(browsers), arrivalCount: browsers }],
      engines: {
        playwright: {
          launchOptions: {
            ...(settings.chromiumPath ? { executablePath: settings.chromiumPath } : {}),
            args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
          },
          defaultNavigationTimeout: 30,
          defaultTimeout: settings.expectTimeoutMs / 1000,
        },
      },
      processor: processorPath(settings, 'browser'),
      variables: {
        weights: [settings.weights],
        thinkSeconds: [settings.thinkSeconds],
        durationSeconds: [settings.durationSeconds],
        landings: [settings.landings],
      },
      plugins: { ensure: {} },
      ensure: ensure('browser', maxErrorRate),
    },
    scenarios: [{ name: 'browser shopper', engine: 'playwright', testFunction: 'shop' }],
  };
}

/**
 * A page as a browser asks for it: the document, the pictures its first screen shows (found in
 * the document by flows/http.ts's notePictures), then the header's account and cart.
 */
function page(name: string, url: string) {
  return [
    { get: { url, name: `page ${name}`, afterResponse: 'notePictures' } },
    { loop: [{ get: { url: '/img/{{ $loopElement }}', name: 'image' } }], over: 'pictures' },
    { get: { url: '/api/session', name: 'api session' } },
    { get: { url: '/api/cart', name: 'api cart' } },
  ];
}
const think = (seconds: number) => ({ think: seconds });

/** Names of the requests that make the API record a shopper event (chaos kill-worker counts them). */
export const eventRequests = { view: 'api event view', addToCart: 'api add to cart' } as const;

const view = {
  post: {
    url: '/api/events',
    name: eventRequests.view,
    json: { kind: 'view', productId: '{{ id }}' },
  },
};

/** The three journeys, request by request (what the browser side's journeys ask the shop for). */
function journeyFlow(journey: Journey, thinkSeconds: number): unknown[] {
  const t = think(thinkSeconds);
  switch (journey) {
    case 'browse':
      return [
        ...page('home', '/'),
        t,
        ...page('category', '/c/{{ category }}'),
        t,
        ...page('product', '/p/{{ slug }}'),
        view,
        t,
      ];
    case 'buy':
      return [
        ...page('home', '/'),
        t,
        ...page('product', '/p/{{ slug }}'),
        view,
        {
          post: {
            url: '/api/cart/items',
            name: eventRequests.addToCart,
            json: { productId: '{{ id }}', quantity: 1 },
          },
        },
        t,
        ...page('cart', '/cart'),
        t,
        ...page('checkout', '/checkout'),
        {
          post: {
            url: '/api/orders',
            name: 'api place order',
            headers: { 'idempotency-key': '{{ idempotencyKey }}' },
            json: {
              email: '{{ email }}',
              shippingAddress: {
                name: 'Load Shopper',
                line1: '1 Test Lane',
                city: 'Portland',
                region: 'OR',
                postalCode: '97201',
                country: 'US',
              },
            },
            capture: { json: '$.order.id', as: 'orderId' },
          },
        },
        ...page('order', '/orders/{{ orderId }}'),
        t,
      ];
    case 'account':
      return [
        ...page('home', '/'),
        t,
        {
          post: {
            url: '/api/auth/register',
            name: 'api register',
            json: { name: 'Load Shopper', email: '{{ email }}', password: 'load-journey-2026' },
          },
        },
        { post: { url: '/api/auth/logout', name: 'api logout' } },
        t,
        {
          post: {
            url: '/api/auth/login',
            name: 'api login',
            json: { email: '{{ email }}', password: 'load-journey-2026' },
          },
        },
        ...page('my orders', '/orders'),
        { get: { url: '/api/orders', name: 'api my orders' } },
        t,
        { post: { url: '/api/auth/logout', name: 'api logout' } },
      ];
  }
}

/**
 * The protocol side: `users` closed-loop shoppers (journey after journey for the duration) and
 * `rate` open-loop arrivals a second (one journey each), both following the mix's weights.
 */
export function httpScript(
  settings: ScriptSettings,
  users: number,
  rate: number,
  maxErrorRate: number,
) {
  const phases = [];
  if (users > 0) phases.push({ name: 'users', duration: rampSeconds(users), arrivalCount: users });
  if (rate > 0)
    phases.push({
      name: 'arrivals',
      duration: settings.durationSeconds,
      ...arrivals(rate, settings.durationSeconds),
    });
  const scenarios = journeyNames.flatMap((journey) => {
    const start = `start${journey[0]?.toUpperCase()}${journey.slice(1)}`;
    const steps = [
      { function: start },
      ...journeyFlow(journey, settings.thinkSeconds),
      { function: 'endJourney' },
    ];
    const shoppers = [];
    if (users > 0) {
      const loop = { loop: steps, whileTrue: 'stillShopping' };
      shoppers.push({ name: `${journey} (user)`, flow: [loop] });
    }
    if (rate > 0) shoppers.push({ name: `${journey} (arrival)`, flow: steps });
    return shoppers.map((scenario) => ({
      ...scenario,
      weight: settings.weights[journey],
      beforeScenario: 'newShopper',
      beforeRequest: 'asShopper',
      afterResponse: 'checkAnswer',
    }));
  });
  return {
    config: {
      target: settings.target,
      phases,
      http: { timeout: 30 },
      processor: processorPath(settings, 'http'),
      payload: {
        path: settings.productsCsv,
        fields: ['slug', 'id'],
        order: 'random',
        skipHeader: true,
      },
      variables: { durationSeconds: [settings.durationSeconds], category: settings.categories },
      plugins: { ensure: {}, 'metrics-by-endpoint': { useOnlyRequestNames: true } },
      ensure: ensure('http', maxErrorRate),
    },
    scenarios,
  };
}
