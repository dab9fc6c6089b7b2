// Listing pages of shops nobody wrote rules for (issue 26): tiles whose classes say nothing,
// items published only as structured data or script data, each on a small page made here.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extractPageWithAnchors } from '../../../shared/read.ts';

const page = (body: string, head = ''): Document =>
  parseHTML(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`)
    .document as unknown as Document;

const names = [
  'Oak side table',
  'Walnut bookshelf',
  'Linen armchair',
  'Pine bed frame',
  'Wool rug large',
  'Steel lamp',
];

/** A utility-class card (Tailwind-like): nothing in its classes says title or price. */
const card = (i: number, extra = ''): string =>
  `<div class="flex flex-col gap-2 p-4"><a class="block" href="/products/item-${i}"><img src="/i/${i}.jpg" alt=""></a>
   <a class="text-sm font-medium" href="/products/item-${i}">${names[i]}</a>${extra}
   <div class="mt-1 text-lg font-bold"><span>€</span><span>${49 + i},90</span></div>
   <a class="text-xs" href="/brand/acme">Acme</a></div>`;

describe('tiles whose classes say nothing', () => {
  it('are found from their printed prices, one item page each, with the title link as anchor', () => {
    const doc = page(
      `<header><a href="/cart">Cart €0,00</a></header><h1>Furniture</h1>
       <div class="grid grid-cols-4 gap-4">${[0, 1, 2, 3, 4].map((i) => card(i)).join('')}</div>`,
    );
    const { page: kind, items } = extractPageWithAnchors(doc, 'https://moebel.example/c/furniture');
    expect(kind).toBe('listing');
    expect(items.map((item) => item.product.title)).toEqual(names.slice(0, 5));
    expect(items[1]!.product).toMatchObject({
      price: { amount: 50.9, currency: 'EUR' },
      url: 'https://moebel.example/products/item-1',
    });
    expect(items[1]!.anchor?.textContent).toBe('Walnut bookshelf');
  });

  it('are the tiles, not the rows, when a grid is laid out in rows', () => {
    const rows = [0, 3].map(
      (start) => `<div class="flex">${[start, start + 1, start + 2].map((i) => card(i)).join('')}</div>`,
    );
    const doc = page(`<h1>Furniture</h1><div class="container">${rows.join('')}</div>`);
    const { items } = extractPageWithAnchors(doc, 'https://moebel.example/c/furniture');
    expect(items.map((item) => item.product.title)).toEqual(names);
  });

  it('reads a tile that is one link, and skips a struck-out former price', () => {
    const tiles = [0, 1, 2, 3].map(
      (i) =>
        `<a class="relative inline-block" href="/p/${i}"><img src="/${i}.png" alt="${names[i]}">
         <h3 class="text-base">${names[i]}</h3><s>$${200 + i}.00</s><span>$${100 + i}.00</span></a>`,
    );
    const doc = page(`<h1>Sale</h1><main><section>${tiles.join('')}</section></main>`);
    const { page: kind, items } = extractPageWithAnchors(doc, 'https://shop.example/sale');
    expect(kind).toBe('listing');
    expect(items).toHaveLength(4);
    expect(items[2]!.product).toMatchObject({ title: names[2], price: { amount: 102, currency: 'USD' } });
  });

  it('reads tiles that also link to their offers, named by their longest link, not a badge', () => {
    const tiles = [0, 1, 2, 3].map(
      (i) =>
        `<div class="s-card"><div class="inner"><h3>-13%</h3>
         <a href="/dp/${i}"><span>${names[i]} with a longer name</span></a>
         <div><span>€</span><span>${10 + i},99</span></div><a href="/offers/${i}">(5+ used &amp; new offers)</a></div></div>`,
    );
    const doc = page(`<h1>Results</h1><div class="results">${tiles.join('')}</div>`);
    const { page: kind, items } = extractPageWithAnchors(doc, 'https://shop.example/s?k=x');
    expect(kind).toBe('listing');
    expect(items.map((item) => item.product.title)).toEqual(
      names.slice(0, 4).map((name) => `${name} with a longer name`),
    );
    expect(items[0]!.product.url).toBe('https://shop.example/dp/0');
  });

  it('does not read a product page with a row of three other products as a listing', () => {
    const doc = page(
      `<main><h1>Oak dining table</h1><p class="text-2xl">€499,00</p><button>Add to basket</button>
       <div class="grid">${[1, 2, 3].map((i) => card(i)).join('')}</div></main>`,
    );
    const { page: kind, items } = extractPageWithAnchors(doc, 'https://moebel.example/p/oak-dining-table');
    expect(kind).toBe('product');
    expect(items[0]!.product.price).toEqual({ amount: 499, currency: 'EUR' });
  });
});

describe('items published as structured data', () => {
  it('reads microdata Products as tiles, not the first one as the page’s product', () => {
    const tiles = [0, 1, 2].map(
      (i) =>
        `<li itemscope itemtype="https://schema.org/Product"><a itemprop="url" href="/p/${i}"><span itemprop="name">${names[i]}</span></a>
         <span itemprop="offers" itemscope itemtype="https://schema.org/Offer"><meta itemprop="priceCurrency" content="GBP">
         <span itemprop="price" content="${20 + i}.00">£${20 + i}.00</span></span></li>`,
    );
    const doc = page(`<h1>Lamps</h1><ul>${tiles.join('')}</ul>`);
    const { page: kind, items } = extractPageWithAnchors(doc, 'https://shop.example/lamps');
    expect(kind).toBe('listing');
    expect(items.map((item) => [item.product.title, item.product.price?.amount])).toEqual([
      [names[0], 20],
      [names[1], 21],
      [names[2], 22],
    ]);
  });

  it('reads an ItemList of links, naming each item by its link and anchoring on it', () => {
    const list = {
      '@context': 'https://schema.org',
      '@type': 'ItemList',
      itemListElement: [0, 1, 2, 3].map((i) => ({
        '@type': 'ListItem',
        position: i + 1,
        url: `https://shop.example/p/${i}`,
      })),
    };
    const links = [0, 1, 2, 3].map((i) => `<div><a href="/p/${i}?ref=list">${names[i]}</a></div>`).join('');
    const doc = page(`<h1>Lamps</h1>${links}`, `<script type="application/ld+json">${JSON.stringify(list)}</script>`);
    const { page: kind, items } = extractPageWithAnchors(doc, 'https://shop.example/lamps');
    expect(kind).toBe('listing');
    expect(items.map((item) => item.product.title)).toEqual(names.slice(0, 4));
    expect(items[3]!.anchor?.getAttribute('href')).toBe('/p/3?ref=list');
  });
});

