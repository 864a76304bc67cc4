import { describe, expect, it } from 'vitest';
import { productListQuery } from './catalog';
import { decimalPrice, formatPrice } from './money';

describe('productListQuery', () => {
  it('fills defaults', () => {
    expect(productListQuery.parse({})).toEqual({
      sort: 'newest',
      page: 1,
      pageSize: 24,
      inStock: false,
    });
  });

  it('takes a price band and the in-stock flag', () => {
    expect(productListQuery.parse({ price: '25-50', inStock: '1' })).toMatchObject({
      price: '25-50',
      inStock: true,
    });
    expect(productListQuery.parse({ inStock: 'false' })).toMatchObject({ inStock: false });
  });

  it.each([
    [{ page: '-1' }, 'page'],
    [{ page: '1.5' }, 'page'],
    [{ pageSize: '10000' }, 'pageSize'],
    [{ pageSize: 'ten' }, 'pageSize'],
    [{ sort: 'bogus' }, 'sort'],
    [{ category: 'Not A Slug!' }, 'category'],
    [{ price: '10-20' }, 'price'],
    [{ price: '' }, 'price'],
    [{ inStock: 'yes' }, 'inStock'],
  ])('rejects %o naming %s', (query, field) => {
    const result = productListQuery.safeParse(query);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toContain(field);
  });
});

describe('formatPrice', () => {
  it('formats minor units', () => {
    expect(formatPrice(1999, 'USD')).toBe('$19.99');
    expect(formatPrice(0, 'EUR', 'de-DE')).toMatch(/0,00\s€/);
  });
});

describe('decimalPrice', () => {
  it('writes minor units as an exact decimal string', () => {
    expect(decimalPrice(1999)).toBe('19.99');
    expect(decimalPrice(5)).toBe('0.05');
    expect(decimalPrice(10_000_000)).toBe('100000.00');
    expect(decimalPrice(-150)).toBe('-1.50');
  });
});

describe('plainText', () => {
  it('trims and refuses control characters', async () => {
    const { plainText } = await import('./text');
    expect(plainText(1, 10).parse('  Ada ')).toBe('Ada');
    expect(plainText(1, 10).safeParse('A\u0000').success).toBe(false);
    expect(plainText(1, 10).safeParse('tab\there').success).toBe(false);
    expect(plainText(1, 10).safeParse('   ').success).toBe(false);
  });
});
