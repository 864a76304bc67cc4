import { describe, expect, it } from 'vitest';
import { placeOrderBody } from './orders';

const body = (address: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  email: 'sam@example.test',
  shippingAddress: {
    name: 'Sam Shopper',
    line1: '1 Market Street',
    city: 'Springfield',
    postalCode: '62704',
    country: 'US',
    ...address,
  },
  ...extra,
});

const problems = (input: unknown) => {
  const parsed = placeOrderBody.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => issue.path.join('.'));
};

describe('placeOrderBody', () => {
  it('refuses a US address without a state, naming shippingAddress.region', () => {
    expect(problems(body({}))).toEqual(['shippingAddress.region']);
    expect(problems(body({ region: '   ' }))).toEqual(['shippingAddress.region']);
    expect(problems(body({ country: 'jp' }))).toEqual(['shippingAddress.region']);
  });

  it('names a missing region together with the other wrong fields', () => {
    expect(new Set(problems(body({ city: '', postalCode: '!' })))).toEqual(
      new Set(['shippingAddress.city', 'shippingAddress.postalCode', 'shippingAddress.region']),
    );
  });

  it('needs no region where the country does not, and drops a blank one', () => {
    const parsed = placeOrderBody.parse(body({ country: 'gb', region: ' ' }));
    expect(parsed.shippingAddress.region).toBeUndefined();
    expect(parsed.shippingAddress.country).toBe('GB');
  });

  it('keeps a region, trimmed, and saves the address unless told not to', () => {
    const parsed = placeOrderBody.parse(body({ region: ' IL ' }));
    expect(parsed.shippingAddress.region).toBe('IL');
    expect(parsed.saveAddress).toBe(true);
    expect(placeOrderBody.parse(body({ region: 'IL' }, { saveAddress: false })).saveAddress).toBe(
      false,
    );
  });

  it('refuses a region longer than 120 characters or with control characters', () => {
    expect(problems(body({ region: 'x'.repeat(121) }))).toEqual(['shippingAddress.region']);
    expect(problems(body({ region: 'I\u0000L' }))).toEqual(['shippingAddress.region']);
  });
});
