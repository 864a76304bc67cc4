import argon2 from 'argon2';

// OWASP's argon2id baseline: 19 MiB of memory, 2 iterations, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

// Verified when the email is unknown, so an unknown email costs as long as a wrong password.
let decoy: Promise<string> | undefined;

/** Checks a password against a stored hash, or against a decoy when there is none. */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  decoy ??= hashPassword('decoy password never matches');
  const target = hash ?? (await decoy);
  const ok = await argon2.verify(target, password).catch(() => false);
  return ok && hash !== undefined;
}
