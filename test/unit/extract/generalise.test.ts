// The kinds of miss seen on pages the readers were not written for (issue 26), each on a small
// page made here: items and prices kept only in script data, a sale price beside the regular,
// per-unit and instalment ones, brands printed only in a byline, a spec row or the title, and
// currencies that need the shop's country.

import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { withDocumentElement } from '../../../shared/extract/charset.ts';
import { cleanBrand } from '../../../shared/extract/heuristics.ts';
import { parsePrice } from '../../../shared/extract/price.ts';
import { extractPage } from '../../../shared/read.ts';

const page = (body: string, head = ''): Document =>
  parseHTML(`<!doctype html><html lang="en"><head>${head}</head><body>${body}</body></html>`)
    .document as unknown as Document;

const tiles = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: i,
    name: `Cordless drill model ${i + 1}`,
    url: `/p/drill-${i + 1}`,
    price: { regularPrice: 99 + i, salePrice: { amount: 79 + i }, currency: 'EUR' },
    brand: { name: 'Bosch' },
  }));

describe('listing items kept in script data', () => {
  it('reads a Next.js page whose tiles are not in the markup, at the sale price', () => {
    const data = { props: { pageProps: { search: { total: 5, results: tiles(5) } } } };
    const doc = page(
      `<h1>Drills</h1><div id="__next"></div><a href="/p/drill-2">Cordless drill model 2</a>
       <script id="__NEXT_DATA__" type="application/json">${JSON.stringify(data)}</script>`,
    );
    const result = extractPage(doc, 'https://shop.example/c/drills');
    expect(result.page).toBe('listing');
    expect(result.products).toHaveLength(5);
    expect(result.products[0]).toMatchObject({
      title: 'Cordless drill model 1',
      price: { amount: 79, currency: 'EUR' },
      brand: 'Bosch',
      url: 'https://shop.example/p/drill-1',
    });
  });

  it('reads state an inline script assigns, written as a JavaScript literal', () => {
    const state = JSON.stringify({ catalog: { hits: tiles(4), facets: [] } }).replace(
      '"facets":[]',
      '"facets":undefined',
    );
    const doc = page(`<h1>Drills</h1><script>window.__STATE__ = ${state};</script>`);
    const result = extractPage(doc, 'https://shop.example/c/drills');
    expect(result.page).toBe('listing');
    expect(result.products.map((p) => p.price?.amount)).toEqual([79, 80, 81, 82]);
  });

  it('does not turn a product page with a row of other products in its data into a listing', () => {
    const doc = page(
      `<h1>Hammer drill HD-2</h1><span class="price">€149.00</span>
       <script type="application/json">${JSON.stringify({ related: tiles(6) })}</script>`,
    );
    const result = extractPage(doc, 'https://shop.example/p/hd-2');
    expect(result.page).toBe('product');
    expect(result.products[0]).toMatchObject({ title: 'Hammer drill HD-2', price: { amount: 149, currency: 'EUR' } });
  });
});

