// The seeded admin's session cookie, signed in through the edge like the storefront's admin.
export async function signInAsAdmin(
  edge: string,
  account: { email: string; password: string },
): Promise<string> {
  const response = await fetch(`${edge}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(account),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(';')[0];
  if (!response.ok || !cookie) throw new Error(`admin sign-in failed: ${response.status}`);
  return cookie;
}
