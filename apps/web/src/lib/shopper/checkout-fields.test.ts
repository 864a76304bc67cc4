import { describe, expect, it } from 'vitest';
import { checkCheckout, checkoutFieldOf, type CheckoutValues } from './checkout-fields';

const values = (fields: Partial<CheckoutValues>): CheckoutValues => ({
  email: 'sam@example.test',
  country: 'US',
  name: 'Sam Shopper',
  line1: '1 Market Street',
  city: 'Springfield',
  region: '',
  postalCode: '62704',
  ...fields,
});

describe('checkCheckout', () => {
  it('asks for the state of a US address, by that name', () => {
    const check = checkCheckout(values({}), true);
    expect(check).toEqual({ ok: false, errors: { region: 'Enter the state' } });
  });

  it('names the region as the country calls it', () => {
    const check = checkCheckout(values({ country: 'JP' }), true);
    expect(check.ok ? {} : check.errors).toEqual({ region: 'Enter the prefecture' });
  });

  it('sends the region where the country needs one, with the save choice', () => {
    const check = checkCheckout(values({ region: 'IL' }), false);
    expect(check.ok && check.body).toMatchObject({
      shippingAddress: { region: 'IL', country: 'US' },
      saveAddress: false,
    });
  });

  it('leaves out a region typed for another country before switching to one without', () => {
    const check = checkCheckout(
      values({ country: 'GB', region: 'IL', postalCode: 'SW1A 1AA' }),
      true,
    );
    expect(check.ok).toBe(true);
    expect(check.ok && check.body.shippingAddress).not.toHaveProperty('region');
  });
});

describe('checkoutFieldOf', () => {
  it('maps the API’s field names onto the form’s', () => {
    expect(checkoutFieldOf('shippingAddress.region')).toBe('region');
    expect(checkoutFieldOf('email')).toBe('email');
    expect(checkoutFieldOf('saveAddress')).toBeNull();
  });
});
