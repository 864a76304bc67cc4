import { describe, expect, it } from 'vitest';
import { AppError } from '@shop/http';
import { matchesEtag, parseVariantSpecOrThrow, variantEtag } from './variant-spec';

const hash = 'a'.repeat(64);

function fieldOf(params: { hash: string; file: string }): string | undefined {
  try {
    parseVariantSpecOrThrow(params);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION_FAILED');
    return ((error as AppError).details as { fields: { field: string }[] }).fields[0]?.field;
  }
}

describe('parseVariantSpecOrThrow', () => {
  it('reads a width from the allow-list and a known format', () => {
    expect(parseVariantSpecOrThrow({ hash, file: '640.webp' })).toEqual({
      hash,
      width: 640,
      format: 'webp',
    });
    expect(parseVariantSpecOrThrow({ hash, file: '1920.avif' }).width).toBe(1920);
  });

  it('names the hash when it is not 64 lowercase hex digits', () => {
    expect(fieldOf({ hash: 'A'.repeat(64), file: '640.webp' })).toBe('hash');
    expect(fieldOf({ hash: 'a'.repeat(63), file: '640.webp' })).toBe('hash');
    expect(fieldOf({ hash: '../originals', file: '640.webp' })).toBe('hash');
  });

  it('names the width when it is off the allow-list', () => {
    expect(fieldOf({ hash, file: '641.webp' })).toBe('width');
    expect(fieldOf({ hash, file: '0640.webp' })).toBe('width');
    expect(fieldOf({ hash, file: '6.4e2.webp' })).toBe('width');
    expect(fieldOf({ hash, file: 'big.webp' })).toBe('width');
  });

  it('names the format when it is not avif, webp or jpeg', () => {
    expect(fieldOf({ hash, file: '640.png' })).toBe('format');
    expect(fieldOf({ hash, file: '640.jpg' })).toBe('format');
    expect(fieldOf({ hash, file: '640.WEBP' })).toBe('format');
  });

  it('names the file when it has no extension', () => {
    expect(fieldOf({ hash, file: '640' })).toBe('file');
  });
});

describe('matchesEtag', () => {
  const etag = variantEtag({ hash, width: 640, format: 'webp' });
  it('matches the same tag, a weak copy, a list holding it, or *', () => {
    expect(matchesEtag(etag, etag)).toBe(true);
    expect(matchesEtag(`W/${etag}`, etag)).toBe(true);
    expect(matchesEtag(`"x", ${etag}`, etag)).toBe(true);
    expect(matchesEtag('*', etag)).toBe(true);
  });
  it('does not match another tag or no header', () => {
    expect(matchesEtag('"other"', etag)).toBe(false);
    expect(matchesEtag(undefined, etag)).toBe(false);
  });
});
