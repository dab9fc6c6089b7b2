// visibleTextOf reads most elements in one call (their text) and walks the rest node by node;
// both ways must give what a shopper sees. absoluteUrl takes a shortcut for links already in
// normal form; it must give what the URL parser gives.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { absoluteUrl, collapseSpaces, visibleTextOf } from '../../../shared/extract/dom.ts';
import { fixturePages, fixtureUrl, HAS_SHARED, readFixture } from '../../shared-fixtures.ts';

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

// collapseSpaces leaves single-spaced text as it is (no new string); whatever the text, the
// result must be that of collapsing every run of whitespace.
describe('collapseSpaces reads as replacing every run of whitespace', () => {
  const collapsed = (text: string) => text.replace(/\s+/g, ' ').trim();

  it.each([
    '',
    ' ',
    'plain words',
    '  leading and trailing  ',
    'two  spaces',
    'tab\there',
    'line\nbreak',
    'no\u00a0break',
    'thin\u2009space',
    'ideographic\u3000space',
    'zero\ufeffwidth',
    '\r\n',
  ])('%j', (text) => {
    expect(collapseSpaces(text)).toBe(collapsed(text));
  });

  it.skipIf(!HAS_SHARED)('on the text of every saved page, line by line', () => {
    let lines = 0;
    for (const page of fixturePages()) {
      for (const line of readFixture(page.file)
        .split(/(?<=\n)/)
        .slice(0, 5000)) {
        expect(collapseSpaces(line)).toBe(collapsed(line));
        lines++;
      }
    }
    expect(lines).toBeGreaterThan(10_000);
  });
});

// absoluteUrl gives links the parser already wrote in normal form back without a URL object;
// whatever the link, the result must be the URL parser's.
describe('absoluteUrl reads as the URL parser', () => {
  const parsed = (href: string, base: string): string | null => {
    try {
      return new URL(href.trim(), base).href;
    } catch {
      return null;
    }
  };
  const base = 'https://www.example.com/shop/list?page=2';

  it.each([
    'https://www.ebay.com/itm/302474151804?hash=item466d&_trkparms=a%3D1%7Cb#frag',
    'https://WWW.EBAY.COM/itm/1',
    'HTTPS://www.ebay.com/itm/1',
    'https://www.ebay.com',
    'https://www.ebay.com:443/itm/1',
    'http://www.ebay.com:80/itm/1',
    'https://user@www.ebay.com/itm/1',
    'https://0x7f.1/x',
    'https://1.2.3.010/x',
    'https://www.ebay.com/a/./b/../c',
    'https://www.ebay.com/a/%2e%2E/c',
    'https://www.ebay.com/a/.%2e',
    "https://www.ebay.com/it's?q=it's",
    'https://www.ebay.com/a b?q=a b#a b',
    'https://www.ebay.com/ä?q=ü',
    'https://www.ebay.com/a%zz%2f?q=%E2%82%AC',
    'https://www.ebay.com/a\\b',
    'https://www.ebay.com/{x}|^`"<>',
    'https://www.ebay.com//double//slashes/',
    'https://www.ebay.com/?q=#f#g',
    '  https://www.ebay.com/padded  ',
    '/relative/path?x=1',
    '../up',
    '//cdn.example.org/image.jpg',
    '?page=3',
    '#top',
    'javascript:void(0)',
    'mailto:shop@example.com',
  ])('%s', (href) => {
    expect(absoluteUrl(href, base)).toBe(parsed(href, base));
  });

  it.skipIf(!HAS_SHARED)('on every link of every saved page', () => {
    let links = 0;
    for (const page of fixturePages()) {
      const html = readFixture(page.file);
      const pageUrl = fixtureUrl(page) ?? base;
      for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) {
        // As the page's parser would hand it over: the few entities shops write in links decoded.
        const value = href!.replaceAll('&amp;', '&');
        expect(absoluteUrl(value, pageUrl), value).toBe(value ? parsed(value, pageUrl) : null);
        links++;
      }
    }
    expect(links).toBeGreaterThan(10_000);
  });
});
