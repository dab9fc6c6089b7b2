// visibleTextOf reads most elements in one call (their text) and walks the rest node by node;
// both ways must give what a shopper sees.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { visibleTextOf } from '../../../shared/extract/dom.ts';

const element = (html: string): Element => {
  const { document } = parseHTML(`<!doctype html><html><body><div id="x">${html}</div></body></html>`);
  return document.getElementById('x') as unknown as Element;
};

describe('visibleTextOf', () => {
  it('reads inline markup as one text, whitespace collapsed', () => {
    expect(visibleTextOf(element('  <span>Acme</span>\n <b>Kettle</b>  <i>1.5 l</i> '))).toBe('Acme Kettle 1.5 l');
    expect(visibleTextOf(element('<a href="/p"><span>€</span><span>19,99</span></a>'))).toBe('€19,99');
  });

  it('puts a space after block elements', () => {
    expect(visibleTextOf(element('<div>MÖCKELBY</div><div>Table</div>'))).toBe('MÖCKELBY Table');
  });

  it('leaves out what the markup hides', () => {
    expect(visibleTextOf(element('<span class="a-offscreen">$9.99</span><span>$10.99</span>'))).toBe('$10.99');
    expect(visibleTextOf(element('<span style="display: none">old</span><span>new</span>'))).toBe('new');
    expect(visibleTextOf(element('<span hidden>old</span>new<script>var x = 1;</script>'))).toBe('new');
    // Inline styles that hide nothing are kept.
    expect(visibleTextOf(element('<span style="color: red">red</span> text'))).toBe('red text');
  });

  it('reads superscript cents as decimals', () => {
    expect(visibleTextOf(element('173<sup>34</sup> Lei'))).toBe('173,34 Lei');
  });

  it('stops reading long texts near the limit', () => {
    const long = 'word '.repeat(100);
    expect(visibleTextOf(element(`<span>${long}</span>`), 20)).toHaveLength(20);
    expect(visibleTextOf(element(long), 20)).toHaveLength(20);
  });
});
