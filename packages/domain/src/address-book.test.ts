import { describe, expect, it } from 'vitest';
import { addressKey } from './address-book';

const home = {
  name: 'Sam Shopper',
  line1: '1 Market Street',
  city: 'London',
  postalCode: 'SW1A 1AA',
  country: 'GB',
};

describe('addressKey', () => {
  it('takes letter case, extra spaces and the postal code’s spacing for the same address', () => {
    expect(
      addressKey({
        ...home,
        name: ' sam  SHOPPER ',
        line1: '1 market   street',
        postalCode: 'sw1a1aa',
        country: 'gb',
      }),
    ).toBe(addressKey(home));
  });

  it('tells addresses apart by any field, the region and the recipient included', () => {
    expect(addressKey({ ...home, line1: '2 Market Street' })).not.toBe(addressKey(home));
    expect(addressKey({ ...home, name: 'Alex Shopper' })).not.toBe(addressKey(home));
    expect(addressKey({ ...home, region: 'Greater London' })).not.toBe(addressKey(home));
  });

  it('takes a missing region, null and blank alike', () => {
    expect(addressKey({ ...home, region: null })).toBe(addressKey(home));
    expect(addressKey({ ...home, region: ' ' })).toBe(addressKey({ ...home, region: undefined }));
  });
});
