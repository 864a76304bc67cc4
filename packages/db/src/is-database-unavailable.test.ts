import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './is-database-unavailable';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    [
      'the pool had no free connection in time',
      new Error('timeout exceeded when trying to connect'),
    ],
    [
      'a new connection did not start in time (a busy machine)',
      new Error('Connection terminated due to connection timeout', {
        cause: new Error('Connection terminated unexpectedly'),
      }),
    ],
    ['the server went away', new Error('Connection terminated unexpectedly')],
    ['nothing listens', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    [
      'the server is shutting down',
      withCode('terminating connection due to administrator command', '57P01'),
    ],
    [
      'wrapped by the driver adapter',
      new Error('driver adapter error', {
        cause: new Error('Connection terminated due to connection timeout'),
      }),
    ],
  ])('is true when %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['a syntax error', withCode('syntax error at or near "SELEC"', '42601')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['not an error', 'Connection terminated unexpectedly'],
  ])('is false for %s', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
