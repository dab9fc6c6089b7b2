// Feeds truncated, deeply nested and garbage pages to the extractor: it must answer, never throw.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parsePrice } from '../../../shared/extract/price.ts';
import { extractPage } from '../../../shared/read.ts';

// A small deterministic generator so a failure can be replayed.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const SAMPLE = `<html><head><script type="application/ld+json">{"@type":"Product","name":"Kettle","offers":{"price":"39.90","priceCurrency":"EUR"}}</script>
<meta property="og:type" content="product"></head><body><nav class="breadcrumb"><ol><li><a href="/">Home</a></li><li>Kitchen</li></ol></nav>
<h1 itemprop="name">Kettle</h1><span class="price">39,90 €</span><table><tr><th>Weight</th><td>1 kg</td></tr></table>
<ul><li class="item"><a href="/a">A</a><span class="price">$1</span></li><li class="item"><a href="/b">B</a><span class="price">$2</span></li><li class="item"><a href="/c">C</a><span class="price">$3</span></li></ul></body></html>`;

const URLS = [
  'https://www.amazon.de/dp/B000000000',
  'https://www.ebay.com/itm/1',
  'https://shop.example/p',
  'not a url',
  '',
];

function extractSafely(html: string, url: string): unknown {
  const { document } = parseHTML(html);
  return extractPage(document as unknown as Document, url);
}

describe('fuzz: the extractor never throws', () => {
  const next = random(42);

  it('on every truncation of a real-looking page', () => {
    for (let cut = 0; cut < SAMPLE.length; cut += 7) {
      for (const url of URLS.slice(0, 3)) {
        const result = extractSafely(SAMPLE.slice(0, cut), url) as { page: string };
        expect(['product', 'listing', 'other']).toContain(result.page);
      }
    }
  });

  it('on deeply nested markup', () => {
    const depth = 5000;
    const html = `${'<div class="price">'.repeat(depth)}$12.00<h1>Deep</h1>${'</div>'.repeat(depth)}`;
    expect(() => extractSafely(html, 'https://shop.example/')).not.toThrow();
    const lists = `<ul>${'<li><ul>'.repeat(2000)}<li>Weight: 1 kg</li>${'</ul></li>'.repeat(2000)}</ul>`;
    expect(() => extractSafely(lists, 'https://shop.example/')).not.toThrow();
  });

  it('on random garbage, tag soup and hostile JSON-LD', () => {
    const pieces = [
      '<div>',
      '</div>',
      '<h1>',
      '<span class="price">',
      '€',
      '$',
      '1.234,56',
      '<script type="application/ld+json">',
      '{"@type":',
      '"Product"',
      '[',
      ']',
      '}',
      '</script>',
      '<table><tr><th>',
      'Material',
      '<li>',
      '&amp;',
      '\u0000',
      '\ufffd',
      '<<>>',
      '<!--',
      '<meta property="og:price:amount" content="x">',
    ];
    for (let round = 0; round < 300; round++) {
      let html = '';
      const length = Math.floor(next() * 200);
      for (let i = 0; i < length; i++) html += pieces[Math.floor(next() * pieces.length)];
      for (const url of URLS) expect(() => extractSafely(html, url)).not.toThrow();
    }
    const hostile = `<script type="application/ld+json">${'['.repeat(10000)}${']'.repeat(10000)}</script><script type="application/ld+json">{"@type":"Product","name":{"name":{"name":{"name":{"name":{}}}}},"offers":{"offers":{"offers":{"offers":{}}}}}</script>`;
    expect(() => extractSafely(hostile, 'https://shop.example/')).not.toThrow();
  });

  it('on a document-like object missing parts, and on long price strings', () => {
    expect(extractPage({} as Document, 'https://shop.example/')).toEqual({ page: 'other', products: [] });
    expect(extractPage(null as unknown as Document, 'https://shop.example/')).toEqual({ page: 'other', products: [] });
    const start = performance.now();
    parsePrice(`${'1,'.repeat(50000)}€ ${'9 '.repeat(50000)}`);
    parsePrice(`${'US$'.repeat(20000)}`);
    // No catastrophic backtracking: long inputs stay fast.
    expect(performance.now() - start).toBeLessThan(500);
  });
});