describe('a brand labelled beside the product in any element', () => {
  const product = (extra: string): Document =>
    page(
      `<main><h1>Cordless drill 18 V</h1>${extra}<p class="cost">€89,00</p></main>`,
      '<meta property="og:type" content="product">',
    );
  const brand = (extra: string): string | null | undefined =>
    extractPageWithAnchors(product(extra), 'https://shop.example/p/1').items[0]?.product.brand;

  it('reads a label and its value as a pair, with or without a colon', () => {
    expect(brand('<div class="row"><div>Marke</div><div><a href="/m/bosch">Bosch</a></div></div>')).toBe('Bosch');
    expect(brand('<p><span>Thương hiệu:</span> <a href="/th/bosch">Bosch</a></p>')).toBe('Bosch');
    expect(brand('<p><span>Brand:</span> Bosch</p>')).toBe('Bosch');
    expect(brand('<div><span>品牌：博世</span></div>')).toBe('博世');
  });

  it('reads it on a page without a heading, from the start of the page', () => {
    const doc = page(
      '<div class="box"><div>Cordless drill 18 V</div><div><span>Brand:</span> Bosch</div><p><b>Price:</b> €89,00</p></div>',
      '<title>Cordless drill 18 V</title>',
    );
    expect(extractPageWithAnchors(doc, 'https://shop.example/p/1').items[0]?.product).toMatchObject({
      title: 'Cordless drill 18 V',
      brand: 'Bosch',
    });
  });

  it('does not take a menu entry beside a bare “Brand” for the brand', () => {
    expect(brand('<ul><li><a href="/brands">Brand</a></li><li><a href="/sale">Sale</a></li><li>New</li></ul>')).toBe(
      null,
    );
  });
});

describe('a title’s leading brand confirmed by the page', () => {
  const read = (trail: string[]): string | null | undefined => {
    const crumbs = trail.map((name) => `<li><a href="/${name}">${name}</a></li>`).join('');
    const doc = page(
      `<nav class="breadcrumb"><ol>${crumbs}</ol></nav><main><h1>Miele TCF620 WP Eco dryer</h1><p class="cost">€899,00</p></main>`,
      '<meta property="og:type" content="product">',
    );
    return extractPageWithAnchors(doc, 'https://shop.example/p/1').items[0]?.product.brand;
  };

  it('takes it when a breadcrumb names it', () => {
    expect(read(['Home', 'Dryers', 'Miele'])).toBe('Miele');
  });

  it('does not take it from the title alone, nor from a last crumb that is the product itself', () => {
    expect(read(['Home', 'Dryers'])).toBe(null);
    expect(read(['Home', 'Miele TCF620 WP Eco dryer'])).toBe(null);
  });
});

describe('items only in script data', () => {
  it('reads goods named by goods_name and anchors each on its link without the query', () => {
    const goods = [0, 1, 2, 3].map((i) => ({
      goods_name: names[i],
      url: `/p/${i}`,
      price: { amount: 10 + i, currency: 'EUR' },
    }));
    const links = [0, 1, 2, 3].map((i) => `<a href="/p/${i}?from=search"><img src="/${i}.png" alt=""></a>`).join('');
    const doc = page(`<h1>Lamps</h1>${links}<script>window.__STATE__ = ${JSON.stringify({ list: goods })};</script>`);
    const { page: kind, items } = extractPageWithAnchors(doc, 'https://shop.example/lamps');
    expect(kind).toBe('listing');
    expect(items.map((item) => [item.product.title, item.product.price?.amount])).toEqual(
      names.slice(0, 4).map((name, i) => [name, 10 + i]),
    );
    expect(items[2]!.anchor?.getAttribute('href')).toBe('/p/2?from=search');
  });
});
