import { z } from 'zod';
import { plainText } from './text';

export const roles = ['customer', 'admin'] as const;
export type Role = (typeof roles)[number];

export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ error: 'must be an email address' }))
  .transform((value) => value.toLowerCase());

/** At least 8 characters (docs/API.md); at most 128 so hashing cost stays bounded. */
export const password = z.string().min(8).max(128);

export const registerBody = z.object({
  email,
  password,
  name: plainText(1, 120),
});
export type RegisterBody = z.infer<typeof registerBody>;

export const loginBody = z.object({ email, password: z.string().min(1).max(128) });
export type LoginBody = z.infer<typeof loginBody>;

export const user = z
  .object({ id: z.string(), email: z.string(), name: z.string(), role: z.enum(roles) })
  .meta({ id: 'User' });
export type User = z.infer<typeof user>;

export const userEnvelope = z.object({ user });

/** Who is shopping: the signed-in user, or null for a guest (`GET /api/session`). */
export const sessionEnvelope = z.object({ user: user.nullable() });
export type SessionEnvelope = z.infer<typeof sessionEnvelope>;
