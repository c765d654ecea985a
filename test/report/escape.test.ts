// Escaping: every text from a report or a scenario shows as itself and never becomes markup.

import { describe, expect, it } from 'vitest';
import { Html, html, id, join, text } from '../../src/report/escape.ts';

describe('escaping for the HTML pages', () => {
  it('escapes the five characters that could open markup or close an attribute', () => {
    expect(text(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
    expect(text('&amp;')).toBe('&amp;amp;');
    expect(text(42)).toBe('42');
  });

  it('writes control characters as the JSON escapes a scenario file holds them in, and keeps tabs and line breaks', () => {
    expect(text('a\u0000b\u0007c\u001bd\u007fe\u0085f')).toBe('a\\u0000b\\u0007c\\u001bd\\u007fe\\u0085f');
    expect(text('one\ttwo\nthree\r\nfour\rfive')).toBe('one\ttwo\nthree\nfour\nfive');
    expect(text('\uFFFE \uD800 \uDC00 \uD83D\uDE00')).toBe('\\ufffe \\ud800 \\udc00 \uD83D\uDE00');
  });

  it('escapes every interpolation of the template unless it is markup, and flattens lists', () => {
    const evil = '<script>alert(1)</script>';
    expect(html`<p title="${evil}">${evil}</p>`.markup).toBe('<p title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
    expect(html`<ul>${['<1>', html`<li>2</li>`, null, false, undefined, [3, [4]]]}</ul>`.markup).toBe('<ul>&lt;1&gt;<li>2</li>34</ul>');
    expect(join(['a<', Html.trusted('<br>'), 'b'], ', ').markup).toBe('a&lt;, <br>, b');
  });

  it('makes ids of letters, digits and dashes only', () => {
    expect(id('cx', 3, 'step', 12)).toBe('cx-3-step-12');
    expect(id('Q146791-S1 "<x>"')).toBe('q146791-s1-x');
  });
});
