import { Prisma, type Db } from '@shop/db';
import type { RegisterBody, User } from '@shop/domain';
import { type Admission, AppError } from '@shop/http';
import { hashPassword } from '@shop/passwords';
import type { RegistrationLimit } from './registration-limit';
import { toUser } from './to-user';

/** Creates a customer account (argon2id hash); EMAIL_TAKEN when the email has one already. */
export async function registerAccount(
  deps: { db: Db; registrationLimit: RegistrationLimit; passwordHashing: Admission },
  body: RegisterBody,
  address: string,
): Promise<User> {
  await deps.registrationLimit.take(address);
  const passwordHash = await deps.passwordHashing.run(() => hashPassword(body.password));
  try {
    const row = await deps.db.primary.user.create({
      data: { email: body.email, name: body.name, passwordHash },
    });
    return toUser(row);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('EMAIL_TAKEN', 'An account with this email exists', { field: 'email' });
    }
    throw error;
  }
}
