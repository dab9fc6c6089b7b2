// Feeds truncated, deeply nested, garbage and hostile pages to the extractor. It catches its own
// errors, so "does not throw" proves little: every answer is checked for what a shop page could
// smuggle through it — markup or script in the texts, numbers that are not finite, links that run
// code, unbounded sizes, keys that are not the product model's, and a polluted Object prototype.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { parsePrice } from '../../../shared/extract/price.ts';
import type { PageExtraction } from '../../../shared/product.ts';
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

/** Every key the product model has (shared/product.ts); anything else came from the page. */
const PRODUCT_KEYS = new Set([
  'title',
  'price',
  'brand',
  'category',
  'gtin',
  'sku',
  'url',
  'availability',
  'image',
  'materials',
  'weightKg',
  'dimensionsCm',
  'energyClass',
  'condition',
  'country',
  'sponsored',
  'placeholder',
]);
const MARKUP = /<\/?[a-z!?][^>]*>|<script/i;
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this finds
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
const MAX_TEXT = 2000;
/** A listing is read in bounded groups: thousands of items on a page give at most this many. */
const MAX_ITEMS = 1000;

/** The problems with one reading; empty when it holds to the product model and its bounds. */
function problemsOf(result: PageExtraction): string[] {
  const problems: string[] = [];
  const text = (where: string, value: unknown, max = MAX_TEXT) => {
    if (typeof value !== 'string') problems.push(`${where} is ${typeof value}, not text`);
    else if (MARKUP.test(value)) problems.push(`${where} carries markup or script: ${value.slice(0, 80)}`);
    else if (CONTROL.test(value)) problems.push(`${where} carries a control character`);
    else if (value.length > max) problems.push(`${where} is ${value.length} characters long`);
  };
  const finite = (where: string, value: unknown) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
      problems.push(`${where} is ${String(value)}, not a finite number ≥ 0`);
  };
  const link = (where: string, value: unknown) => {
    if (value === '' || value === null || value === undefined) return;
    text(where, value);
    if (typeof value === 'string' && !/^https?:\/\/[^\s<>"]+$/i.test(value))
      problems.push(`${where} is no web address: ${value.slice(0, 80)}`);
  };
  if (!['product', 'listing', 'other'].includes(result.page)) problems.push(`page is ${String(result.page)}`);
  if (!Array.isArray(result.products)) return [...problems, 'products is no list'];
  if (result.products.length > MAX_ITEMS) problems.push(`${result.products.length} products`);
  if (result.page === 'other' && result.products.length) problems.push('products on a page that is neither');
  result.products.forEach((product, i) => {
    const at = `products[${i}]`;
    if (Object.getPrototypeOf(product) !== Object.prototype) problems.push(`${at} is no plain object`);
    for (const key of Reflect.ownKeys(product))
      if (!PRODUCT_KEYS.has(String(key))) problems.push(`${at} has a key the model does not: ${String(key)}`);
    text(`${at}.title`, product.title, 500);
    if (!product.title.trim()) problems.push(`${at}.title is empty`);
    if (product.brand !== null) text(`${at}.brand`, product.brand, 200);
    if (!Array.isArray(product.category) || product.category.length > 20) problems.push(`${at}.category`);
    else for (const [j, c] of product.category.entries()) text(`${at}.category[${j}]`, c, 200);
    for (const [j, m] of (product.materials ?? []).entries()) text(`${at}.materials[${j}]`, m, 200);
    if (product.price !== null) {
      if (Object.getPrototypeOf(product.price) !== Object.prototype) problems.push(`${at}.price is no plain object`);
      finite(`${at}.price.amount`, product.price.amount);
      if (!/^[A-Z]{3}$/.test(product.price.currency))
        problems.push(`${at}.price.currency is ${product.price.currency}`);
    }
    if (product.gtin !== null && !/^\d{8,14}$/.test(product.gtin)) problems.push(`${at}.gtin is ${product.gtin}`);
    if (product.weightKg != null) finite(`${at}.weightKg`, product.weightKg);
    for (const [j, d] of (product.dimensionsCm ?? []).entries()) finite(`${at}.dimensionsCm[${j}]`, d);
    link(`${at}.url`, product.url);
    link(`${at}.image`, product.image);
  });
  if (JSON.stringify(result).length > 1_000_000) problems.push('the reading is over 1 MB as JSON');
  return problems;
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** Reads a page and checks the answer; the prototype every object shares must come out as it went in. */
function extractSafely(html: string, url: string): PageExtraction {
  const { document } = parseHTML(html);
  const result = extractPage(document as unknown as Document, url);
  expect(problemsOf(result), `${url}: ${html.slice(0, 200)}`).toEqual([]);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return result;
}

// Whole pages read many times over: on a shared two-core machine these take seconds.
describe('fuzz: the extractor answers within the product model', { timeout: 60_000 }, () => {
  const next = random(42);

  it('on every truncation of a real-looking page', () => {
    for (let cut = 0; cut < SAMPLE.length; cut += 7) {
      for (const url of URLS.slice(0, 3)) {
        extractSafely(SAMPLE.slice(0, cut), url);
      }
    }
  });

  it('on deeply nested markup', () => {
    const depth = 5000;
    const html = `${'<div class="price">'.repeat(depth)}$12.00<h1>Deep</h1>${'</div>'.repeat(depth)}`;
    extractSafely(html, 'https://shop.example/');
    const lists = `<ul>${'<li><ul>'.repeat(2000)}<li>Weight: 1 kg</li>${'</ul></li>'.repeat(2000)}</ul>`;
    extractSafely(lists, 'https://shop.example/');
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
      for (const url of URLS) extractSafely(html, url);
    }
    const hostile = `<script type="application/ld+json">${'['.repeat(10000)}${']'.repeat(10000)}</script><script type="application/ld+json">{"@type":"Product","name":{"name":{"name":{"name":{"name":{}}}}},"offers":{"offers":{"offers":{"offers":{}}}}}</script>`;
    extractSafely(hostile, 'https://shop.example/');
  });

  it('on hostile pages: what they smuggle in does not come out', () => {
    const jsonLd = (node: unknown) => `<script type="application/ld+json">${JSON.stringify(node)}</script>`;
    const product = (fields: Record<string, unknown>) =>
      `<html><head>${jsonLd({ '@context': 'https://schema.org', '@type': 'Product', ...fields })}</head><body><h1>Kettle</h1></body></html>`;
    const pages: Record<string, string> = {
      'script and markup in names': product({
        name: 'Kettle <script>alert(1)</script><img src=x onerror=alert(1)>',
        brand: { '@type': 'Brand', name: '<b onclick="alert(1)">Acme</b>' },
        category: 'Kitchen > <iframe src="javascript:alert(1)">',
        offers: { '@type': 'Offer', price: '39.90', priceCurrency: 'EUR' },
      }),
      'markup as visible text': `<html><body><h1>&lt;script&gt;alert(1)&lt;/script&gt; Kettle</h1><span class="price">39,90 €</span></body></html>`,
      'links that run code': `${product({
        name: 'Kettle',
        url: 'javascript:alert(1)',
        image: 'javascript:alert(2)',
        offers: { '@type': 'Offer', price: '39.90', priceCurrency: 'EUR' },
      })}<link rel="canonical" href="javascript:alert(3)"><meta property="og:image" content="data:text/html,<script>alert(4)</script>">`,
      'an offer whose link runs code': product({
        name: 'Kettle',
        offers: { '@type': 'Offer', price: '39.90', priceCurrency: 'EUR', url: 'javascript:alert(1)' },
      }),
      'numbers that are not finite': product({
        name: 'Kettle',
        offers: { '@type': 'Offer', price: '1e400', priceCurrency: 'EUR' },
        weight: { '@type': 'QuantitativeValue', value: 'Infinity', unitCode: 'KGM' },
      }),
      'negative and NaN prices': `<html><body><div itemscope itemtype="https://schema.org/Product"><h1 itemprop="name">Kettle</h1><div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="price" content="-39.90"><meta itemprop="priceCurrency" content="EUR"><meta itemprop="price" content="NaN"></div></div></body></html>`,
      'prototype pollution through JSON-LD': `<html><head><script type="application/ld+json">{"@type":"Product","name":"Kettle","__proto__":{"polluted":"yes","@type":"Product"},"constructor":{"prototype":{"polluted":"yes"}},"offers":{"__proto__":{"price":"1"},"price":"39.90","priceCurrency":"EUR"}}</script></head><body><h1>Kettle</h1></body></html>`,
      'control characters': product({ name: 'Ket\u0000tle\u0007\u001b[31m', brand: 'Ac\u0008me' }),
      'a title of a megabyte': product({ name: `Kettle ${'very '.repeat(40_000)}`, brand: 'x'.repeat(50_000) }),
      'two thousand listing items': `<html><body><ul>${Array.from(
        { length: 2_000 },
        (_, i) =>
          `<li class="item"><a href="/p/${i}"><h3>Kettle ${i}</h3></a><span class="price">$${i + 1}.00</span></li>`,
      ).join('')}</ul></body></html>`,
    };
    const readings = Object.fromEntries(
      Object.entries(pages).map(([name, html]) => [name, extractSafely(html, 'https://shop.example/p/1')]),
    );
    // A reader may refuse a page (the JSON-LD name full of markup is not trusted), but most give a
    // product, so the checks above had something to check; and what they give is the page's own.
    for (const [name, reading] of Object.entries(readings))
      if (!['script and markup in names', 'an offer whose link runs code'].includes(name))
        expect(reading.products.length, name).toBeGreaterThan(0);
    expect(readings['markup as visible text']!.products[0]!.title).toBe('alert(1) Kettle');
    expect(readings['links that run code']!.products[0]).toMatchObject({
      url: 'https://shop.example/p/1',
      image: null,
    });
    expect(readings['control characters']!.products[0]!.title).toBe('Ket tle [31m');
    expect(readings['prototype pollution through JSON-LD']!.products[0]!.price).toEqual({
      amount: 39.9,
      currency: 'EUR',
    });
    expect(readings['two thousand listing items']!.page).toBe('listing');
  });

  // Known: a JSON-LD price of "1e400" (beyond any number) is read as 1 EUR, a confident wrong price;
  // the price reader should refuse it. This fails once that is fixed: then make it a plain `it`.
  it.fails('a JSON-LD price beyond any number gives no price (known to fail: read as 1)', () => {
    const html = `<script type="application/ld+json">{"@type":"Product","name":"Kettle","offers":{"@type":"Offer","price":"1e400","priceCurrency":"EUR"}}</script><h1>Kettle</h1>`;
    expect(extractSafely(html, 'https://shop.example/p/1').products[0]?.price ?? null).toBeNull();
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
