import { describe, expect, it } from 'vitest';
import { parseLsn } from './replica-monitor';

describe('parseLsn', () => {
  it('orders WAL positions numerically, not as text', () => {
    expect(parseLsn('0/9')).toBeLessThan(parseLsn('0/10'));
    expect(parseLsn('0/FFFFFFFF')).toBeLessThan(parseLsn('1/0'));
    expect(parseLsn('16/B374D848')).toBe(0x16b374d848n);
  });

  it('refuses what is not a WAL position', () => {
    expect(() => parseLsn('nonsense')).toThrow(/WAL position/);
  });
});