describe('listing items kept as JSON inside a script’s strings and literals', () => {
  const mugs = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      title: `Stoneware mug no ${i + 1}`,
      href: `/p/mug-${i + 1}`,
      price: { value: 12 + i, currencyCode: 'GBP' },
      image: `/img/mug-${i + 1}.jpg`,
    }));
  const read = (scripts: string) =>
    extractPage(page(`<h1>Mugs</h1><div id="root"></div>${scripts}`), 'https://shop.example.co.uk/c/mugs');
  const payload = JSON.stringify({ search: { total: 5, products: mugs(5) } });

  it('reads JSON.parse("…") and JSON.parse(\'…\') payloads', () => {
    const double = read(`<script>window.__S__ = JSON.parse(${JSON.stringify(payload)});</script>`);
    expect(double.page).toBe('listing');
    expect(double.products.map((p) => p.price?.amount)).toEqual([12, 13, 14, 15, 16]);
    expect(double.products[4]).toMatchObject({
      title: 'Stoneware mug no 5',
      url: 'https://shop.example.co.uk/p/mug-5',
    });
    // Single quotes: a quote inside is escaped with a backslash, \x escapes.
    const single = payload.replace('Stoneware mug no 2', "Kid\\'s mug \\x26 cup");
    const result = read(`<script>var s = JSON.parse('${single}');</script>`);
    expect(result.products).toHaveLength(5);
    expect(result.products[1]?.title).toBe("Kid's mug & cup");
  });

  it('reads Next.js flight data, joining a row cut across chunks', () => {
    const rows = `1:I[123,[],"default"]\n2:["$","div",null,{"children":["$","$L1",null,{"items":${JSON.stringify(mugs(6))}}]}]\n`;
    const cut = rows.indexOf('Stoneware mug no 3');
    const chunks = [rows.slice(0, cut), rows.slice(cut)]
      .map((chunk) => `<script>self.__next_f.push([1,${JSON.stringify(chunk)}])</script>`)
      .join('');
    const result = read(`<script>(self.__next_f=self.__next_f||[]).push([0])</script>${chunks}`);
    expect(result.page).toBe('listing');
    expect(result.products.map((p) => p.title)).toEqual(mugs(6).map((m) => m.title));
  });

  it('reads JavaScript literals: bare keys, single quotes, undefined, !0, trailing commas, Nuxt’s function form', () => {
    const literal = `{data:[{products:[{name:"Mug a",price:12,url:"/p/a",},{name:'Mug b',price:13,url:"/p/b",x:undefined},
      {name:"Mug c",price:14.5,url:"/p/c",ok:!0},{name:"Mug d",price:15,url:"/p/d",at:void 0}]}]}`;
    expect(read(`<script>window.__NUXT__=${literal};</script>`).products.map((p) => p.price?.amount)).toEqual([
      12, 13, 14.5, 15,
    ]);
    const nuxt = read(
      `<script>window.__NUXT__=(function(a,b){return {layout:"default",state:${literal}}}("GBP",!1));</script>`,
    );
    expect(nuxt.products.map((p) => p.title)).toEqual(['Mug a', 'Mug b', 'Mug c', 'Mug d']);
    // State passed to a call inside code that is not a literal.
    const wrapped = read(
      `<script>app.init({ mount() { return 1 }, el: '#root' }); store.hydrate(${literal.replace('data', 'list')})</script>`,
    );
    expect(wrapped.products).toHaveLength(4);
  });

  it('reads Nuxt 3’s flattened data, whose objects hold the indices of their values', () => {
    const flat: unknown[] = [['ShallowReactive', 1], { data: 2 }, { list: 3 }, [4, 8, 12, 16]];
    for (let k = 0; k < 4; k++) {
      const at = flat.length;
      flat.push({ name: at + 1, price: at + 2, url: at + 3 }, `Mug ${k}`, 12 + k, `/p/m${k}`);
    }
    const result = read(`<script type="application/json" id="__NUXT_DATA__">${JSON.stringify(flat)}</script>`);
    expect(result.products.map((p) => [p.title, p.price?.amount])).toEqual([
      ['Mug 0', 12],
      ['Mug 1', 13],
      ['Mug 2', 14],
      ['Mug 3', 15],
    ]);
  });

  it('takes the data’s full list when the markup renders only its first tiles, not a row of recommendations', () => {
    const tile = (m: { title: string; href: string }, i: number) =>
      `<li class="card"><a href="${m.href}"><h3>${m.title}</h3></a><span class="price">£${12 + i}.00</span></li>`;
    const shown = (list: ReturnType<typeof mugs>) => `<ul>${list.slice(0, 4).map(tile).join('')}</ul>`;
    const all = mugs(20);
    const state = `<script>window.__STATE__ = ${JSON.stringify({ grid: { hits: all } })};</script>`;
    const full = read(shown(all) + state);
    expect(full.products).toHaveLength(20);
    expect(full.products[19]).toMatchObject({ title: 'Stoneware mug no 20', price: { amount: 31 } });
    // Data listing other products (recommendations) leaves the shown tiles as they are.
    const others = all.map((m, i) => ({ ...m, title: `Linen tea towel ${i}`, href: `/p/towel-${i}` }));
    const recommended = `<script>window.__STATE__ = ${JSON.stringify({ recs: others })};</script>`;
    expect(read(shown(all) + recommended).products.map((p) => p.title)).toEqual(all.slice(0, 4).map((m) => m.title));
  });

  it('finds the price paid now in the price objects shops nest', () => {
    const shaped = (shape: (i: number) => object) =>
      read(
        `<script>window.__S__=${JSON.stringify({ list: { results: [0, 1, 2, 3].map(shape) } })}</script>`,
      ).products.map((p) => p.price?.amount);
    const now = [10, 11, 12, 13];
    expect(
      shaped((i) => ({
        name: `Mug ${i}`,
        url: `/p/${i}`,
        price: { previous: { value: 30 }, current: { value: 10 + i } },
      })),
    ).toEqual(now);
    expect(
      shaped((i) => ({
        title: `Mug ${i}`,
        priceRange: {
          maxVariantPrice: { amount: '40.0' },
          minVariantPrice: { amount: `${10 + i}.0`, currencyCode: 'GBP' },
        },
      })),
    ).toEqual(now);
    expect(
      shaped((i) => ({
        name: `Mug ${i}`,
        price_range: {
          minimum_price: { regular_price: { value: 40 }, final_price: { value: 10 + i, currency: 'GBP' } },
        },
      })),
    ).toEqual(now);
    expect(shaped((i) => ({ name: `Mug ${i}`, prices: { regular: 40, sale: 10 + i } }))).toEqual(now);
  });

  it('reads nothing from code that only looks like data', () => {
    const code = `<script>var price = {name: "x", price: fn(1)}; if (a) { run([{name: "Mug", price: 1 + 2}]) }</script>`;
    expect(read(code).products).toEqual([]);
  });
});

