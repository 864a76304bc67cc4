import { describe, expect, it } from 'vitest';
import type { PostalAddress } from '@shop/domain';
import { formatAddress, formatAddressLine } from './format-address';

const at = (fields: Partial<PostalAddress>): PostalAddress => ({
  name: 'Sam Shopper',
  line1: '1 Market Street',
  city: 'Springfield',
  postalCode: '62704',
  country: 'US',
  ...fields,
});

describe('formatAddress', () => {
  it('writes a US address as "City, ST 12345"', () => {
    expect(formatAddress(at({ region: 'IL' }))).toEqual([
      'Sam Shopper',
      '1 Market Street',
      'Springfield, IL 62704',
      'United States',
    ]);
  });

  it('writes a Canadian address with its province before the postal code', () => {
    const lines = formatAddress(
      at({ city: 'Ottawa', region: 'ON', postalCode: 'K1A 0B1', country: 'CA' }),
    );
    expect(lines[2]).toBe('Ottawa, ON K1A 0B1');
    expect(lines[3]).toBe('Canada');
  });

  it('writes an Australian address without the comma, as Australia Post asks', () => {
    const lines = formatAddress(
      at({ city: 'Sydney', region: 'NSW', postalCode: '2000', country: 'AU' }),
    );
    expect(lines[2]).toBe('Sydney NSW 2000');
  });

  it('puts a British postcode on a line of its own, under the town', () => {
    expect(formatAddress(at({ city: 'London', postalCode: 'SW1A 1AA', country: 'GB' }))).toEqual([
      'Sam Shopper',
      '1 Market Street',
      'London',
      'SW1A 1AA',
      'United Kingdom',
    ]);
  });

  it('puts the postal code before the city in continental Europe', () => {
    expect(formatAddress(at({ city: 'Berlin', postalCode: '10115', country: 'DE' }))[2]).toBe(
      '10115 Berlin',
    );
    expect(formatAddress(at({ city: 'Paris', postalCode: '75001', country: 'fr' }))[2]).toBe(
      '75001 Paris',
    );
  });

  it('writes a Brazilian city with its state, and the CEP below', () => {
    const lines = formatAddress(
      at({ city: 'São Paulo', region: 'SP', postalCode: '01310-100', country: 'BR' }),
    );
    expect(lines.slice(2, 4)).toEqual(['São Paulo - SP', '01310-100']);
  });

  it('writes a Mexican address as postal code, city, then state', () => {
    const lines = formatAddress(
      at({ city: 'Ciudad de México', region: 'CDMX', postalCode: '03100', country: 'MX' }),
    );
    expect(lines[2]).toBe('03100 Ciudad de México, CDMX');
  });

  it('falls back to "City, Region 12345" for countries without a rule of their own', () => {
    expect(formatAddress(at({ city: 'Singapore', postalCode: '018956', country: 'SG' }))[2]).toBe(
      'Singapore 018956',
    );
    expect(
      formatAddress(
        at({ city: 'Chiyoda-ku', region: 'Tokyo', postalCode: '100-0001', country: 'JP' }),
      )[2],
    ).toBe('Chiyoda-ku, Tokyo 100-0001');
  });

  it('leaves out a missing region without stray commas or spaces', () => {
    expect(formatAddress(at({ region: null }))[2]).toBe('Springfield 62704');
    expect(formatAddress(at({ region: '  ', country: 'BR' }))[2]).toBe('Springfield');
  });

  it('names a country the shop does not list by its code', () => {
    expect(formatAddress(at({ country: 'QQ' })).at(-1)).toBe('QQ');
  });

  it('joins the lines for a one-line summary', () => {
    expect(formatAddressLine(at({ region: 'IL' }))).toBe(
      'Sam Shopper, 1 Market Street, Springfield, IL 62704, United States',
    );
  });
});
