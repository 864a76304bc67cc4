// A photo-like original for image benchmarks: noise over a gradient, as JPEG, different every call.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

export async function photoOriginal(width = 1600, height = 1200): Promise<Buffer> {
  const noise = randomBytes((width / 4) * (height / 4) * 3);
  const [r, g, b] = [...randomBytes(3)];
  const base = sharp({
    create: { width, height, channels: 3, background: { r: r ?? 0, g: g ?? 0, b: b ?? 0 } },
  });
  const texture = await sharp(noise, { raw: { width: width / 4, height: height / 4, channels: 3 } })
    .resize(width, height)
    .blur(3)
    .png()
    .toBuffer();
  return base
    .composite([{ input: texture, blend: 'overlay' }])
    .jpeg({ quality: 88 })
    .toBuffer();
}
