import { Faker, en } from '@faker-js/faker';

const PALETTES = [
  ['#f4a261', '#e76f51', '#264653'],
  ['#8ecae6', '#219ebc', '#023047'],
  ['#b5e48c', '#52b69a', '#184e77'],
  ['#ffcad4', '#f4acb7', '#9d8189'],
  ['#ffe066', '#f25f5c', '#247ba0'],
  ['#cdb4db', '#a2d2ff', '#3d405b'],
  ['#f6bd60', '#84a59d', '#f28482'],
  ['#d8e2dc', '#ffcad4', '#6d6875'],
] as const;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A product picture drawn as SVG: a soft gradient, a composition of shapes and the product's
 * initial and name, all chosen from the product's own seed, so every product looks distinct
 * and the same product always looks the same. `view` (0, 1, 2) varies the composition.
 * Without `label`, the name is left off (a picture shared by products of one initial).
 */
export function drawProductImage(
  index: number,
  view: number,
  name: string,
  size = 1200,
  label = true,
): string {
  const faker = new Faker({ locale: en, seed: (index + 1) * 7 + view });
  const [light, mid, dark] = faker.helpers.arrayElement(PALETTES);
  const angle = faker.number.int({ min: 0, max: 359 });
  const shapes = Array.from({ length: faker.number.int({ min: 4, max: 7 }) }, () => {
    const x = faker.number.int({ min: 0, max: size });
    const y = faker.number.int({ min: 0, max: size });
    const r = faker.number.int({ min: size / 12, max: size / 3 });
    const fill = faker.helpers.arrayElement([light, mid, dark, '#ffffff']);
    const opacity = faker.number.float({ min: 0.15, max: 0.55, fractionDigits: 2 });
    return faker.datatype.boolean()
      ? `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" opacity="${opacity}"/>`
      : `<rect x="${x - r}" y="${y - r}" width="${r * 2}" height="${r * 1.4}" rx="${r / 3}" fill="${fill}" opacity="${opacity}" transform="rotate(${faker.number.int({ min: -30, max: 30 })} ${x} ${y})"/>`;
  }).join('');
  const initial = escape(name.split(' ').at(-1)?.charAt(0) ?? name.charAt(0));
  const caption = escape(name.length > 34 ? `${name.slice(0, 33)}…` : name);
  const centre = size / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
  <defs>
    <linearGradient id="bg" gradientTransform="rotate(${angle} 0.5 0.5)">
      <stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${mid}"/>
    </linearGradient>
  </defs>
  <rect width="${size}" height="${size}" fill="url(#bg)"/>
  ${shapes}
  <circle cx="${centre}" cy="${centre - size * 0.06}" r="${size * 0.25}" fill="#ffffff" opacity="0.85"/>
  <text x="${centre}" y="${centre + size * 0.03}" font-family="DejaVu Sans, sans-serif" font-weight="bold"
        font-size="${size * 0.26}" text-anchor="middle" fill="${dark}">${initial}</text>
  ${
    label
      ? `<rect x="${size * 0.08}" y="${size * 0.8}" width="${size * 0.84}" height="${size * 0.11}" rx="${size * 0.03}" fill="#ffffff" opacity="0.9"/>
  <text x="${centre}" y="${size * 0.872}" font-family="DejaVu Sans, sans-serif" font-size="${size * 0.045}"
        text-anchor="middle" fill="${dark}">${caption}</text>`
      : ''
  }
</svg>`;
}
