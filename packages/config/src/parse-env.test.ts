import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { EnvError, parseEnv, port, postgresUrl } from './index';

const schema = z.object({ PORT: port(), DATABASE_URL: postgresUrl() });

describe('parseEnv', () => {
  it('returns typed settings when every variable is valid', () => {
    const env = parseEnv(schema, {
      PORT: '4111',
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/shop',
    });
    expect(env.PORT).toBe(4111);
  });

  it('names the missing variable', () => {
    expect(() => parseEnv(schema, { PORT: '1' })).toThrowError(/DATABASE_URL is required/);
  });

  it('treats an empty string as unset and names a malformed port', () => {
    try {
      parseEnv(schema, { PORT: 'eighty', DATABASE_URL: '' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const problems = (error as EnvError).problems.join('\n');
      expect(problems).toMatch(/^PORT:/m);
      expect(problems).toMatch(/DATABASE_URL is required/);
    }
  });

  it('rejects a URL of the wrong kind', () => {
    expect(() => parseEnv(schema, { PORT: '1', DATABASE_URL: 'mysql://x@y/z' })).toThrowError(
      /DATABASE_URL: must be a postgres/,
    );
  });
});
