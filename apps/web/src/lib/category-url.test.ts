import { MAX_PAGE, productSorts } from '@shop/domain';
import { describe, expect, it } from 'vitest';
import nextConfig, { LISTING_PAGE, LISTING_SORT } from '../../next.config';
import { parsePage, parseSort } from './category-url';
import { HOME_EDITION } from './home-url';

/** As Next matches a rewrite's `has` value: the whole value. */
const whole = (pattern: string) => new RegExp(`^${pattern}$`);

describe('the listing rewrites (next.config.ts)', () => {
  it('take a sort exactly when parseSort does', () => {
    for (const sort of [...productSorts, 'relevance', 'NEWEST', '', 'newest1', 'xnewest']) {
      expect(whole(LISTING_SORT).test(sort), sort).toBe(parseSort(sort) !== null);
    }
  });

  it('take a page exactly when parsePage does', () => {
    const pages = ['1', '2', '24', '999', '9999', String(MAX_PAGE), String(MAX_PAGE + 1)];
    for (const page of [...pages, '0', '01', '-1', '1.5', '1e3', 'x', '']) {
      expect(whole(LISTING_PAGE).test(page), page).toBe(parsePage(page) !== null);
    }
  });

  it('serve / from the home edition’s route', async () => {
    const rewrites = await nextConfig.rewrites?.();
    const rules = rewrites && !Array.isArray(rewrites) ? rewrites.beforeFiles : rewrites;
    expect(rules).toContainEqual({ source: '/', destination: `/home/${HOME_EDITION}` });
  });
});
