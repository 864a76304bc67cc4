import { describe, expect, it } from 'vitest';
import { readinessOf } from './readiness';

describe('readinessOf', () => {
  it('is ready when everything answers', () => {
    expect(readinessOf({ primary: 'up', replica: 'up', redis: 'up' })).toBe('ready');
  });

  it('is degraded, still serving, while one database or Redis is down', () => {
    expect(readinessOf({ primary: 'up', replica: 'down', redis: 'up' })).toBe('degraded');
    expect(readinessOf({ primary: 'down', replica: 'up', redis: 'up' })).toBe('degraded');
    expect(readinessOf({ primary: 'up', replica: 'up', redis: 'down' })).toBe('degraded');
    expect(readinessOf({ primary: 'up', replica: 'down', redis: 'down' })).toBe('degraded');
  });

  it('is not ready when no database answers', () => {
    expect(readinessOf({ primary: 'down', replica: 'down', redis: 'up' })).toBe('not_ready');
    expect(readinessOf({ primary: 'down', replica: 'down', redis: 'down' })).toBe('not_ready');
  });
});
