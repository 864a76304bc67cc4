// How the integration tests reach the shop: through the edge, as admin or as many clients.
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import sharp from 'sharp';
import { expect } from 'vitest';
import { env } from './env';

/** A session cookie for an account, signed in through the API. */
export async function signIn(email: string, password: string): Promise<string> {
  const response = await fetch(`${env.PUBLIC_URL}/api/auth/login`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `192.0.2.${Math.floor(Math.random() * 250) + 1}`,
    },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!cookie) throw new Error('no session cookie');
  return cookie;
}

export const signInAsAdmin = () => signIn('admin@shopscale.test', 'admin-catalog-2026');

/** A distinct picture each call: a gradient with random colours, as PNG. */
export async function picture(width = 800, height = 600): Promise<Buffer> {
  const [r, g, b] = [...randomBytes(3)];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="rgb(${r},${g},${b})"/><stop offset="1" stop-color="#fff"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 2}" cy="${height / 2}" r="${height / 4}" fill="rgb(${b},${r},${g})"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** A distinct photo-like JPEG each call (blurred noise): slow to render, as camera pictures are. */
export async function photo(width = 1600, height = 1200): Promise<Buffer> {
  const [w, h] = [width / 4, height / 4];
  return sharp(randomBytes(w * h * 3), { raw: { width: w, height: h, channels: 3 } })
    .resize(width, height)
    .blur(2)
    .jpeg({ quality: 88 })
    .toBuffer();
}

export const upload = (cookie: string | undefined, body: Buffer, type = 'image/png') =>
  fetch(`${env.PUBLIC_URL}/img`, {
    method: 'POST',
    headers: { 'content-type': type, ...(cookie ? { cookie } : {}) },
    body,
  });

/** Uploads as `cookie` and returns the original's hash. */
export async function uploadOrThrow(cookie: string, body: Buffer, type = 'image/jpeg') {
  const response = await upload(cookie, body, type);
  if (!response.ok) throw new Error(`upload failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { hash: string }).hash;
}

/**
 * The i-th client address: the edge limits each address, so tests that play many clients send
 * from many loopback addresses (all of 127.0.0.0/8 is the loopback interface on Linux).
 */
export const clientAddress = (i: number) => `127.77.${Math.floor(i / 250)}.${(i % 250) + 1}`;

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request on its own connection from `localAddress`. */
export function requestFrom(
  url: string,
  localAddress: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, localAddress, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}
