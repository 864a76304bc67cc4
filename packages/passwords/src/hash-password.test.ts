import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './hash-password';

describe('passwords', () => {
  it('hashes with argon2id at OWASP parameters and a fresh salt', async () => {
    const first = await hashPassword('correct horse battery');
    const [, algorithm, version, params] = first.split('$');
    expect([algorithm, version]).toEqual(['argon2id', 'v=19']);
    expect(params?.split(',').sort()).toEqual(['m=19456', 'p=1', 't=2']);
    expect(await hashPassword('correct horse battery')).not.toBe(first);
  });

  it('verifies the right password only', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'wrong horse battery')).toBe(false);
  });

  it('says no, after the same work, when there is no account', async () => {
    expect(await verifyPassword(undefined, 'anything at all')).toBe(false);
  });
});
