import type { LoginBody, RegisterBody, User } from '@shop/domain';
import { callApi, ShopApiError } from './call-api';
import { clearCheckoutDraft } from './checkout-draft';
import { refreshCart } from './load-shopper';
import { emptyCart, getShopper, inSequence, updateShopper } from './shopper-store';

async function signedInAs(user: User): Promise<User> {
  updateShopper({ user });
  // The guest cart was merged into the account's on the server: show the merged cart.
  await refreshCart();
  return user;
}

function login(body: LoginBody): Promise<{ user: User }> {
  return callApi<{ user: User }>('/api/auth/login', { method: 'POST', body, retry: true });
}

/** Signs in; the session's guest cart and guest orders move into the account. */
export function signIn(body: LoginBody): Promise<User> {
  return inSequence(async () => (await login(body)).user).then(signedInAs);
}

/**
 * Creates the account and signs in. If the answer is lost, trying again could meet our own new
 * account (EMAIL_TAKEN): then signing in with the same password finishes the job.
 */
export function register(body: RegisterBody): Promise<User> {
  const create = () =>
    callApi<{ user: User }>('/api/auth/register', { method: 'POST', body }).then((r) => r.user);
  return inSequence(async () => {
    try {
      return await create();
    } catch (error) {
      if (!(error instanceof ShopApiError) || !error.transient) throw error;
      try {
        return await create();
      } catch (again) {
        if (again instanceof ShopApiError && again.code === 'EMAIL_TAKEN') {
          return (await login({ email: body.email, password: body.password })).user;
        }
        throw again;
      }
    }
  }).then(signedInAs);
}

/**
 * Signs out: the session ends, and with it the cart this browser was filling and the checkout
 * details this tab kept (the next person at this screen sees neither).
 */
export function signOut(): Promise<void> {
  return inSequence(async () => {
    await callApi<undefined>('/api/auth/logout', { method: 'POST', retry: true });
    clearCheckoutDraft();
    updateShopper({ user: null, cart: emptyCart(getShopper().cart?.currency), lastOrder: null });
  }).then(async () => {
    await refreshCart();
  });
}
