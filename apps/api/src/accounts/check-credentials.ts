import type { Db } from '@shop/db';
import type { User } from '@shop/domain';
import { type Admission, AppError } from '@shop/http';
import { verifyPassword } from '@shop/passwords';
import type { LoginLimits } from './login-limits';
import { toUser } from './to-user';

/**
 * The account whose email and password these are, within the sign-in limits (429 past them)
 * and the hashing slots (503 when they are full); INVALID_CREDENTIALS otherwise, the same answer
 * whether the email exists or not.
 */
export async function checkCredentialsOrThrow(
  deps: { db: Db; loginLimits: LoginLimits; passwordHashing: Admission },
  credentials: { email: string; password: string },
  address: string,
): Promise<User> {
  const attempt = await deps.loginLimits.attempt(credentials.email, address);
  // Checked on the primary: a password just changed must count at once.
  const row = await deps.db.primary.user.findUnique({ where: { email: credentials.email } });
  // An unknown email is checked against a decoy hash, so it costs as long as a wrong password.
  // The limits are checked first, so a refused guess never waits for a hashing slot.
  const matches = await deps.passwordHashing.run(() =>
    verifyPassword(row?.passwordHash, credentials.password),
  );
  if (!row || !matches) {
    throw new AppError('INVALID_CREDENTIALS', 'Email or password is wrong');
  }
  await attempt.succeeded();
  return toUser(row);
}
