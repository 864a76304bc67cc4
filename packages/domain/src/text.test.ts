import { describe, expect, it } from 'vitest';
import { escapeMarkup } from './text';

describe('escapeMarkup', () => {
  it('escapes the five characters HTML and XML give meaning to, and nothing else', () => {
    expect(escapeMarkup(`<a href="x">'&'</a> café`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt; café',
    );
  });
});
