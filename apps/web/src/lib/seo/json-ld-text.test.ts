import { describe, expect, it } from 'vitest';
import { jsonLdText } from './json-ld-text';

describe('jsonLdText', () => {
  it('keeps admin-typed text from closing its script element, and the data the same', () => {
    const data = { '@type': 'Product', name: 'Tin box </script><script>alert(1)</script><!--' };
    const text = jsonLdText(data);
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual(data);
  });
});
