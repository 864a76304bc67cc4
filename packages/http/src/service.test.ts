import { describe, expect, it } from 'vitest';
import { isRedisUnavailable } from './service';

describe('isRedisUnavailable', () => {
  it('tells Redis being away or busy from other errors', () => {
    const busy = new Error('BUSY Redis is busy running a script. You can only call SCRIPT KILL');
    const offline = new Error("Stream isn't writeable and enableOfflineQueue options is false");
    const retries = Object.assign(new Error('Reached the max retries per request limit'), {
      name: 'MaxRetriesPerRequestError',
    });
    const slow = new Error('Command timed out');
    for (const error of [busy, offline, retries, slow])
      expect(isRedisUnavailable(error)).toBe(true);
    expect(isRedisUnavailable(new Error('WRONGTYPE Operation against a key'))).toBe(false);
    expect(isRedisUnavailable('BUSY')).toBe(false);
  });
});
