import { addressKey, type PostalAddress, type SavedAddress } from '@shop/domain';
import { callApi } from './call-api';

/** The signed-in shopper's saved addresses, last used first (401 for a guest). */
export async function listSavedAddresses(): Promise<SavedAddress[]> {
  const { items } = await callApi<{ items: SavedAddress[] }>('/api/account/addresses', {
    retry: true,
  });
  return items;
}

/** Removes an address from the book; repeatable, since the second try finds it gone (404). */
export function removeSavedAddress(id: string): Promise<void> {
  return callApi<undefined>(`/api/account/addresses/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    retry: true,
  });
}

/** Whether two addresses are the same one, as the API compares them when it saves one. */
export function sameAddress(a: PostalAddress, b: PostalAddress): boolean {
  return addressKey(a) === addressKey(b);
}
