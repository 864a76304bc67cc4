/** The shop's name, as titles, link previews and the web manifest show it. */
export const SHOP_NAME = 'Shopscale';
/** The front page's title, and every page's without one of its own. */
export const SHOP_TITLE = `${SHOP_NAME} — everyday goods, well made`;
export const SHOP_DESCRIPTION =
  'Kitchenware, home goods, apparel, books and more: a modern shop that is also a working reference for how a web site scales.';

/**
 * What every page's Open Graph says of the shop. Metadata merges shallowly: a page that sets
 * `openGraph` replaces the layout's, so it spreads this in.
 */
export const SHOP_OPEN_GRAPH = { siteName: SHOP_NAME, locale: 'en_US' } as const;
