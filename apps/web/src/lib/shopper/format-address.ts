import type { PostalAddress } from '@shop/domain';
import { countryName } from './shipping-countries';

// How a postal address is written in the country it goes to, line by line (for an order's
// confirmation and the address book). Only the locality lines differ from country to country:
// where the postal code goes, and the state or province.

type Locality = (a: PostalAddress) => string[];

const words = (...parts: (string | null | undefined)[]) =>
  parts.filter((part) => part?.trim()).join(' ');
const commas = (...parts: (string | null | undefined)[]) =>
  parts.filter((part) => part?.trim()).join(', ');

/** "Springfield, IL 62704": North America, India, Japan (in Latin letters), and the default. */
const cityRegionPostal: Locality = (a) => [words(commas(a.city, a.region), a.postalCode)];
/** "Sydney NSW 2000" (Australia Post wants no comma). */
const cityRegionPostalPlain: Locality = (a) => [words(a.city, a.region, a.postalCode)];
/** "10115 Berlin": most of continental Europe and Latin America; a region, if any, after it. */
const postalCity: Locality = (a) => [commas(words(a.postalCode, a.city), a.region)];
/** "London" and the postcode on a line of its own: the United Kingdom and Ireland. */
const cityThenPostal: Locality = (a) => [commas(a.city, a.region), a.postalCode];
/** "São Paulo - SP" and the CEP on a line of its own: Brazil. */
const cityDashRegion: Locality = (a) => [
  a.region?.trim() ? `${a.city} - ${a.region}` : a.city,
  a.postalCode,
];

const POSTAL_CITY = [
  'AR',
  'AT',
  'BE',
  'CH',
  'CL',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HU',
  'IS',
  'IT',
  'LT',
  'LU',
  'MX',
  'NL',
  'NO',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
];

const LOCALITIES: Record<string, Locality> = {
  ...Object.fromEntries(POSTAL_CITY.map((code) => [code, postalCity])),
  AU: cityRegionPostalPlain,
  BR: cityDashRegion,
  GB: cityThenPostal,
  IE: cityThenPostal,
};

/**
 * An address as lines to print, in the order and shape of the destination country: the name,
 * the street, the locality line(s), the country's name. Blank lines are left out.
 */
export function formatAddress(address: PostalAddress): string[] {
  const country = address.country.toUpperCase();
  const locality = LOCALITIES[country] ?? cityRegionPostal;
  return [address.name, address.line1, ...locality(address), countryName(country)]
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The same, on one line ("Sam Shopper, 1 Market Street, Springfield, IL 62704, United States"). */
export function formatAddressLine(address: PostalAddress): string {
  return formatAddress(address).join(', ');
}