describe('a product page whose price is only in script data', () => {
  it('takes the object named like the heading, its sale price and brand', () => {
    const product = {
      productName: 'Espresso machine EM 300',
      listPrice: '329,00 €',
      finalPrice: '279,00 €',
      unitPrice: '279,00 €/Stück',
      manufacturer: 'Brewista',
    };
    const doc = page(
      `<h1>Espresso machine EM 300</h1><div id="app"></div>
       <script>window.__INITIAL__ = ${JSON.stringify({ pdp: { product }, others: tiles(3) })};</script>`,
    );
    const [read] = extractPage(doc, 'https://shop.example.de/p/em300').products;
    expect(read).toMatchObject({ title: 'Espresso machine EM 300', price: { amount: 279, currency: 'EUR' } });
    expect(read?.brand).toBe('Brewista');
  });
});

describe('a product page whose price is only in Next.js flight data', () => {
  it('takes the object named like the heading from the flight rows', () => {
    const product = {
      name: 'Walnut side table',
      sku: 'WST-1',
      price: { amount: '189.00', currencyCode: 'EUR' },
      brand: 'Holzwerk',
    };
    const rows = `3:["$","main",null,{"product":${JSON.stringify(product)},"related":[]}]\n`;
    const doc = page(
      `<h1>Walnut side table</h1><div id="gallery"></div>
       <script>self.__next_f.push([1,${JSON.stringify(rows)}])</script>`,
    );
    const [read] = extractPage(doc, 'https://shop.example.de/p/wst-1').products;
    expect(read).toMatchObject({
      title: 'Walnut side table',
      price: { amount: 189, currency: 'EUR' },
      brand: 'Holzwerk',
    });
  });
});

describe('brands printed only in a byline, a spec row or the title', () => {
  it('strips the words a byline wraps the brand in', () => {
    expect(cleanBrand('Visite a Loja da Hi-Spec (em Espanhol)')).toBe('Hi-Spec');
    expect(cleanBrand('Besuche den Bosch-Store')).toBe('Bosch');
    expect(cleanBrand('Hersteller: Miele')).toBe('Miele');
  });

  const product = (body: string) =>
    extractPage(
      page(`<h1>${body}</h1><p class="price">$59.99</p>`, '<meta property="og:type" content="product">'),
      'https://shop.example/p/1',
    ).products[0];

  it('reads a manufacturer row when there is no brand row', () => {
    const doc = page(
      `<h1>TCF620 heat-pump dryer</h1><span class="price">€1,249.00</span>
       <table><tr><th>Hersteller</th><td>Miele</td></tr><tr><th>Farbe</th><td>weiß</td></tr></table>`,
      '<meta property="og:type" content="product">',
    );
    expect(extractPage(doc, 'https://shop.example.at/p/1').products[0]?.brand).toBe('Miele');
  });

  it('takes the title’s first words as the brand only when the page names them as one elsewhere', () => {
    expect(product('Womier S-K80 Mechanical Keyboard')?.brand).toBeNull();
    const linked = extractPage(
      page(
        '<nav><a href="/brand/google">Google</a></nav><h1>Google Nest Mini Speaker</h1><p class="price">$49.00</p>',
        '<meta property="og:type" content="product">',
      ),
      'https://shop.example/p/2',
    ).products[0];
    expect(linked?.brand).toBe('Google');
    const scripted = extractPage(
      page(
        `<h1>TP-Link Tapo C200 Camera</h1><p class="price">£24.99</p><script>window.__data={"p":{"brand":"TP Link"}};</script>`,
        '<meta property="og:type" content="product">',
      ),
      'https://shop.example.co.uk/p/3',
    ).products[0];
    expect(scripted?.brand).toBe('TP-Link');
    expect(product('【下營農會】鵝肉鬆 250g')?.brand).toBe('下營農會');
  });
});

