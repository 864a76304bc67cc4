import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  describe('settings from files (NAME_FILE, as Docker secrets arrive)', () => {
    const folder = mkdtempSync(join(tmpdir(), 'parse-env-'));
    const secret = join(folder, 'database_url');
    writeFileSync(secret, 'postgres://u:from-file@127.0.0.1:5432/shop\n');

    it('reads the setting from the file, without its trailing newline', () => {
      const env = parseEnv(schema, { PORT: '1', DATABASE_URL_FILE: secret });
      expect(env.DATABASE_URL).toBe('postgres://u:from-file@127.0.0.1:5432/shop');
    });

    it('names the setting whose file cannot be read', () => {
      expect(() =>
        parseEnv(schema, { PORT: '1', DATABASE_URL_FILE: join(folder, 'missing') }),
      ).toThrowError(/DATABASE_URL_FILE: cannot read .*missing \(ENOENT\)/);
    });

    it('refuses a setting given both ways', () => {
      expect(() =>
        parseEnv(schema, {
          PORT: '1',
          DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/shop',
          DATABASE_URL_FILE: secret,
        }),
      ).toThrowError(/DATABASE_URL: set either DATABASE_URL or DATABASE_URL_FILE, not both/);
    });

    it('validates what the file holds like any other value', () => {
      const wrong = join(folder, 'wrong');
      writeFileSync(wrong, 'mysql://x@y/z');
      expect(() => parseEnv(schema, { PORT: '1', DATABASE_URL_FILE: wrong })).toThrowError(
        /DATABASE_URL: must be a postgres/,
      );
    });
  });
});
