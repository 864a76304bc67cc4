import { describe, expect, it } from 'vitest';
import { generateProduct, slugify } from './generate-catalog';

describe('generateProduct', () => {
  it('is deterministic per index', () => {
    expect(generateProduct(41)).toEqual(generateProduct(41));
    expect(generateProduct(41)).not.toEqual(generateProduct(42));
  });

  it('makes valid, unique slugs and sane prices and stock', () => {
    const slugs = new Set<string>();
    for (let i = 0; i < 2_000; i++) {
      const p = generateProduct(i);
      expect(p.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(p.priceCents).toBeGreaterThan(0);
      expect(p.stock).toBeGreaterThanOrEqual(0);
      slugs.add(p.slug);
    }
    expect(slugs.size).toBe(2_000);
  });

  it('slugifies names with apostrophes and symbols', () => {
    expect(slugify('Classic Walnut Chef’s Knife')).toBe('classic-walnut-chefs-knife');
    expect(slugify('USB-C Charger & Cable')).toBe('usb-c-charger-cable');
  });
});