describe('which printed price is paid now', () => {
  it('skips a price struck out by style, an instalment and a per-unit price', () => {
    const doc = page(
      `<h1>Trail running shoe</h1>
       <div><span style="text-decoration: line-through">R$ 499,90</span></div>
       <div><span class="offer">12x de R$ 33,33 sem juros</span></div>
       <div><span class="amount">R$ 399,90</span></div>`,
      '<meta property="og:type" content="product">',
    );
    expect(extractPage(doc, 'https://loja.example.com.br/p/1').products[0]?.price).toEqual({
      amount: 399.9,
      currency: 'BRL',
    });
  });

  it('skips an auction estimate for the current bid', () => {
    const doc = page(
      `<h1>Art deco table lamp</h1><div class="lot-estimate">Estimate: €200 - €300</div>
       <div class="current-bid">€140</div>`,
      '<meta property="og:type" content="product">',
    );
    expect(extractPage(doc, 'https://auction.example.de/lot/1').products[0]?.price).toEqual({
      amount: 140,
      currency: 'EUR',
    });
  });
});

describe('currencies that need the shop’s country', () => {
  it('reads the dollar sign as the peso where shops price in pesos, and LE as Egyptian pounds', () => {
    expect(parsePrice('$ 12.990', { country: 'CL' }).currency).toBe('CLP');
    expect(parsePrice('$ 12.990', { country: 'CO' }).currency).toBe('COP');
    expect(parsePrice('$12.99', { country: 'US' }).currency).toBe('USD');
    expect(parsePrice('LE 329')).toMatchObject({ amount: 329, currency: 'EGP' });
    expect(parsePrice('Le 12 mars').currency).toBeNull();
  });
});

describe('a product without a price', () => {
  it('is still read when the page describes a product', () => {
    const doc = page(
      '<h1>Oak dining table</h1><p>Currently unavailable</p>',
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'Product', name: 'Oak dining table', brand: 'Woodco' })}</script>`,
    );
    const result = extractPage(doc, 'https://shop.example/p/oak');
    expect(result.page).toBe('product');
    expect(result.products[0]).toMatchObject({ title: 'Oak dining table', price: null, brand: 'Woodco' });
  });
});

describe('prices script data gives in cents', () => {
  it('are divided by 100 when the page prints them so', () => {
    const variants = [
      { name: 'Linen shirt - S', price: 4999, currency: 'USD' },
      { name: 'Linen shirt - M', price: 4999, currency: 'USD' },
      { name: 'Linen shirt - L', price: 5499, currency: 'USD' },
    ];
    const doc = page(
      `<h1>Linen shirt - S</h1><div id="app"><span>Size S</span> <b class="price">49.99</b></div>
       <script>var meta = ${JSON.stringify({ product: { variants } })};</script>`,
    );
    expect(extractPage(doc, 'https://shop.example/products/shirt').products[0]?.price).toEqual({
      amount: 49.99,
      currency: 'USD',
    });
  });
});

describe('an old shop template without a heading', () => {
  it('reads the name from the document title and the price and maker from bold labels', () => {
    const doc = parseHTML(
      `<html><head><title>oldshop - Teak sideboard, c1960s</title></head><body><table><tr><td>
       <p><b>Manufacturer: </b><span>Mcintosh, Scotland</span></p>
       <p><font><b>Price:</b>&nbsp;£450</font></p><p><b>Shipping:</b> £30 to mainland UK</p>
       </td></tr></table></body></html>`,
    ).document as unknown as Document;
    const result = extractPage(doc, 'https://www.oldshop.co.uk/items/sideboard.html');
    expect(result.page).toBe('product');
    expect(result.products[0]).toMatchObject({
      title: 'Teak sideboard, c1960s',
      price: { amount: 450, currency: 'GBP' },
      brand: 'Mcintosh',
    });
  });

  it('is parsed whole when the saved page leaves out its <html> tag', () => {
    const html = withDocumentElement('<head><title>x</title></head><body><h1>Teak sideboard</h1></body>');
    expect(parseHTML(html).document.querySelector('h1')?.textContent).toBe('Teak sideboard');
    expect(withDocumentElement('<!doctype html><html><body></body></html>')).toBe(
      '<!doctype html><html><body></body></html>',
    );
  });

  it('is not read from a page with a heading and no product on it', () => {
    const doc = page('<h1>About us</h1><p><b>Price:</b> from £10 a month</p>');
    expect(extractPage(doc, 'https://www.oldshop.co.uk/about').page).toBe('other');
  });
});
